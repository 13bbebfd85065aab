#include "app/gui/sde/SdeController.h"

#include <QMetaObject>

#include "app/gui/sde/SdeWorker.h"

namespace as::gui {

SdeController::SdeController(QObject* parent) : SdeSignals(parent) {
    host_ = std::make_unique<WorkerThread<SdeWorker>>(new SdeWorker(&slot_),
                                                      QStringLiteral("sde-worker"));
    worker_ = host_->worker();
    connect(worker_, &SdeWorker::playingChanged, this, [this](bool p) {
        playing_ = p;
        emit playingChanged(p);
    });
    connect(worker_, &SdeWorker::modelReplaced, this, &SdeController::modelReplaced);
    connect(worker_, &SdeWorker::failed, this, &SdeController::failed);
    connect(worker_, &SdeWorker::decided, this, &SdeController::decided);
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { w->start(); }, Qt::BlockingQueuedConnection);
}

SdeController::~SdeController() {
    // host_ (declared last) sets the cancel flag, deletes the worker in its thread and joins.
}

void SdeController::play() {
    playing_ = true;  // at once, as in the other labs' controllers; corrected by playingChanged
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->play(); });
}
void SdeController::pause() {
    playing_ = false;
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->pause(); });
}
void SdeController::stepOnce() {
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->stepOnce(); });
}
void SdeController::reset() {
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->reset(); });
}
void SdeController::setStepsPerSecond(double s) {
    QMetaObject::invokeMethod(worker_, [w = worker_, s] { w->setStepsPerSecond(s); });
}
void SdeController::setStopAtHorizon(bool on) {
    QMetaObject::invokeMethod(worker_, [w = worker_, on] { w->setStopAtHorizon(on); });
}
void SdeController::setModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name,
                             bool trained) {
    QMetaObject::invokeMethod(
        worker_, [w = worker_, model, name, trained] { w->setModel(model, name, trained); });
}
void SdeController::setParams(const as::sde::SdeParams& p) {
    QMetaObject::invokeMethod(worker_, [w = worker_, p] { w->setParams(p); });
}
void SdeController::setInput(const std::vector<float>& x0, int label) {
    QMetaObject::invokeMethod(worker_, [w = worker_, x0, label] { w->setInput(x0, label); });
}
void SdeController::sync() {
    QMetaObject::invokeMethod(
        worker_, [] {}, Qt::BlockingQueuedConnection);
}

}  // namespace as::gui
