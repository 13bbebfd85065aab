#pragma once
// The bookkeeping of a seeded mini-batch training loop, shared by sde::BpttTrainer and
// generator::GeneratorTrainer: how many iterations in all, which items each iteration's batch
// holds (a fresh order every epoch: epochOrder), the seconds of training work per iteration
// (validation and checkpoints excluded) with the time left, and the messages a run ends with.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "sde/BpttTrainer.h"

namespace as::sde {

class MiniBatchSchedule {
  public:
    /// `items` training items in batches of `batch`: `epochs` passes, or maxIterations (> 0)
    /// iterations; a resumed run starts at firstIteration (the pace counts from there).
    MiniBatchSchedule(int items, int batch, int epochs, long maxIterations, std::uint64_t seed,
                      long firstIteration);

    long total() const { return total_; }
    /// Moves to an iteration: its epoch (the order drawn anew when that changes) and its batch.
    void select(long iteration);
    long epoch() const { return epoch_; }
    /// Items in the current batch (the last of an epoch may be short).
    int size() const { return len_; }
    /// The training item at place j of the current batch.
    int item(int j) const { return order_[std::size_t(first_ + j)]; }

    /// Brackets one iteration's training work.
    void startWork() { workStart_ = std::chrono::steady_clock::now(); }
    void endWork();
    /// After `iteration` iterations: fills a progress record's iteration, totalIterations, epoch,
    /// secondsPerIteration and secondsLeft, keeps the pace in the report and hands the record to
    /// the callback (if set).
    template <class Progress, class Report, class Callback>
    void publish(Progress& pg, long iteration, Report& rep, const Callback& progress) const {
        pg.iteration = iteration;
        pg.totalIterations = total_;
        pg.epoch = int(epoch_);
        pg.secondsPerIteration = workSeconds_ / double(iteration - firstIteration_);
        pg.secondsLeft = pg.secondsPerIteration * double(total_ - iteration);
        rep.secondsPerIteration = pg.secondsPerIteration;
        if (progress) progress(pg);
    }

  private:
    int items_, batch_;
    long total_, firstIteration_;
    std::uint64_t seed_;
    std::vector<int> order_;
    long epoch_ = -1;
    int first_ = 0, len_ = 0;
    double workSeconds_ = 0.0;
    std::chrono::steady_clock::time_point workStart_{};
};

/// "cancelled after N iterations"
std::string cancelledMessage(long iterations);
/// "the <what> became non-finite at iteration N; the model keeps the weights of the last good
/// iteration" (N counted from 1: the iteration that failed).
std::string nonFiniteMessage(const char* what, long iteration);
/// "finished N iterations"
std::string finishedMessage(long iterations);
/// Ends a report: "finished N iterations" unless the run stopped early, and the iterations done.
template <class Report>
void closeReport(Report& rep, long iterations) {
    if (rep.outcome == TrainOutcome::Finished) rep.message = finishedMessage(iterations);
    rep.iterations = iterations;
}
/// Whether a checkpoint is due after `iteration` iterations (a path and every > 0 set).
bool checkpointDue(const std::string& path, long every, long iteration);

}  // namespace as::sde
