#include "app/gui/ei/EiController.h"

#include <QMetaObject>

#include "app/gui/ei/EiWorker.h"

namespace as::gui {

EiController::EiController(QObject* parent) : EiSignals(parent) {
    host_ = std::make_unique<WorkerThread<EiWorker>>(new EiWorker(&slot_, &cancel_),
                                                     QStringLiteral("ei-worker"), &cancel_);
    worker_ = host_->worker();
    connect(worker_, &EiWorker::playingChanged, this, [this](bool p) {
        playing_ = p;
        emit playingChanged(p);
    });
    connect(worker_, &EiWorker::halted, this, &EiController::halted);
    connect(worker_, &EiWorker::protocolProgress, this, &EiController::protocolProgress);
    connect(worker_, &EiWorker::protocolFinished, this,
            [this](const QString& s, const QString& c, bool ok) {
                protocolRunning_ = false;
                emit protocolFinished(s, c, ok);
            });
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { w->start(); }, Qt::BlockingQueuedConnection);
}

EiController::~EiController() {
    // host_ (declared last) sets the cancel flag, deletes the worker in its thread and joins.
}

// isPlaying() follows a request at once (as in the Ring and Torus controllers; the worker's
// playingChanged corrects it), so a tab change right after Play remembers to resume.
void EiController::play() {
    playing_ = true;
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->play(); });
}
void EiController::pause() {
    playing_ = false;
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->pause(); });
}
void EiController::reset(const as::EiParams& p) {
    QMetaObject::invokeMethod(worker_, [w = worker_, p] { w->reset(p); });
}
void EiController::setMode(as::EiMode m) {
    QMetaObject::invokeMethod(worker_, [w = worker_, m] { w->setMode(int(m)); });
}
void EiController::setBump(bool on, double z) {
    QMetaObject::invokeMethod(worker_, [w = worker_, on, z] { w->setBump(on, z); });
}
void EiController::runFor(double ms) {
    QMetaObject::invokeMethod(
        worker_, [w = worker_, ms] { w->runFor(ms); }, Qt::BlockingQueuedConnection);
}

void EiController::runProtocol(const QString& name, double durationMs, const as::EiParams& p) {
    protocolRunning_ = true;
    cancel_.store(false);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, name, durationMs, p] { w->runProtocol(name, durationMs, p); });
}

}  // namespace as::gui
