#pragma once
// `attractor-cli ring`: runs the ring CANN under one stimulus protocol, from defaults or from a
// saved session, and reports the bump, tracking lag, jump time and speed (docs/cli.md).
#include <string>
#include <vector>

#include "CliCommand.h"
#include "cann/CannParams.h"
#include "cann/StimulusParams.h"

namespace as {
class RingSimulation;
}

namespace as::cli {

class RingCommand : public Command {
  public:
    explicit RingCommand(CLI::App& parent);
    CLI::App* app() const override { return app_; }
    int run() override;

  private:
    /// Applies --set, --protocol and --seed on top of p and s (throws CliError).
    void applyOverrides(CannParams& p, StimulusParams& s) const;
    void printSummary(const RingSimulation& sim, double t0, double stimulusClock0, long runSteps,
                      double wallSeconds) const;

    CLI::App* app_ = nullptr;
    std::vector<std::string> sets_;
    bool listParams_ = false;
    std::string protocol_, out_, csv_, session_, seed_;
    double durationMs_ = 200.0;
};

}  // namespace as::cli
