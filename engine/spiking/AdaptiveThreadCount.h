#pragma once
// Chooses between one thread and `max` threads for a loop of short, equal steps that meet at a
// barrier every step (the spiking network: ~1-100 µs a step). Threads pay on an idle machine
// and large networks, but one descheduled thread stalls every barrier: with the other core busy,
// a 2-thread step took milliseconds instead of microseconds (docs/performance.md). So the count
// is measured, not guessed: steps run in timed windows (at least kWindow steps and 10 ms: the
// caches of a 10,000-neuron network take ~20 ms to settle after a change of count); now and then
// the other count runs a warm-up window (caches refill on the other core, the worker wakes), then a
// measured one, and is kept if it is at least 7 % faster. A multi-thread window that runs far over
// the one-thread time ends at once (a busy machine costs one slow step, not a window of them), and
// failed trials back off exponentially (0.25 s to 16 s of wall time apart). The spiking results do
// not depend on the thread count, so switching changes only the speed.
#include <chrono>
#include <functional>

namespace as {

class AdaptiveThreadCount {
  public:
    static constexpr int kWindow = 64;
    static constexpr double kWindowNs = 1.0e7;

    /// The largest count to use (>= 1); 1 disables the measurements.
    void setMax(int maxThreads);
    int max() const { return max_; }
    /// Thread count for the next step.
    int current() const { return cur_; }
    /// Call after every step.
    void stepDone();
    /// Wall nanoseconds per step measured with 1 and with `max` threads (0 until measured).
    double nsPerStep(bool multi) const { return est_[multi ? 1 : 0]; }

    using Clock = std::chrono::steady_clock;
    /// Replaces the clock read after every step (tests drive the tuner with simulated step costs).
    void setClock(std::function<Clock::time_point()> now) { now_ = std::move(now); }

  private:
    enum class Phase { Base, WarmUp, Trial };
    void startTrial();
    void endTrial(bool keep, Clock::time_point now);

    int max_ = 1, cur_ = 1, base_ = 1;
    Phase phase_ = Phase::Base;
    int inWindow_ = 0;
    Clock::time_point windowStart_{}, nextTrial_{};
    double gapS_ = 0.25;
    double est_[2] = {0.0, 0.0};  // ns per step: one thread, max threads
    std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
};

}  // namespace as
