#pragma once
// Joint training of the encoder, the decoder and the latent Atilde (seed 002 §VI.1) on eq 21 (for a
// model with a second CVFR, §VI.2: Atilde and A2, the encoder and decoder frozen) by
// backpropagation through time with the reparametrisation trick (GeneratorKernel.h), Adam per
// tensor, seeded mini-batches (sde::epochOrder; noise sde::iterationNoiseSeed), cancellable, with
// progress and an estimate of the time left, checkpointed and resumable (GeneratorModelFile.h).
#include <Eigen/Core>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "generator/GeneratorKernel.h"
#include "generator/GeneratorModel.h"
#include "generator/GeneratorTrainParams.h"
#include "sde/BpttTrainer.h"

namespace as::sde {
class AdamOptimizer;
}

namespace as::generator {

struct GeneratorProgress {
    long iteration = 0, totalIterations = 0;
    int epoch = 0;
    LossTerms loss;                    ///< this iteration's batch
    double secondsPerIteration = 0.0;  ///< training work only (checkpoints excluded)
    double secondsLeft = 0.0;
};

/// Loss curves, one entry per iteration.
struct LossCurves {
    std::vector<double> total, conv, rec, centroid;
    void push(const LossTerms& t);
    std::size_t size() const { return total.size(); }
    LossTerms last() const;
};

struct GeneratorReport {
    sde::TrainOutcome outcome = sde::TrainOutcome::Finished;
    long iterations = 0;  ///< in total, including those before a resume
    LossTerms final;      ///< the last iteration's terms
    double secondsPerIteration = 0.0;
    LossCurves curves;
    std::string message;
};

class GeneratorTrainer {
  public:
    /// Keeps a reference to model; train() updates its weights. Throws if tp is invalid.
    GeneratorTrainer(GeneratorModel& model, const GeneratorTrainParams& tp);
    ~GeneratorTrainer();

    /// Trains on images (D x M, pixels in [0, 1]) with class labels (M, in [0, C)). progress is
    /// called after every iteration from the calling thread; cancel is polled every iteration.
    GeneratorReport train(const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
                          const std::function<void(const GeneratorProgress&)>& progress = {},
                          const std::atomic<bool>* cancel = nullptr);

    /// Loss terms and gradient of one batch at the model's current weights (dAtilde pulled back
    /// through eq 2).
    LossTerms lossAndGradient(const Eigen::MatrixXf& X, const Eigen::VectorXi& labels,
                              std::uint64_t noiseSeed, GeneratorGradient<float>& grad,
                              Eigen::MatrixXf& dAtilde) const;

    /// Model, Adam state, counters and curves, written atomically.
    void saveCheckpoint(const std::string& path) const;
    /// Restores a checkpoint of the same architecture; the next train() continues where it was.
    /// Throws h5::Error naming the file on a bad or foreign file.
    void resume(const std::string& path);

    long iteration() const { return iteration_; }
    const LossCurves& curves() const { return curves_; }
    const GeneratorTrainParams& params() const { return tp_; }

  private:
    /// The trained tensors in a fixed order: encoder w/b per layer, decoder w/b per layer, Atilde;
    /// with a second CVFR (§VI.2, E and D frozen) Atilde and A2 only.
    std::vector<Eigen::MatrixXf*> tensors(MlpWeights<float>& enc, MlpWeights<float>& dec,
                                          Eigen::MatrixXf& atilde, Eigen::MatrixXf& a2) const;

    GeneratorModel& model_;
    GeneratorTrainParams tp_;
    std::vector<std::unique_ptr<sde::AdamOptimizer>> adam_;
    mutable GeneratorBuffers<float> buf_;
    long iteration_ = 0;
    LossCurves curves_;
};

}  // namespace as::generator
