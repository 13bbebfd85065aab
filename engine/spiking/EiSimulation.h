#pragma once
// One run of the spiking network under a stimulus schedule: advances the network, records spikes
// (SpikeRecord per population) and sampled traces (TraceBuffer), tracks the decode confidence, and
// stops on a non-finite state (the watchdog) or a cancel request. Numerical outcomes are values.
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "cann/PopulationDecoder.h"
#include "core/TraceBuffer.h"
#include "spiking/EiNetwork.h"
#include "spiking/EiStimulus.h"
#include "spiking/SpikeRecord.h"

namespace as {

enum class RunOutcome { Completed = 0, Cancelled = 1, Diverged = 2 };
const char* runOutcomeName(RunOutcome o);

class EiSimulation {
  public:
    /// sampleMs: trace sampling interval (ms); rates in the traces are counted over it.
    /// traceRows: rows the trace ring buffer keeps (allocated up front: size it to the run).
    EiSimulation(const EiParams& params, const EiStimulus& stimulus, double sampleMs = 0.5,
                 std::size_t traceRows = 200'000);

    EiNetwork& network() { return net_; }
    const EiNetwork& network() const { return net_; }
    const EiStimulus& stimulus() const { return stim_; }
    void setStimulus(const EiStimulus& s) { stim_ = s; }
    /// E neuron whose current components are traced (default N_E / 2, preferred angle 0).
    void setProbe(int i) { probe_ = i; }
    int probe() const { return probe_; }
    void setRecordSpikes(bool on) { recordSpikes_ = on; }
    /// Live use (GUI): keep only the spikes of the last `ms` (0: keep all, bounded by capacity).
    void setSpikeWindow(double ms) { spikeWindowMs_ = ms; }

    /// Advances `ms` of simulated time. `cancel` is polled every few hundred steps; `progress`
    /// receives the fraction of this call done (at most ~100 calls).
    RunOutcome run(double ms, const std::atomic<bool>* cancel = nullptr,
                   const std::function<void(double)>& progress = {});
    double time() const { return net_.time(); }
    const std::string& message() const { return message_; }

    const SpikeRecord& spikes(int pop) const { return rec_[pop]; }
    /// Channels: t, stimulus, stimulus_on, decoded, magnitude, confidence, rate_E, rate_Ip,
    /// rate_Id (Hz), probe_epsc, probe_ipsc, probe_shunt, probe_total, mean_epsc, mean_ipsc,
    /// mean_total.
    const TraceBuffer& traces() const { return traces_; }
    void clearRecords();

  private:
    void sample();

    EiNetwork net_;
    EiStimulus stim_;
    double sampleMs_;
    long sampleEvery_;
    int probe_;
    bool recordSpikes_ = true;
    double spikeWindowMs_ = 0;
    SpikeRecord rec_[3];
    long counts_[3] = {0, 0, 0};
    TraceBuffer traces_;
    ConfidenceTracker confidence_;
    std::string message_;
};

}  // namespace as
