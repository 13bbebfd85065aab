#include "app/gui/sde/AnalysisRunner.h"

namespace as::gui {

AnalysisRunner::AnalysisRunner(QObject* parent) : QObject(parent) {}

AnalysisRunner::~AnalysisRunner() {
    pending_.reset();
    cancel_ = true;
    job_.join();  // at most one attractor's solve (~1 s at N = 784)
}

quint64 AnalysisRunner::submit(AnalysisRequest request) {
    request.generation = ++generation_;
    if (job_.busy()) {  // let the running job stop at its next check, then start the newest request
        cancel_ = true;
        pending_ = std::move(request);
    } else {
        start(std::move(request));
    }
    return generation_;
}

void AnalysisRunner::cancel() {
    pending_.reset();
    cancel_ = true;
}

void AnalysisRunner::wait() {
    job_.wait();
}

void AnalysisRunner::start(AnalysisRequest request) {
    cancel_ = false;
    job_.start(
        [this, request] {
            runAnalysis(request, cancel_, [this](std::shared_ptr<const AnalysisResult> r) {
                // Back to the GUI thread; dropped if the runner is gone or a newer request was
                // made.
                QMetaObject::invokeMethod(
                    this,
                    [this, r] {
                        if (r->generation == generation_) emit result(r);
                    },
                    Qt::QueuedConnection);
            });
        },
        [this] { threadDone(); });
    emit busyChanged(true);
}

void AnalysisRunner::threadDone() {
    if (pending_) {
        AnalysisRequest next = std::move(*pending_);
        pending_.reset();
        start(std::move(next));
    } else {
        emit busyChanged(false);
    }
}

}  // namespace as::gui
