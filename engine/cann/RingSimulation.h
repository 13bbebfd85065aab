#pragma once
// One ring-CANN run: the model, its stimulus protocol, decoding, recording and the watchdog,
// stepped together. This is the unit the GUI controller (in its worker thread), the CLI and the
// session files drive; it knows nothing of threads or Qt.
#include <memory>
#include <string>
#include <vector>

#include "cann/CannRun.h"
#include "cann/PeriodicGaussian.h"
#include "cann/PopulationDecoder.h"
#include "cann/RingCann.h"
#include "cann/RingSnapshot.h"
#include "cann/Stimulus.h"

namespace as {

class RingSimulation : public CannRun {
  public:
    /// Recorded every step: t (ms), stimulus (rad, wrapped), stimulus_unwrapped, stimulus_on (0/1),
    /// decoded, decoded_unwrapped, confidence (0..1), height (max r), u_max.
    static const std::vector<std::string>& traceChannels();
    /// Widest activity row kept for the heatmap; wider rings are averaged into this many bins.
    static constexpr std::size_t kActivityColumns = 512;

    /// Everything needed to continue a run exactly (besides the parameters and recordings).
    struct State {
        double t = 0.0;
        long steps = 0;
        std::vector<double> u;
        double stimulusClock = 0.0, stimulusZ = 0.0, externalTarget = 0.0;
        double stimulusUnwrapped = 0.0, decodedUnwrapped = 0.0;
    };

    RingSimulation(const CannParams& p, const StimulusParams& s, std::size_t traceCapacity = 200000,
                   std::size_t activityRows = 600, std::size_t activityStride = 10);

    const CannParams& params() const { return model_.params(); }
    const StimulusParams& stimulusParams() const { return stimulus_.params(); }
    /// Live parameter change between steps (checked; throws ParamError and changes nothing on
    /// error). Clears a watchdog halt, so the user can fix dt and go on.
    void setParams(const CannParams& p);
    /// Switches protocol or its settings; the protocol clock restarts at 0.
    void setStimulus(const StimulusParams& s);
    void setExternalTarget(double z) { stimulus_.setExternalTarget(z); }

    /// Advances up to n steps; returns the number taken. Stops early, with halted() true and
    /// message() set, if the watchdog trips; the state is then the last good one.
    int step(int n = 1);
    /// t = 0, u = 0, recordings cleared, protocol restarted.
    void reset();

    const RingCann& model() const { return model_; }
    const Stimulus& stimulus() const { return stimulus_; }
    const ActivityBuffer& activity() const { return activity_; }
    Decode decode() const { return decode_; }
    double confidence() const { return confidence_.value(); }

    State captureState() const;
    /// Restores a captured state (u must have N entries, else std::invalid_argument).
    void restoreState(const State& s);
    /// Replaces the recordings (session load). Channel names must match traceChannels().
    void restoreRecordings(const TraceBuffer& traces, const ActivityBuffer& activity);

    /// A fresh copy for the views (the caller may fill its GUI-side fields, e.g. the step rate,
    /// before it hands it on as const): traces of the last `traceWindowMs` (0: the whole
    /// recording), decimated to at most maxTracePoints rows.
    std::shared_ptr<RingSnapshot> snapshot(std::size_t maxTracePoints = 2000,
                                           double traceWindowMs = 0.0) const;

  private:
    void refreshInput();
    void refreshTables();
    void record(double sumCosQ, double sumSinQ, double uMax);
    std::vector<double> activityRow() const;

    RingCann model_;
    Stimulus stimulus_;
    ConfidenceTracker confidence_;
    ActivityBuffer activity_;
    std::vector<double> input_, lastGood_, cosX_, sinX_;
    double inputZ_ = 0.0, inputA_ = -1.0, inputA2_ = -1.0;
    bool inputOn_ = false;
    double stimUnwrapped_ = 0.0, decUnwrapped_ = 0.0, lastStim_ = 0.0, lastDec_ = 0.0;
    Decode decode_;
    std::unique_ptr<PeriodicGaussian> profile_;  // stimulus shape, rebuilt when N or a changes
};

/// Decoding with precomputed cos x_i and sin x_i tables (the per-step hot path).
Decode populationDecode(const std::vector<double>& cosX, const std::vector<double>& sinX,
                        const std::vector<double>& r);

}  // namespace as
