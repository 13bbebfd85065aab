#pragma once
// `attractor-cli hd2d`: 2D head direction by two decoupled rings beside a coupled 2D sheet on the
// same heading input; reports each model's decode error and step rate (docs/cli.md).
#include <string>
#include <vector>

#include "CliCommand.h"
#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"

namespace as {
class Hd2dSimulation;
}

namespace as::cli {

class Hd2dCommand : public Command {
  public:
    explicit Hd2dCommand(CLI::App& parent);
    CLI::App* app() const override { return app_; }
    int run() override;

  private:
    void applyOverrides(TorusParams& p, TrajectoryParams& h) const;
    void printSummary(const Hd2dSimulation& sim, long runSteps, double wallSeconds) const;

    CLI::App* app_ = nullptr;
    std::vector<std::string> sets_;
    bool listParams_ = false;
    int size_ = 0;
    double azimuth_ = 0.0, pitch_ = 0.0;
    std::string heading_, csv_, seed_, out_, session_;
    double durationMs_ = 200.0;
};

}  // namespace as::cli
