#include "app/gui/ring/RingWorker.h"

#include <algorithm>

namespace as::gui {

RingWorker::RingWorker(std::unique_ptr<as::RingSimulation> sim,
                       SnapshotSlot<as::RingSnapshot>* slot, std::atomic<long>* stepCounter)
    : TickWorker(/*stepsPerFrame=*/10, /*maxChunk=*/16),
      sim_(std::move(sim)),
      slot_(slot),
      stepCounter_(stepCounter) {}

void RingWorker::publish() {
    auto snap = sim_->snapshot(2000, traceWindowMs_);
    snap->stepsPerSecond = stepsPerSecond();
    stepCounter_->store(sim_->steps());
    slot_->store(std::move(snap));
}

void RingWorker::reset() {
    sim_->reset();
    publish();
}

void RingWorker::setParams(const as::CannParams& p) {
    applyOrReject([&] { sim_->setParams(p); });
}

void RingWorker::setStimulus(const as::StimulusParams& s) {
    applyOrReject([&] { sim_->setStimulus(s); });
}

void RingWorker::setExternalTarget(double z) {
    sim_->setExternalTarget(z);
    if (!isPlaying()) publish();
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
