#pragma once
// `attractor-cli torus`: the CANN on a D-torus (3D grid cells) driven by a 3D trajectory wrapped
// onto it per axis; reports the decode error of the unwrapped position estimate (docs/cli.md).
#include <string>
#include <vector>

#include "SimulationCommand.h"
#include "cann/TorusParams.h"
#include "cann/TorusSimulation.h"
#include "cann/TrajectoryParams.h"

namespace as::cli {

class TorusCommand : public SimulationCommand<TorusSimulation, TorusParams, TrajectoryParams> {
  public:
    explicit TorusCommand(CLI::App& parent);
    int run() override;

  private:
    std::unique_ptr<TorusSimulation> loadSession(const std::string& path) const override;
    std::unique_ptr<TorusSimulation> create(const TorusParams& p,
                                            const TrajectoryParams& t) const override;
    const TrajectoryParams& input(const TorusSimulation& sim) const override {
        return sim.trajectoryParams();
    }
    void setInput(TorusSimulation& sim, const TrajectoryParams& t) const override {
        sim.setTrajectory(t);
    }
    /// Applies --set, --dims, --size, --trajectory and --seed, then checks (throws CliError).
    void applyOverrides(TorusParams& p, TrajectoryParams& t) const override;
    void printSummary(const TorusSimulation& sim, long runSteps, double wallSeconds) const;

    int dims_ = 0, size_ = 0;
    std::string trajectory_;
};

}  // namespace as::cli
