#include "spiking/EiSimulation.h"

#include <algorithm>
#include <cmath>

#include "core/EnumNames.h"
#include "core/FlushDenormals.h"

namespace as {

const char* runOutcomeName(RunOutcome o) {
    static const std::vector<std::string> names = {"completed", "cancelled", "diverged"};
    return nameAt(names, int(o));
}

EiSimulation::EiSimulation(const EiParams& params, const EiStimulus& stimulus, double sampleMs,
                           std::size_t traceRows)
    : net_(params),
      stim_(stimulus),
      sampleMs_(sampleMs),
      sampleEvery_(std::max(1L, std::lround(sampleMs / params.dt))),
      probe_(params.NE / 2),
      traces_({"t", "stimulus", "stimulus_on", "decoded", "magnitude", "confidence", "rate_E",
               "rate_Ip", "rate_Id", "probe_epsc", "probe_ipsc", "probe_shunt", "probe_total",
               "mean_epsc", "mean_ipsc", "mean_total"},
              traceRows),
      confidence_(2.0, 200.0) {
    for (int pop = 0; pop < 3; ++pop) {
        rec_[pop].population = eiPopName(pop);
        rec_[pop].size = net_.size(pop);
    }
    net_.setInput(stim_.at(0.0));
}

void EiSimulation::clearRecords() {
    for (auto& r : rec_) r.clear();
    traces_.clear();
}

void EiSimulation::sample() {
    const double t = net_.time();
    const auto v = net_.populationVector();
    const double mag = std::abs(v);
    const double c = confidence_.update(t, mag);
    const EiCurrents pc = net_.currents(probe_);
    const EiCurrents m = net_.meanCurrentsE();
    const double binS = double(sampleEvery_) * net_.params().dt / 1000.0;
    double rate[3];
    for (int pop = 0; pop < 3; ++pop) {
        rate[pop] = double(counts_[pop]) / (binS * net_.size(pop));
        counts_[pop] = 0;
    }
    traces_.append({t, stim_.position(t), stim_.bumpOn(t) ? 1.0 : 0.0, mag > 0 ? std::arg(v) : NAN,
                    mag, c, rate[0], rate[1], rate[2], pc.epsc(), pc.ipsc(), pc.shunt, pc.total(),
                    m.epsc(), m.ipsc(), m.total()});
}

RunOutcome EiSimulation::run(double ms, const std::atomic<bool>* cancel,
                             const std::function<void(double)>& progress) {
    FlushDenormals ftz;
    const double dt = net_.params().dt;
    const long total = std::lround(ms / dt);
    const long progressEvery = std::max(1L, total / 100);
    for (long s = 0; s < total; ++s) {
        net_.setInput(stim_.at(net_.time()));
        net_.step();
        const double t = net_.time();
        for (int pop = 0; pop < 3; ++pop) {
            const auto& sp = net_.spikes(pop);
            counts_[pop] += long(sp.size());
            if (recordSpikes_)
                for (int i : sp) rec_[pop].add(t, i);
        }
        if (net_.steps() % sampleEvery_ == 0) sample();
        if ((s & 255) == 255) {
            if (!net_.finite()) {
                message_ = "non-finite membrane potential or synaptic current at t = " +
                           std::to_string(t) + " ms";
                return RunOutcome::Diverged;
            }
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                message_ = "cancelled at t = " + std::to_string(t) + " ms";
                return RunOutcome::Cancelled;
            }
        }
        if (progress && (s + 1) % progressEvery == 0) progress(double(s + 1) / double(total));
    }
    if (spikeWindowMs_ > 0) {
        const double keepFrom = net_.time() - spikeWindowMs_;
        for (auto& r : rec_) {
            const auto cut =
                std::lower_bound(r.times.begin(), r.times.end(), keepFrom) - r.times.begin();
            if (cut > 0 && std::size_t(cut) * 4 > r.times.size()) {  // amortised: trim in bulk
                r.times.erase(r.times.begin(), r.times.begin() + cut);
                r.ids.erase(r.ids.begin(), r.ids.begin() + cut);
            }
        }
    }
    if (!net_.finite()) {
        message_ = "non-finite membrane potential or synaptic current at t = " +
                   std::to_string(net_.time()) + " ms";
        return RunOutcome::Diverged;
    }
    return RunOutcome::Completed;
}

}  // namespace as
