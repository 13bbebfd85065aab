#pragma once
// Watches a state vector after each step; a non-finite value or runaway magnitude stops the run
// with a message (the caller keeps the last good state).
#include <optional>
#include <string>
#include <vector>

namespace as {

class Watchdog {
  public:
    /// `limit`: largest |value| accepted before the run counts as runaway.
    explicit Watchdog(double limit = 1e6) : limit_(limit) {}
    /// Returns a message naming the problem, or nothing if the state is healthy.
    std::optional<std::string> inspect(const std::vector<double>& state, double t,
                                       const std::string& variable) const;
    double limit() const { return limit_; }

  private:
    double limit_;
};

}  // namespace as
