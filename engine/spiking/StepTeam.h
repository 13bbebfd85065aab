#pragma once
// A persistent team of threads for a loop of microsecond steps: run(job) executes job(t) on
// every member (member 0 is the calling thread) and returns when all have finished; inside the
// job, barrier() meets the other members. An OpenMP parallel region per step cost ~3 µs of
// fork/join here (longer than a whole 1,000-neuron step); the team meets through three atomic
// counters instead: start, the barrier, done (a few hundred ns on an idle machine).
// Waiting members spin briefly (with a pause), then yield, and between runs sleep on a futex
// (std::atomic::wait) after ~50 µs, so an idle team costs no CPU.
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace as {

class StepTeam {
  public:
    /// `threads` members in all: threads - 1 workers are started.
    explicit StepTeam(int threads);
    ~StepTeam();
    StepTeam(const StepTeam&) = delete;
    StepTeam& operator=(const StepTeam&) = delete;

    int size() const { return n_; }
    /// job(t) for t = 0 .. size() - 1, t = 0 on the calling thread; returns when all are done.
    void run(const std::function<void(int)>& job);
    /// Every member calls this inside the job; returns when all have arrived.
    void barrier();

  private:
    void workerLoop(int t);

    int n_;
    const std::function<void(int)>* job_ = nullptr;
    std::atomic<unsigned> start_{0};       // bumped by run(): a new job
    std::atomic<int> done_{0};             // workers finished with the current job
    std::atomic<int> arrived_{0};          // members at the barrier
    std::atomic<unsigned> generation_{0};  // barrier generation
    std::atomic<int> sleeping_{0};         // workers blocked in start_.wait
    std::atomic<bool> stop_{false};
    std::vector<std::thread> workers_;
};

}  // namespace as
