#pragma once
// Euler (eps = 0) and Euler–Maruyama integration of the model, batched over columns:
//   x <- x + dt (f(x) + A g(x)) + sqrt(dt) eps G eta,    x: N x B, one column per item,
// so each step is one N x N times N x B matrix product (plus one more for a trained G).
// The noise eta is counter-based (GaussianNoise.h): a function of (seed, step, column) only, so a
// seed gives the same numbers whatever the thread count or the batch split.
#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "sde/SdeModel.h"

namespace as::sde {

struct RunOptions {
    std::uint64_t seed = 1;        ///< noise seed (ignored when eps = 0)
    int recordEvery = 0;           ///< record recordNodes every this many steps (0: never)
    std::vector<int> recordNodes;  ///< node indices to record (empty with recordEvery > 0: all)
    long columnOffset = 0;  ///< global index of column 0 (the noise of a column depends on it)
};

struct RunResult {
    Eigen::MatrixXf final;           ///< N x B: x(T)
    Eigen::MatrixXf lateAverage;     ///< N x B: mean of x over the last params().averageSteps steps
    Eigen::VectorXi predicted;       ///< nearest planted attractor to lateAverage (-1 if diverged)
    std::vector<float> recordTimes;  ///< model time of each record (t = 0 is the initial state)
    std::vector<Eigen::MatrixXf> recorded;  ///< recorded[k]: recordNodes x B at recordTimes[k]
    bool diverged = false;  ///< a state became non-finite; integration stopped there
    int divergedStep = -1;  ///< the step at which it was detected (-1: none)
};

class SdeIntegrator {
  public:
    /// Keeps a reference: the model must outlive the integrator and not change during run().
    explicit SdeIntegrator(const SdeModel& model);

    /// Integrates params().steps steps from x0 (N x B). Throws std::invalid_argument if x0 has the
    /// wrong number of rows or a record node is out of range.
    RunResult run(const Eigen::MatrixXf& x0, const RunOptions& options = {}) const;
    /// One step in place (the GUI's play loop); one draw of rng keys the step's noise.
    void step(Eigen::MatrixXf& x, std::mt19937_64& rng) const;
    /// One step in place with the noise of (seed, stepIndex, columns columnOffset...).
    void step(Eigen::MatrixXf& x, std::uint64_t seed, std::uint64_t stepIndex,
              long columnOffset = 0) const;

  private:
    const SdeModel& model_;
};

/// Predicted class of each column of x0 (run() in chunks of 256 columns; -1 for a diverged column).
/// cancel is polled before each chunk (the columns not run stay -1); progress(done, total) is
/// called after each chunk with the columns done.
Eigen::VectorXi classify(const SdeModel& model, const Eigen::MatrixXf& x0, std::uint64_t seed = 1,
                         const std::atomic<bool>* cancel = nullptr,
                         const std::function<void(long, long)>& progress = {});
/// Fraction of equal entries (0 for empty input; throws std::invalid_argument on a size mismatch).
double accuracy(const Eigen::VectorXi& predicted, const Eigen::VectorXi& labels);

}  // namespace as::sde
