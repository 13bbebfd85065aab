#pragma once
// `attractor-cli sde plant|spectrum|lyapunov|train|eval`: the SDE classifier lab (seed 002)
// headless.
//   plant     plants C attractors, reports a_+-, residuals, eq 8 stability, optionally counts the
//             stationary points (small N) and writes an untrained model file;
//   spectrum  Jacobian spectra at the planted attractors of a model file (Fig. 6);
//   lyapunov  linear-noise covariances (Bartels–Stewart), residuals, Mahalanobis matrix (eq 19),
//             empirical vs analytic covariance, wall time;
//   train     BPTT on an MNIST digit slice, writes the model (and checkpoints; Ctrl-C cancels);
//   eval      clean and corrupted (Table 1) test accuracy of a model file;
//   --session FILE (no action): the lab's dynamics from a saved session, classified at T.
// Implementation: SdeCommand.cpp (plant, spectrum, lyapunov), SdeTrainEval.cpp (train, eval) and
// SdeSessionRun.cpp (--session).
#include <string>
#include <vector>

#include "CliCommand.h"
#include "TrainingArgs.h"
#include "sde/SdeModelFile.h"

namespace as::cli {

/// The command line of this process ("attractor-cli sde train ..."), recorded in model files.
std::string processCommandLine();
/// Loads a model file; CliError (exit 2) naming --model and the file on a missing or bad file.
sde::LoadedSdeModel loadModelFile(const std::string& path);

class SdeCommand : public Command {
  public:
    explicit SdeCommand(CLI::App& parent);
    int run() override;
    bool canValidate() const override { return action_ == "train"; }

  private:
    int runPlant();
    int runSpectrum();
    int runLyapunov();
    int runTrain();
    int runEval();
    int runSession();
    /// SdeParams from --n/--classes/--pattern/--eps then --set (TrainParams keys go to tp);
    /// checked.
    void buildParams(sde::SdeParams& p, sde::TrainParams& tp) const;
    /// The attractors selected by --attractor ("all" or an index) for a model with C classes.
    std::vector<int> selectedAttractors(int classes) const;
    /// The MNIST directory (--mnist or the search path); CliError (exit 2) if absent.
    std::string mnistDir() const;
    /// --digits parsed (default 0..C-1 for C classes; C = 10 when classes <= 0).
    std::vector<int> digits(int classes) const;

    std::string action_, pattern_, out_, model_, attractor_ = "all", csv_, mnist_, digits_,
                                                 session_;
    std::string corruptions_ = "all";
    std::vector<std::string> sets_;
    bool listParams_ = false, countFixedPoints_ = false, trainG_ = false;
    int classes_ = 0, n_ = 0, samples_ = 0, trainCount_ = 1000, valCount_ = 200, testCount_ = 1000;
    long long seed_ = 1;
    double eps_ = -1.0, alpha_ = -1.0;
    TrainingArgs train_;  ///< --epochs, --iterations, --batch, --lr, --checkpoint, --resume
};

}  // namespace as::cli
