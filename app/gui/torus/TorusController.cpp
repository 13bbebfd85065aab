#include "app/gui/torus/TorusController.h"

namespace as::gui {

TorusController::TorusController(std::unique_ptr<as::TorusSimulation> torus,
                                 std::unique_ptr<as::Hd2dSimulation> hd2d, QObject* parent)
    : TickController(parent),
      torusParams_(torus->params()),
      hd2dParams_(hd2d->params()),
      trajectory_(torus->trajectoryParams()),
      heading_(hd2d->headingParams()) {
    host_ = std::make_unique<WorkerThread<TorusWorker>>(
        new TorusWorker(std::move(torus), std::move(hd2d), &torusSlot_, &hd2dSlot_, &steps_),
        QStringLiteral("torus-worker"));
    worker_ = host_->worker();
    attach(worker_);
}

TorusController::~TorusController() {
    // host_ (declared last) sets the cancel flag, deletes the worker in its thread and joins.
}

void TorusController::reset() {
    post([w = worker_] { w->reset(); });
}

void TorusController::setMode(Mode m) {
    mode_ = m;
    post([w = worker_, m] { w->setMode(m); });
}

void TorusController::setTorusParams(const as::TorusParams& p) {
    torusParams_ = p;
    post([w = worker_, p] { w->setTorusParams(p); });
}

void TorusController::setTrajectory(const as::TrajectoryParams& t) {
    trajectory_ = t;
    post([w = worker_, t] { w->setTrajectory(t); });
}

void TorusController::setHd2dParams(const as::TorusParams& p) {
    hd2dParams_ = p;
    post([w = worker_, p] { w->setHd2dParams(p); });
}

void TorusController::setHeading(const as::TrajectoryParams& h) {
    heading_ = h;
    post([w = worker_, h] { w->setHeadingParams(h); });
}

void TorusController::setSteering(double vx, double vy, double vz) {
    post([w = worker_, vx, vy, vz] { w->setSteering(vx, vy, vz); });
}

void TorusController::setPosition(double x, double y, double z) {
    post([w = worker_, x, y, z] { w->setPosition(x, y, z); });
}

void TorusController::setStepsPerFrame(int n) {
    post([w = worker_, n] { w->setStepsPerFrame(n); });
}

void TorusController::replaceTorus(std::unique_ptr<as::TorusSimulation> sim) {
    torusParams_ = sim->params();
    trajectory_ = sim->trajectoryParams();
    as::TorusSimulation* raw = sim.release();
    post([w = worker_, raw] { w->replaceTorus(raw); });
}

void TorusController::replaceHd2d(std::unique_ptr<as::Hd2dSimulation> sim) {
    hd2dParams_ = sim->params();
    heading_ = sim->headingParams();
    as::Hd2dSimulation* raw = sim.release();
    post([w = worker_, raw] { w->replaceHd2d(raw); });
}

QString TorusController::inspect(
    const std::function<void(const as::TorusSimulation&, const as::Hd2dSimulation&)>& visit) {
    QString error;
    QMetaObject::invokeMethod(
        worker_, [&] { error = worker_->inspect(visit); }, Qt::BlockingQueuedConnection);
    return error;
}

}  // namespace as::gui
