#include "app/gui/surrogate/SurrogateController.h"

#include <QMetaObject>

#include "app/gui/surrogate/SurrogateWorker.h"

namespace as::gui {

SurrogateController::SurrogateController(QObject* parent) : SurrogateSignals(parent) {
    host_ = std::make_unique<WorkerThread<SurrogateWorker>>(
        new SurrogateWorker(&cancel_), QStringLiteral("surrogate-worker"), &cancel_);
    worker_ = host_->worker();
    connect(worker_, &SurrogateWorker::modelChanged, this, &SurrogateController::modelChanged);
    connect(worker_, &SurrogateWorker::failed, this, &SurrogateController::failed);
    connect(worker_, &SurrogateWorker::loadFinished, this, &SurrogateController::loadFinished);
    connect(worker_, &SurrogateWorker::trainingFinished, this,
            &SurrogateController::trainingFinished);
    post([w = worker_] { w->start(); });
}

SurrogateController::~SurrogateController() {
    // host_ (declared last) sets the cancel flag, deletes the worker in its thread and joins.
}

template <class F>
void SurrogateController::post(F&& f) {
    QMetaObject::invokeMethod(worker_, std::forward<F>(f), Qt::QueuedConnection);
}

void SurrogateController::play() {
    post([w = worker_] { w->play(); });
    if (!playing_) emit playingChanged(playing_ = true);
}
void SurrogateController::pause() {
    post([w = worker_] { w->pause(); });
    if (playing_) emit playingChanged(playing_ = false);
}
void SurrogateController::reset() {
    post([w = worker_] { w->reset(); });
}
void SurrogateController::runSteps(int n) {
    host_->call([n](SurrogateWorker& w) { w.runSteps(n); });
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
