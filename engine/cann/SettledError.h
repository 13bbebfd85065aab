#pragma once
// The mean and the largest decode error over the steps after the bump has formed (kSettleMs after
// reset), what the Torus and head-direction runs report.
#include <algorithm>

namespace as {

class SettledError {
  public:
    /// Errors count from this time on (ms after reset): the bump forms first.
    static constexpr double kSettleMs = 10.0;

    /// Counts the error e of the step that ended at time t (ms since reset), once settled.
    void add(double t, double e) {
        if (t < kSettleMs - 1e-9) return;
        sum_ += e;
        max_ = std::max(max_, e);
        ++count_;
    }
    double mean() const { return count_ ? sum_ / double(count_) : 0.0; }
    double max() const { return max_; }
    void clear() { *this = SettledError(); }

  private:
    double sum_ = 0.0, max_ = 0.0;
    long count_ = 0;
};

}  // namespace as
