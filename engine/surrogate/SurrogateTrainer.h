#pragma once
// Trains one channel's SurrogateNet on a SurrogateDataset: mini-batches of whole sequences walked
// chunk by chunk (truncated BPTT, the state carried across chunks without gradient), Adam, early
// stopping on the validation loss with the best weights restored, a learning-rate halving on
// plateaus, cancellation and checkpoints. The outcome is a value, not an exception.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateNet.h"
#include "surrogate/TrainParams.h"

namespace as::surrogate {

enum class TrainOutcome { Converged = 0, Cancelled = 1, Diverged = 2, MaxIterations = 3 };
const char* outcomeName(TrainOutcome o);  ///< converged, cancelled, diverged, max_iterations

/// Errors over a set of sequences, run from a zero state through every step.
struct Evaluation {
    double mseComponents = 0.0;  ///< mean over steps and all 2A components (normalised units)
    double mseAngle = 0.0;  ///< mean squared wrapped error of atan2, mean over the A angles (rad^2)
};

struct TrainProgress {
    int epoch = 0, maxEpochs = 0;
    double trainLoss = 0.0, valLoss = 0.0, valAngleMse = 0.0;
    double seconds = 0.0, learningRate = 0.0;
    bool improved = false;
};

struct TrainResult {
    TrainOutcome outcome = TrainOutcome::MaxIterations;
    int epochs = 0, bestEpoch = 0;
    std::vector<double> trainLoss, valLoss, valAngleMse;  ///< one entry per epoch
    Evaluation best;  ///< validation errors of the restored (best) weights
    double seconds = 0.0;
    std::string message;
};

/// Our products are small (tens to hundreds of rows): Eigen's OpenMP-parallel GEMM only adds
/// synchronisation, 50x slower on a loaded 2-core machine (measured). Training, evaluation and
/// streaming call this; it sets the calling thread's OpenMP thread count to 1 (other threads keep
/// theirs).
void singleThreadedEigen();

/// Runs `net` over sequences [first, last) of `channel` (batched, chunks of `chunk` steps).
Evaluation evaluate(SurrogateNet<float>& net, const SurrogateDataset& data, int channel, int first,
                    int last, int chunk = 200);

class SurrogateTrainer {
  public:
    using Progress = std::function<void(const TrainProgress&)>;
    /// Called with the net holding a new best; the CLI writes a checkpoint file from it.
    using Checkpoint = std::function<void(SurrogateNet<float>&, const TrainProgress&)>;

    /// Throws std::invalid_argument if the params fail check() or channel is out of range.
    SurrogateTrainer(const SurrogateDataset& data, int channel, const TrainParams& p);
    TrainResult run(SurrogateNet<float>& net, const Progress& progress = {},
                    const std::atomic<bool>* cancel = nullptr, const Checkpoint& checkpoint = {});

  private:
    const SurrogateDataset& data_;
    int channel_;
    TrainParams p_;
};

}  // namespace as::surrogate
