#pragma once
// Wall time of CLI jobs (the JSON summaries' wall_s, s_per_iter): one steady clock for every
// command.
#include <chrono>

namespace as::cli {

using Clock = std::chrono::steady_clock;

/// Seconds from t0 to now.
inline double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace as::cli
