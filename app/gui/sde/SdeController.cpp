#include "sde/SdeController.h"

#include <QMetaObject>

#include "sde/SdeWorker.h"

namespace as::gui {

SdeController::SdeController(QObject* parent) : QObject(parent) {
    worker_ = new SdeWorker(&slot_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SdeWorker::playingChanged, this, [this](bool p) {
        playing_ = p;
        emit playingChanged(p);
    });
    connect(worker_, &SdeWorker::modelReplaced, this, &SdeController::modelReplaced);
    connect(worker_, &SdeWorker::failed, this, &SdeController::failed);
    connect(worker_, &SdeWorker::decided, this, &SdeController::decided);
    thread_.setObjectName(QStringLiteral("sde worker"));
    thread_.start();
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { w->start(); }, Qt::BlockingQueuedConnection);
}

SdeController::~SdeController() {
    thread_.quit();
    thread_.wait();
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
