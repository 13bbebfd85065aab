#include "spiking/AdaptiveThreadCount.h"

#include <algorithm>

namespace as {

void AdaptiveThreadCount::setMax(int maxThreads) {
    max_ = std::max(1, maxThreads);
    cur_ = base_ = 1;
    phase_ = Phase::Base;
    inWindow_ = 0;
    gapS_ = 0.25;
    est_[0] = est_[1] = 0.0;
    nextTrial_ = Clock::time_point{};  // the first trial follows the first one-thread window
}

void AdaptiveThreadCount::stepDone() {
    if (max_ <= 1) return;
    // One thread: read the clock every 16th step only (a 1,000-neuron step is ~0.8 µs, a clock
    // read ~20 ns); several threads: every step, to catch a descheduled partner at once.
    if (cur_ == 1 && inWindow_ > 0 && (inWindow_ & 15) != 0) {
        ++inWindow_;
        return;
    }
    const Clock::time_point now = now_();
    if (inWindow_ == 0) {
        windowStart_ = now;  // the first step of a window only starts the clock
        inWindow_ = 1;
        return;
    }
    const int timed = inWindow_++;
    const double ns = std::chrono::duration<double, std::nano>(now - windowStart_).count();
    // A multi-thread window far slower than one thread was (a partner thread descheduled):
    // end it now rather than after a window of slow steps.
    if (cur_ > 1 && est_[0] > 0 && ns > 3.0 * est_[0] * timed + 2.0e5) {
        inWindow_ = 0;
        est_[1] = ns / timed;
        if (phase_ == Phase::Base)
            startTrial();  // the multi-thread base went slow: try one thread
        else
            endTrial(false, now);
        return;
    }
    if (inWindow_ <= kWindow || ns < kWindowNs) return;
    inWindow_ = 0;
    const double perStep = ns / timed;
    const int k = cur_ > 1 ? 1 : 0;
    switch (phase_) {
        case Phase::WarmUp:  // discarded: caches refill, the worker wakes
            phase_ = Phase::Trial;
            break;
        case Phase::Trial:
            est_[k] = perStep;
            endTrial(est_[k] < 0.93 * est_[base_ > 1 ? 1 : 0], now);
            break;
        case Phase::Base: {
            est_[k] = perStep;  // the latest window: the activity, and so the step cost, drifts
            // Try the other count when due, or at once when a multi-thread base fell behind one
            // thread.
            const bool baseSlowed = base_ > 1 && est_[0] > 0 && perStep > 1.5 * est_[0];
            if (now >= nextTrial_ || baseSlowed) startTrial();
            break;
        }
    }
}

void AdaptiveThreadCount::startTrial() {
    phase_ = Phase::WarmUp;
    cur_ = base_ > 1 ? 1 : max_;
}

void AdaptiveThreadCount::endTrial(bool keep, Clock::time_point now) {
    if (keep) {
        base_ = cur_;
        gapS_ = 0.25;
    } else {
        gapS_ = std::min(gapS_ * 2.0, 16.0);
    }
    phase_ = Phase::Base;
    cur_ = base_;
    nextTrial_ =
        now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(gapS_));
}

}  // namespace as
