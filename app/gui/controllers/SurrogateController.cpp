#include "controllers/SurrogateController.h"

#include <QMetaObject>

#include "controllers/SurrogateWorker.h"

namespace as::gui {

SurrogateController::SurrogateController(QObject* parent)
    : QObject(parent), worker_(new SurrogateWorker(&cancel_)) {
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SurrogateWorker::modelChanged, this, &SurrogateController::modelChanged);
    connect(worker_, &SurrogateWorker::failed, this, &SurrogateController::failed);
    connect(worker_, &SurrogateWorker::loadFinished, this, &SurrogateController::loadFinished);
    connect(worker_, &SurrogateWorker::trainingFinished, this,
            &SurrogateController::trainingFinished);
    thread_.setObjectName(QStringLiteral("surrogate worker"));
    thread_.start();
    post([w = worker_] { w->start(); });
}

SurrogateController::~SurrogateController() {
    cancel_.store(true);
    thread_.quit();
    thread_.wait();
}

template <class F>
void SurrogateController::post(F&& f) {
    QMetaObject::invokeMethod(worker_, std::forward<F>(f), Qt::QueuedConnection);
}

void SurrogateController::play() {
    post([w = worker_] { w->play(); });
}
void SurrogateController::pause() {
    post([w = worker_] { w->pause(); });
}
void SurrogateController::reset() {
    post([w = worker_] { w->reset(); });
}
void SurrogateController::setSource(int s) {
    post([w = worker_, s] { w->setSource(s); });
}
void SurrogateController::setMouseAngle(double z) {
    post([w = worker_, z] { w->setMouseAngle(z); });
}
void SurrogateController::setStepsPerTick(int n) {
    post([w = worker_, n] { w->setStepsPerTick(n); });
}
void SurrogateController::loadModel(const QString& p) {
    post([w = worker_, p] { w->loadModel(p); });
}
void SurrogateController::saveModel(const QString& p) {
    post([w = worker_, p] { w->saveModel(p); });
}
void SurrogateController::train(int sequences, const as::surrogate::TrainParams& params) {
    cancel_.store(false);
    post([w = worker_, sequences, params] { w->train(sequences, params); });
}

std::shared_ptr<const as::surrogate::SurrogateSnapshot> SurrogateController::latest() const {
    return worker_->snapshot();
}

}  // namespace as::gui
