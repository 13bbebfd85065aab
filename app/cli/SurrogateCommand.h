#pragma once
// `attractor-cli surrogate dataset|train|eval|bench --case ring|hd2d|grid3d`: the Surrogate lab
// (CAN2ANN) headless. dataset runs the teacher (ring CANN; grid3d: the 3D torus CANN) and writes an
// HDF5 dataset; train fits a model and writes its HDF5 file; eval prints validation errors; bench
// times the ODE (FFT, and dense for the rings) and the surrogate on the same input (docs/cli.md).
// `attractor-cli surrogate --session FILE` runs the lab's live comparison from a saved session.
// Implementation: SurrogateCommand.cpp (dataset, train, eval), SurrogateBench.cpp (bench) and
// SurrogateSessionRun.cpp (--session).
#include <string>
#include <vector>

#include "CliCommand.h"

namespace as::surrogate {
struct SurrogateModel;
}

namespace as::cli {

class JsonSummary;

/// Loads a model file; CliError (exit 2) naming the file on a missing or bad file.
as::surrogate::SurrogateModel loadSurrogateModel(const std::string& path);

class SurrogateCommand : public Command {
  public:
    explicit SurrogateCommand(CLI::App& parent);
    int run() override;

  private:
    int runDataset();
    int runTrain();
    int runEval();
    int runBench();
    int runBenchGrid3d(as::surrogate::SurrogateModel& m);
    int runSession();
    /// The required JSON keys, null where the action does not measure them.
    void addCommon(JsonSummary& j, const std::string& cell) const;

    std::string action_, case_ = "ring", dataset_, model_, checkpoint_, process_, session_;
    std::vector<std::string> sets_;
    bool listParams_ = false;
    int sequences_ = 100, steps_ = 1000, benchSteps_ = 2000, odeN_ = 512;
    double inputStepMs_ = 1.0, odeDt_ = 0.05;
    long long seed_ = 1;
};

}  // namespace as::cli
