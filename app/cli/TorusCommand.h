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
    std::string modelTitle() const override { return "torus model (TorusParams)"; }
    std::string inputTitle() const override { return "trajectory (TrajectoryParams)"; }
    void describe(const TorusSimulation& sim, long totalSteps) override;
    int chunkSteps() const override { return 500; }
    void saveSession(const std::string& path, const TorusSimulation& sim) const override;
    void printSummary(const TorusSimulation& sim, const Timed& run) const override;

    int dims_ = 0, size_ = 0;
    std::string trajectory_;
};

}  // namespace as::cli
