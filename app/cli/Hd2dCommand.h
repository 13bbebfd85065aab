#pragma once
// `attractor-cli hd2d`: 2D head direction by two decoupled rings beside a coupled 2D sheet on the
// same heading input; reports each model's decode error and step rate (docs/cli.md).
#include <string>
#include <vector>

#include "SimulationCommand.h"
#include "cann/Hd2dSimulation.h"
#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"

namespace as::cli {

class Hd2dCommand : public SimulationCommand<Hd2dSimulation, TorusParams, TrajectoryParams> {
  public:
    explicit Hd2dCommand(CLI::App& parent);
    int run() override;

  private:
    std::unique_ptr<Hd2dSimulation> loadSession(const std::string& path) const override;
    std::unique_ptr<Hd2dSimulation> create(const TorusParams& p,
                                           const TrajectoryParams& h) const override;
    TorusParams defaultModel() const override;
    TrajectoryParams defaultInput() const override;
    const TrajectoryParams& input(const Hd2dSimulation& sim) const override {
        return sim.headingParams();
    }
    void setInput(Hd2dSimulation& sim, const TrajectoryParams& h) const override {
        sim.setHeadingParams(h);
    }
    /// Applies --set, --size, --heading and --seed, then checks (throws CliError).
    void applyOverrides(TorusParams& p, TrajectoryParams& h) const override;
    void printSummary(const Hd2dSimulation& sim, long runSteps, double wallSeconds) const;

    int size_ = 0;
    double azimuth_ = 0.0, pitch_ = 0.0;
    std::string heading_;
};

}  // namespace as::cli
