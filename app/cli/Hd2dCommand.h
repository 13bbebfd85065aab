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
    std::string modelTitle() const override { return "head-direction models (rings and sheet)"; }
    std::string inputTitle() const override {
        return "heading (TrajectoryParams; angles in rad, speeds in rad/ms)";
    }
    /// TorusParams without dims and spacing_* (rings are 1D, the sheet 2D, angles in rad).
    std::vector<ParamSpec> modelSpecs() const override;
    /// A saved heading continues unless --azimuth or --pitch is given; a new run starts at them.
    void afterOpen(Hd2dSimulation& sim) const override;
    void describe(const Hd2dSimulation& sim, long totalSteps) override;
    void saveSession(const std::string& path, const Hd2dSimulation& sim) const override;
    void printSummary(const Hd2dSimulation& sim, const Timed& run) const override;

    int size_ = 0;
    double azimuth_ = 0.0, pitch_ = 0.0;
    std::string heading_;
};

}  // namespace as::cli
