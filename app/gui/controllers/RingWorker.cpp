#include "controllers/RingWorker.h"

#include <QTimer>

namespace as::gui {

RingWorker::RingWorker(std::unique_ptr<as::RingSimulation> sim, SnapshotSlot* slot,
                       std::atomic<long>* stepCounter)
    : sim_(std::move(sim)), slot_(slot), stepCounter_(stepCounter) {}

RingWorker::~RingWorker() = default;

void RingWorker::start() {
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(16);
    connect(timer_, &QTimer::timeout, this, &RingWorker::tick);
    publish();
}

void RingWorker::play() {
    if (playing_) return;
    if (sim_->halted()) {
        emit halted(QString::fromStdString(sim_->message()));
        return;
    }
    playing_ = true;
    rateClock_.start();
    rateSteps_ = 0;
    timer_->start();
    emit playingChanged(true);
}

void RingWorker::pause() {
    if (!playing_) return;
    playing_ = false;
    timer_->stop();
    stepsPerSecond_ = 0;
    publish();
    emit playingChanged(false);
}

void RingWorker::tick() {
    if (!playing_) return;
    QElapsedTimer budget;
    budget.start();
    int done = 0;
    // Step in small chunks and give up the rest of the frame when the budget is spent, so a big
    // network or a large stepsPerFrame never keeps the thread from handling GUI commands.
    const int chunk = std::max(1, std::min(stepsPerFrame_, 16));
    while (done < stepsPerFrame_ && !sim_->halted()) {
        done += sim_->step(std::min(chunk, stepsPerFrame_ - done));
        if (budget.elapsed() >= kTickBudgetMs) break;
    }
    rateSteps_ += done;
    const qint64 ms = rateClock_.elapsed();
    if (ms >= 500) {
        stepsPerSecond_ = rateSteps_ * 1000.0 / double(ms);
        rateSteps_ = 0;
        rateClock_.restart();
    }
    if (sim_->halted()) stopOnHalt();
    publish();
}

void RingWorker::stopOnHalt() {
    playing_ = false;
    timer_->stop();
    stepsPerSecond_ = 0;
    emit playingChanged(false);
    emit halted(QString::fromStdString(sim_->message()));
}

void RingWorker::publish() {
    auto snap = std::const_pointer_cast<as::RingSnapshot>(sim_->snapshot(2000, traceWindowMs_));
    snap->stepsPerSecond = stepsPerSecond_;
    stepCounter_->store(sim_->steps());
    slot_->store(std::move(snap));
}

void RingWorker::stepOnce() {
    sim_->step(1);
    if (sim_->halted()) emit halted(QString::fromStdString(sim_->message()));
    publish();
}

void RingWorker::reset() {
    sim_->reset();
    publish();
}

void RingWorker::setParams(const as::CannParams& p) {
    try {
        sim_->setParams(p);
    } catch (const std::exception& e) {
        emit rejected(QString::fromUtf8(e.what()));
    }
    publish();
}

void RingWorker::setStimulus(const as::StimulusParams& s) {
    try {
        sim_->setStimulus(s);
    } catch (const std::exception& e) {
        emit rejected(QString::fromUtf8(e.what()));
    }
    publish();
}

void RingWorker::setExternalTarget(double z) {
    sim_->setExternalTarget(z);
    if (!playing_) publish();
}

void RingWorker::setStepsPerFrame(int n) {
    stepsPerFrame_ = std::max(1, n);
}

void RingWorker::setTraceWindow(double ms) {
    traceWindowMs_ = std::max(0.0, ms);
    publish();
}

void RingWorker::replaceSimulation(as::RingSimulation* sim) {
    sim_.reset(sim);
    publish();
}

QString RingWorker::inspect(const std::function<void(const as::RingSimulation&)>& visit) {
    try {
        visit(*sim_);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace as::gui
