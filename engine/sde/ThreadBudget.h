#pragma once
// How many OpenMP threads a pass of the SDE model uses. Forking two threads for every Euler step
// pays only when the step's matrix product is large: a 196 x 196 x 32 product (~30 µs) costs less
// than a fork/join, and when other processes load the machine a descheduled thread stalls every
// join (measured: a small training 60x slower with 2 threads than with 1 under a load of 7).
// The guard sets the calling thread's OpenMP thread count (a per-thread setting, so other threads
// and labs are unaffected; Eigen's products follow it) and restores it.
#include <omp.h>

#include <cstdlib>
#include <thread>

namespace as::sde {

class ThreadBudget {
  public:
    /// Multiply-adds of one step's product (n * n * batch) from which threads are used.
    static constexpr double kMinParallelWork = 4.0e6;

    explicit ThreadBudget(double workPerStep) : saved_(omp_get_max_threads()) {
        if (workPerStep < kMinParallelWork && saved_ > 1) omp_set_num_threads(1);
    }
    ~ThreadBudget() { omp_set_num_threads(saved_); }

    /// More runnable work than cores (1-minute load average above cores + 0.5): paths that meet
    /// at a barrier every step then run on one thread (a descheduled thread stalls each barrier:
    /// a batch-1 iteration took 0.9 s with two threads under a load of 6, 17 ms with one).
    static bool machineBusy() {
        double load = 0.0;
        if (getloadavg(&load, 1) != 1) return false;
        return load > double(std::thread::hardware_concurrency()) + 0.5;
    }
    /// The work to pass for a batch-1 pass (row-split path): threads unless the machine is busy.
    static double smallBatchWork() { return machineBusy() ? 0.0 : kMinParallelWork; }
    ThreadBudget(const ThreadBudget&) = delete;
    ThreadBudget& operator=(const ThreadBudget&) = delete;

  private:
    int saved_;
};

}  // namespace as::sde
