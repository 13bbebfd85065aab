#pragma once
// `attractor-cli ring`: runs the ring CANN under one stimulus protocol, from defaults or from a
// saved session, and reports the bump, tracking lag, jump time and speed (docs/cli.md).
#include <string>
#include <vector>

#include "SimulationCommand.h"
#include "cann/CannParams.h"
#include "cann/RingSimulation.h"
#include "cann/StimulusParams.h"

namespace as::cli {

class RingCommand : public SimulationCommand<RingSimulation, CannParams, StimulusParams> {
  public:
    explicit RingCommand(CLI::App& parent);

  private:
    std::unique_ptr<RingSimulation> loadSession(const std::string& path) const override;
    std::unique_ptr<RingSimulation> create(const CannParams& p,
                                           const StimulusParams& s) const override;
    const StimulusParams& input(const RingSimulation& sim) const override {
        return sim.stimulusParams();
    }
    void setInput(RingSimulation& sim, const StimulusParams& s) const override {
        sim.setStimulus(s);  // restarts the protocol clock
    }
    /// Applies --set, --protocol and --seed on top of p and s (throws CliError).
    void applyOverrides(CannParams& p, StimulusParams& s) const override;
    std::string modelTitle() const override { return "ring model (CannParams)"; }
    std::string inputTitle() const override { return "stimulus (StimulusParams)"; }
    void describe(const RingSimulation& sim, long totalSteps) override;
    void saveSession(const std::string& path, const RingSimulation& sim) const override;
    void printSummary(const RingSimulation& sim, const Timed& run) const override;

    std::string protocol_;
    double t0_ = 0, stimulusClock0_ = 0;  ///< where the run starts: simulated and protocol time
};

}  // namespace as::cli
