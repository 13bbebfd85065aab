#include "app/gui/framework/TickController.h"

namespace as::gui {

void TickController::attach(TickWorker* worker) {
    tick_ = worker;
    connect(worker, &TickWorker::playingChanged, this, [this](bool on) {
        playing_ = on;
        emit playingChanged(on);
    });
    connect(worker, &TickWorker::halted, this, &TickController::halted);
    connect(worker, &TickWorker::rejected, this, &TickController::rejected);
    post([w = worker] { w->start(); });
}

void TickController::play() {
    playing_ = true;  // optimistic; corrected by playingChanged
    post([w = tick_] { w->play(); });
}

void TickController::pause() {
    playing_ = false;
    post([w = tick_] { w->pause(); });
}

void TickController::stepOnce() {
    post([w = tick_] { w->stepOnce(); });
}

void TickController::runSteps(long n) {
    QMetaObject::invokeMethod(
        tick_, [w = tick_, n] { w->runSteps(n); }, Qt::BlockingQueuedConnection);
}

}  // namespace as::gui
