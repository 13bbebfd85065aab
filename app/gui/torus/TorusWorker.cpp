#include "app/gui/torus/TorusWorker.h"

namespace as::gui {

TorusWorker::TorusWorker(std::unique_ptr<as::TorusSimulation> torus,
                         std::unique_ptr<as::Hd2dSimulation> hd2d,
                         SnapshotSlot<as::TorusSnapshot>* torusSlot,
                         SnapshotSlot<as::Hd2dSnapshot>* hd2dSlot, std::atomic<long>* stepCounter)
    : TickWorker(/*stepsPerFrame=*/40, /*maxChunk=*/4),
      torus_(std::move(torus)),
      hd2d_(std::move(hd2d)),
      torusSlot_(torusSlot),
      hd2dSlot_(hd2dSlot),
      stepCounter_(stepCounter) {
    // Both views start with a picture (start() publishes only the active one).
    torusSlot_->store(torus_->snapshot());
    hd2dSlot_->store(hd2d_->snapshot());
}

bool TorusWorker::isHalted() const {
    return mode_ == Mode::Grid3d ? torus_->halted() : hd2d_->halted();
}
std::string TorusWorker::haltMessage() const {
    return mode_ == Mode::Grid3d ? torus_->message() : hd2d_->message();
}
int TorusWorker::advance(int n) {
    return mode_ == Mode::Grid3d ? torus_->step(n) : hd2d_->step(n);
}

void TorusWorker::publish() {
    if (mode_ == Mode::Grid3d) {
        auto s = torus_->snapshot();
        s->stepsPerSecond = stepsPerSecond();
        stepCounter_->store(torus_->steps());
        torusSlot_->store(std::move(s));
    } else {
        auto s = hd2d_->snapshot();
        s->stepsPerSecond = stepsPerSecond();
        stepCounter_->store(hd2d_->steps());
        hd2dSlot_->store(std::move(s));
    }
}

void TorusWorker::reset() {
    if (mode_ == Mode::Grid3d)
        torus_->reset();
    else
        hd2d_->reset();
    publish();
}

void TorusWorker::setMode(Mode m) {
    mode_ = m;
    restartRate();
    publish();
}

void TorusWorker::setTorusParams(const as::TorusParams& p) {
    applyOrReject([&] { torus_->setParams(p); });
}

void TorusWorker::setTrajectory(const as::TrajectoryParams& t) {
    applyOrReject([&] { torus_->setTrajectory(t); });
}

void TorusWorker::setHd2dParams(const as::TorusParams& p) {
    applyOrReject([&] { hd2d_->setParams(p); });
}

void TorusWorker::setHeadingParams(const as::TrajectoryParams& h) {
    applyOrReject([&] { hd2d_->setHeadingParams(h); });
}

void TorusWorker::setSteering(double vx, double vy, double vz) {
    torus_->setSteering({vx, vy, vz});
    hd2d_->setSteering(vx, vy);
}

void TorusWorker::setPosition(double x, double y, double z) {
    if (mode_ == Mode::Grid3d)
        torus_->setPosition({x, y, z});
    else
        hd2d_->setHeading(x, y);
    if (!isPlaying()) publish();
}

void TorusWorker::replaceTorus(as::TorusSimulation* sim) {
    torus_.reset(sim);
    publish();
}

void TorusWorker::replaceHd2d(as::Hd2dSimulation* sim) {
    hd2d_.reset(sim);
    hd2dSlot_->store(hd2d_->snapshot());
}

QString TorusWorker::inspect(
    const std::function<void(const as::TorusSimulation&, const as::Hd2dSimulation&)>& visit) {
    try {
        visit(*torus_, *hd2d_);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace as::gui
