#include "controllers/TorusWorker.h"

#include <QTimer>

namespace as::gui {

TorusWorker::TorusWorker(std::unique_ptr<as::TorusSimulation> torus,
                         std::unique_ptr<as::Hd2dSimulation> hd2d, TorusSnapshotSlot* slot,
                         std::atomic<long>* stepCounter)
    : torus_(std::move(torus)), hd2d_(std::move(hd2d)), slot_(slot), stepCounter_(stepCounter) {}

TorusWorker::~TorusWorker() = default;

void TorusWorker::start() {
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(16);
    connect(timer_, &QTimer::timeout, this, &TorusWorker::tick);
    // Both views start with a picture.
    slot_->store(torus_->snapshot(), hd2d_->snapshot());
}

bool TorusWorker::activeHalted() const {
    return mode_ == Mode::Grid3d ? torus_->halted() : hd2d_->halted();
}
std::string TorusWorker::activeMessage() const {
    return mode_ == Mode::Grid3d ? torus_->message() : hd2d_->message();
}
int TorusWorker::stepActive(int n) {
    return mode_ == Mode::Grid3d ? torus_->step(n) : hd2d_->step(n);
}

void TorusWorker::play() {
    if (playing_) return;
    if (activeHalted()) {
        emit halted(QString::fromStdString(activeMessage()));
        return;
    }
    playing_ = true;
    rateClock_.start();
    rateSteps_ = 0;
    timer_->start();
    emit playingChanged(true);
}

void TorusWorker::pause() {
    if (!playing_) return;
    playing_ = false;
    timer_->stop();
    stepsPerSecond_ = 0;
    publish();
    emit playingChanged(false);
}

void TorusWorker::tick() {
    if (!playing_) return;
    QElapsedTimer budget;
    budget.start();
    int done = 0;
    const int chunk = std::max(1, std::min(stepsPerFrame_, 4));
    while (done < stepsPerFrame_ && !activeHalted()) {
        done += stepActive(std::min(chunk, stepsPerFrame_ - done));
        if (budget.elapsed() >= kTickBudgetMs) break;
    }
    rateSteps_ += done;
    const qint64 ms = rateClock_.elapsed();
    if (ms >= 500) {
        stepsPerSecond_ = rateSteps_ * 1000.0 / double(ms);
        rateSteps_ = 0;
        rateClock_.restart();
    }
    if (activeHalted()) {
        playing_ = false;
        timer_->stop();
        stepsPerSecond_ = 0;
        emit playingChanged(false);
        emit halted(QString::fromStdString(activeMessage()));
    }
    publish();
}

void TorusWorker::publish() {
    if (mode_ == Mode::Grid3d) {
        auto s = std::const_pointer_cast<as::TorusSnapshot>(torus_->snapshot());
        s->stepsPerSecond = stepsPerSecond_;
        stepCounter_->store(torus_->steps());
        slot_->store(std::move(s), nullptr);
    } else {
        auto s = std::const_pointer_cast<as::Hd2dSnapshot>(hd2d_->snapshot());
        s->stepsPerSecond = stepsPerSecond_;
        stepCounter_->store(hd2d_->steps());
        slot_->store(nullptr, std::move(s));
    }
}

void TorusWorker::stepOnce() {
    stepActive(1);
    if (activeHalted()) emit halted(QString::fromStdString(activeMessage()));
    publish();
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
    rateClock_.restart();
    rateSteps_ = 0;
    publish();
}

template <class F>
static void guarded(TorusWorker* w, F&& f, void (TorusWorker::*signal)(const QString&)) {
    try {
        f();
    } catch (const std::exception& e) {
        emit(w->*signal)(QString::fromUtf8(e.what()));
    }
}

void TorusWorker::setTorusParams(const as::TorusParams& p) {
    guarded(
        this, [&] { torus_->setParams(p); }, &TorusWorker::rejected);
    publish();
}

void TorusWorker::setTrajectory(const as::TrajectoryParams& t) {
    guarded(
        this, [&] { torus_->setTrajectory(t); }, &TorusWorker::rejected);
    publish();
}

void TorusWorker::setHd2dParams(const as::TorusParams& p) {
    guarded(
        this, [&] { hd2d_->setParams(p); }, &TorusWorker::rejected);
    publish();
}

void TorusWorker::setHeadingParams(const as::TrajectoryParams& h) {
    guarded(
        this, [&] { hd2d_->setHeadingParams(h); }, &TorusWorker::rejected);
    publish();
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
    if (!playing_) publish();
}

void TorusWorker::replaceTorus(as::TorusSimulation* sim) {
    torus_.reset(sim);
    publish();
}

void TorusWorker::replaceHd2d(as::Hd2dSimulation* sim) {
    hd2d_.reset(sim);
    slot_->store(nullptr, hd2d_->snapshot());
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
