#pragma once
// Training of Atilde (and optionally G) by backpropagation through the unrolled Euler–Maruyama
// steps (seed 002 §IV, Fig. 1) with Adam, on the loss of eq 18
//   L = (1/B) sum_b |x_b(T) - xbar_{label b}|^2   (+ alpha / sum_ij |G_ij| when G is trained).
// The gradient reaches Atilde through eq 2 (AttractorSet::pullBack). Numerical outcomes are values
// (TrainOutcome); exceptions only for misuse (shapes, labels) and bad checkpoint files.
#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sde/SdeModel.h"
#include "sde/TrainParams.h"

namespace as::sde {

class BpttWorkspace;
class AdamOptimizer;

enum class TrainOutcome { Finished, Cancelled, Diverged };
const char* trainOutcomeName(TrainOutcome o);  ///< "finished", "cancelled", "diverged"

/// The order of m training items in epoch e: a Fisher–Yates shuffle keyed by (seed, e), so a
/// resumed run needs only the iteration count to continue with the same batches.
std::vector<int> epochOrder(std::uint64_t seed, long epoch, int m);
/// The Euler–Maruyama noise seed of training iteration `iteration` (a pure function of both).
std::uint64_t iterationNoiseSeed(std::uint64_t seed, long iteration);

struct TrainProgress {
    long iteration = 0, totalIterations = 0;
    int epoch = 0;
    double loss = 0.0, batchAccuracy = 0.0;
    double validationAccuracy = -1.0;  ///< < 0 if not evaluated this time
    double secondsPerIteration = 0.0;  ///< training work only (validation and checkpoints excluded)
    double secondsLeft = 0.0;          ///< estimate from secondsPerIteration
};

struct TrainReport {
    TrainOutcome outcome = TrainOutcome::Finished;
    long iterations = 0;  ///< iterations done in total (including those before a resume)
    double finalLoss = 0.0, secondsPerIteration = 0.0;
    double validationAccuracy = -1.0;        ///< last evaluated (< 0: none)
    std::vector<double> lossCurve;           ///< loss of every iteration
    std::vector<double> validationCurve;     ///< accuracy at every evaluation
    std::vector<long> validationIterations;  ///< the iteration of each validationCurve entry
    std::string message;
};

class BpttTrainer {
  public:
    /// Keeps a reference to model; train() updates its Atilde (and G). Throws if tp is invalid.
    BpttTrainer(SdeModel& model, const TrainParams& tp);
    ~BpttTrainer();

    /// Trains on images (N x M, already normalised) with labels (M, in [0, C)). Validation on the
    /// first tp.validationCount columns of valImages (may be empty). progress is called after every
    /// iteration from the calling thread; cancel is checked every iteration.
    TrainReport train(const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
                      const Eigen::MatrixXf& valImages, const Eigen::VectorXi& valLabels,
                      const std::function<void(const TrainProgress&)>& progress = {},
                      const std::atomic<bool>* cancel = nullptr);

    /// Loss (eq 18, + alpha / sum|G| if tp.trainG) of one batch x0 (N x B) with the noise of
    /// noiseSeed, and its gradient with respect to Atilde (N x N) and, if dG is given and
    /// tp.trainG, to G. Uses the model's current weights (G = I if trainG and the model has no G
    /// yet).
    double lossAndGradient(const Eigen::MatrixXf& x0, const Eigen::VectorXi& labels,
                           std::uint64_t noiseSeed, Eigen::MatrixXf& dAtilde,
                           Eigen::MatrixXf* dG) const;

    /// Writes model, Adam state, counters and curves to path atomically (temp file + rename).
    void saveCheckpoint(const std::string& path) const;
    /// Restores a checkpoint written with the same model structure; the next train() continues
    /// exactly where the checkpointed run was. Throws h5::Error naming the file on a bad file.
    void resume(const std::string& path);

    long iteration() const { return iteration_; }
    const TrainParams& params() const { return tp_; }

  private:
    void ensureG();
    SdeModel& model_;
    TrainParams tp_;
    mutable std::unique_ptr<BpttWorkspace> ws_;
    std::unique_ptr<AdamOptimizer> adamA_, adamG_;
    long iteration_ = 0;
    std::vector<double> lossCurve_, validationCurve_;
    std::vector<long> validationIterations_;
};

}  // namespace as::sde
