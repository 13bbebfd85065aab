#include "spiking/StepTeam.h"

#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define AS_CPU_PAUSE() _mm_pause()
#else
#define AS_CPU_PAUSE() ((void)0)
#endif

namespace as {
namespace {

/// Spins until `done()`: a short busy wait (the partner is normally microseconds away), then
/// yields the core, so a descheduled partner gets it back sooner on a busy machine.
template <class Done>
void spinUntil(Done&& done) {
    for (int i = 0; i < 4000; ++i) {
        if (done()) return;
        AS_CPU_PAUSE();
    }
    while (!done()) std::this_thread::yield();
}

}  // namespace

StepTeam::StepTeam(int threads) : n_(threads < 1 ? 1 : threads) {
    workers_.reserve(std::size_t(n_ - 1));
    for (int t = 1; t < n_; ++t) workers_.emplace_back([this, t] { workerLoop(t); });
}

StepTeam::~StepTeam() {
    stop_.store(true);
    start_.fetch_add(1);
    start_.notify_all();
    for (auto& w : workers_) w.join();
}

void StepTeam::run(const std::function<void(int)>& job) {
    if (n_ == 1) {
        job(0);
        return;
    }
    job_ = &job;
    done_.store(0, std::memory_order_relaxed);
    start_.fetch_add(1);  // seq_cst, paired with the workers' sleeping_ / start_ checks
    if (sleeping_.load() > 0) start_.notify_all();
    job(0);
    spinUntil([&] { return done_.load(std::memory_order_acquire) == n_ - 1; });
}

void StepTeam::barrier() {
    if (n_ == 1) return;
    const unsigned gen = generation_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == n_) {
        arrived_.store(0, std::memory_order_relaxed);
        generation_.store(gen + 1, std::memory_order_release);
        return;
    }
    spinUntil([&] { return generation_.load(std::memory_order_acquire) != gen; });
}

void StepTeam::workerLoop(int t) {
    unsigned seen = 0;
    for (;;) {
        // Wait for the next job: spin ~50 µs (steps follow each other closely), then sleep.
        const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(50);
        unsigned now = start_.load(std::memory_order_acquire);
        while (now == seen && std::chrono::steady_clock::now() < until) {
            for (int i = 0; i < 64 && now == seen; ++i) {
                AS_CPU_PAUSE();
                now = start_.load(std::memory_order_acquire);
            }
        }
        while (now == seen) {
            sleeping_.fetch_add(1);
            if (start_.load() == seen) start_.wait(seen);
            sleeping_.fetch_sub(1);
            now = start_.load(std::memory_order_acquire);
        }
        seen = now;
        if (stop_.load()) return;
        (*job_)(t);
        done_.fetch_add(1, std::memory_order_release);
    }
}

}  // namespace as
