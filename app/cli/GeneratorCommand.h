#pragma once
// `attractor-cli generator train|sample|interpolate|...`: the generator lab (seed 002 §VI)
// headless.
//   train        trains encoder, latent CVFR and decoder on MNIST digits (eq 21), measures the
//   latent
//                statistics (eq 22) and the test reconstruction MSE, writes the model (checkpoints,
//                --resume, Ctrl-C writes the state reached);
//   sample       class-conditional samples N(xbar_l, Sigma_T^l) decoded, to HDF5 and PNG,
//   optionally
//                with each image's nearest training image (the memorisation check);
//   interpolate  decoded points between two attractors, two encoded test images (--images), or
//                along a principal axis (--axis);
//   langevin     G_T from the stationary Lyapunov equation for Sigma_T^l (or s^2 Sigma_T^l with
//                --target-scale s), then the stochastic CVFR from xbar_l with G_T dW, every k-th
//                state decoded (Fig. 14), and the chain's covariance after the burn-in against the
//                target;
//   classifier   trains the MNIST feature classifier of the quality metric (all 60,000 digits);
//   fid          Frechet distance in that classifier's features between generated and test images,
//                with the real-vs-real floor and the class agreement.
// Implementation: GeneratorCommand.cpp (options, train), GeneratorSample.cpp (sample, interpolate,
// langevin) and GeneratorQuality.cpp (classifier, fid).
#include <optional>
#include <string>
#include <vector>

#include "CliCommand.h"
#include "TrainingArgs.h"
#include "generator/GeneratorModelFile.h"

namespace as::cli {

/// Loads a generator model file; CliError (exit 2) naming --model and the file on a bad file.
generator::LoadedGenerator loadGeneratorFile(const std::string& path);

class GeneratorCommand : public Command {
  public:
    explicit GeneratorCommand(CLI::App& parent);
    int run() override;

  private:
    int runTrain();
    /// --pretrained: the section VI.2 model built on that file's encoder and decoder.
    generator::GeneratorModel fullyDynamical(const generator::GeneratorParams& p,
                                             const std::vector<int>& digits) const;
    int runSample();
    int runInterpolate();
    int runLangevin();
    int runClassifier();
    int runFid();
    /// Applies --eps and every --set to the three parameter tables (model, latent SDE, training).
    void applySettings(generator::GeneratorParams& p, generator::GeneratorTrainParams& tp) const;
    /// --session: loads the session's model and takes its view settings as the defaults of the
    /// options the command line does not set; sample when no action is given. CliError on a bad
    /// file.
    void openSession();
    /// The model: the session's, or --model's file.
    generator::LoadedGenerator loadModel() const;
    /// --centre as a LatentCentre.
    generator::LatentCentre centre() const;
    /// Writes images (pixels x N) with their digit labels and latent states to --out (HDF5), and
    /// the grid (gridCols per row) to --png; returns nothing, throws CliError(kExitFailure) on
    /// failure. extra: more 1D datasets for the HDF5 file (name, values).
    void writeImages(
        const Eigen::MatrixXf& images, const std::vector<int>& digits,
        const Eigen::MatrixXf& latent, int gridCols, const std::string& what,
        const std::vector<std::pair<std::string, std::vector<double>>>& extra = {}) const;

    std::string action_, out_, png_, nearestPng_, model_, classifier_, images_, mnist_, digits_,
        pretrained_, centre_ = "attractor", session_, sessionModelName_;
    std::optional<generator::LoadedGenerator> sessionModel_;
    std::vector<std::string> sets_;
    bool listParams_ = false, nearest_ = false;
    int trainCount_ = 0, count_ = 16, scale_ = 2, steps_ = 10, axis_ = -1;
    int from_ = 0, to_ = 1, testCount_ = 0, every_ = 10, chains_ = 1;
    long long seed_ = 1;
    TrainingArgs train_;  ///< --epochs, --iterations, --batch, --lr, --checkpoint, --resume
    double eps_ = -1.0, range_ = 2.0, targetScale_ = 1.0;
};

}  // namespace as::cli
