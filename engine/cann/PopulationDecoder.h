#pragma once
// Population-vector decoding (seed 001 eq 8-9): v = sum_j r_j exp(i x_j), R = arg v, and the
// confidence C = |v| / (max over a trailing window of the smoothed |v|).
#include <deque>
#include <utility>
#include <vector>

namespace as {

struct Decode {
    double angle = 0.0;      ///< R = atan2(sumSin, sumCos), rad in (-pi, pi]
    double magnitude = 0.0;  ///< |v|
    double sumCos = 0.0;     ///< sum r cos x: a decode component (surrogate target)
    double sumSin = 0.0;     ///< sum r sin x: a decode component
};

Decode populationDecode(const std::vector<double>& positions, const std::vector<double>& r);

/// Running confidence C(t) in [0, 1]. |v| is smoothed by an exponential filter of time constant
/// `smoothingMs`; C is |v| divided by the maximum of the smoothed |v| over the trailing `windowMs`.
class ConfidenceTracker {
  public:
    explicit ConfidenceTracker(double smoothingMs = 2.0, double windowMs = 200.0)
        : smoothing_(smoothingMs), window_(windowMs) {}
    /// Feeds |v| at time t (ms, increasing) and returns C(t).
    double update(double t, double magnitude);
    double value() const { return c_; }
    void reset();

  private:
    double smoothing_, window_;
    double smoothed_ = 0.0, lastT_ = 0.0, c_ = 0.0;
    bool started_ = false;
    std::deque<std::pair<double, double>> maxQueue_;  // (t, smoothed), values decreasing
};

}  // namespace as
