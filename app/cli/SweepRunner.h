#pragma once
// Runs a sweep's jobs as child processes of this attractor-cli (docs/sweeps.md): up to `parallel`
// at a time, each job's commands one after another, then the job's files in its folder:
//   <name>.json  the job's JSON (the objects its commands printed last, merged)
//   <name>.log   what its commands printed (stdout, then stderr), with their exit codes
//   <name>.h5    its session or model plus /sweep (SweepJobFile.h), written last: its presence
//                with exit code 0 and the spec's hash marks the job finished, so a rerun skips it.
// Work files live in <dir>/.work until the job is finished; a job's <name>.lock there is held
// (flock) while it runs, so two `sweep run`s of one folder never run the same job. A folder holds
// one sweep: its spec hash is kept in <dir>/sweep_spec.json and a different spec is refused.
#include <functional>
#include <string>
#include <vector>

#include "SweepSpec.h"

namespace as::cli {

struct SweepRunOptions {
    int parallel = 1;  ///< jobs at a time
    int threads = 0;   ///< OMP_NUM_THREADS of each job (0: inherit)
    bool quiet = false;
    /// Whether this process takes job `index` (MPI ranks claim through an atomic create); null:
    /// all.
    std::function<bool(int)> claim;
    std::string tag;  ///< prefix of the progress lines ("rank 1: ")
};

struct SweepRunTotals {
    int ran = 0, failed = 0, skipped = 0;
    int busy = 0;  ///< jobs another `sweep run` of the folder was running (left to it)
    bool cancelled = false;
};

class SweepRunner {
  public:
    SweepRunner(const SweepSpec& spec, std::string dir);
    const std::string& dir() const { return dir_; }
    /// Creates the folder and checks (or writes) its sweep_spec.json; throws CliError (exit 2) when
    /// the folder holds another sweep.
    void prepareFolder() const;
    /// Whether job `index` finished (its .h5 holds exit code 0 and this spec's hash).
    bool finished(int index) const;
    std::string jobFile(int index, const std::string& extension) const;
    /// Runs the jobs of `indices` that are not finished (all of them when the spec says
    /// skip_existing false), stopping early on Ctrl-C / SIGTERM (running jobs get SIGTERM and are
    /// recorded as failed).
    SweepRunTotals run(const std::vector<int>& indices, const SweepRunOptions& options) const;

  private:
    struct Running;
    void startStage(Running& job, const SweepRunOptions& options) const;
    /// Writes the job's files; returns its exit code as recorded (1 if its output could not be
    /// kept).
    int finish(const Running& job, int exitCode, double wallSeconds) const;

    const SweepSpec& spec_;
    std::string dir_;
};

}  // namespace as::cli
