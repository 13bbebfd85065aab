#pragma once
// Progress of a long CLI job on stderr: "ring: 43% (4300/10000 ms simulated), 3.1 s left".
// Prints nothing during the first kQuietSeconds (so jobs shorter than that print nothing), then at
// most once every kEverySeconds; nothing at all when quiet. The clock is injectable for tests.
#include <functional>
#include <iosfwd>
#include <string>

namespace as::cli {

class ProgressPrinter {
  public:
    /// Seconds on a monotonic clock.
    using Clock = std::function<double()>;
    static constexpr double kQuietSeconds = 2.0;  ///< no line before this much wall time
    static constexpr double kEverySeconds = 1.0;  ///< at most one line per this much wall time

    /// job: the line's prefix ("ring"); unit: what done/total count ("ms simulated", "sequences");
    /// an empty unit prints the percentage alone.
    /// out: nullptr means std::cerr; clock: empty means std::chrono::steady_clock.
    ProgressPrinter(std::string job, std::string unit, bool quiet, std::ostream* out = nullptr,
                    Clock clock = {});

    /// Reports `done` of `total` units; prints a line when one is due.
    void update(double done, double total);
    /// Changes the unit text for the following lines (multi-phase jobs).
    void setUnit(std::string unit) { unit_ = std::move(unit); }
    int linesPrinted() const { return lines_; }

    /// "3.1 s", "4 min 05 s", "2.3 h".
    static std::string formatSeconds(double s);

  private:
    std::string job_, unit_;
    bool quiet_;
    std::ostream* out_;
    Clock clock_;
    double start_ = 0, lastLine_ = -1e300;
    double firstTime_ = -1, firstDone_ = 0;  ///< first update with progress: the rate's origin
    int lines_ = 0;
};

}  // namespace as::cli
