#pragma once
// `attractor-cli torus`: the CANN on a D-torus (3D grid cells) driven by a 3D trajectory wrapped
// onto it per axis; reports the decode error of the unwrapped position estimate (docs/cli.md).
#include <string>
#include <vector>

#include "CliCommand.h"
#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"

namespace as {
class TorusSimulation;
}

namespace as::cli {

class TorusCommand : public Command {
  public:
    explicit TorusCommand(CLI::App& parent);
    CLI::App* app() const override { return app_; }
    int run() override;

  private:
    void applyOverrides(TorusParams& p, TrajectoryParams& t) const;
    void printSummary(const TorusSimulation& sim, long runSteps, double wallSeconds) const;

    CLI::App* app_ = nullptr;
    std::vector<std::string> sets_;
    bool listParams_ = false;
    int dims_ = 0, size_ = 0;
    std::string trajectory_, out_, csv_, session_, seed_;
    double durationMs_ = 200.0;
};

}  // namespace as::cli
