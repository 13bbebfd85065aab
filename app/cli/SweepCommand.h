#pragma once
// attractor-cli sweep plan|run|merge|slurm (docs/sweeps.md): many runs of one lab command over a
// grid or list of parameter values, as child processes locally, under mpirun, or as a Slurm job
// array, merged into one table. The pieces: SweepSpec (the JSON spec), SweepRunner (jobs as
// processes), SweepMpi, SweepSlurm, SweepMerge, SweepJobFile.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "CliCommand.h"
#include "SlurmOptionsCli.h"

namespace as::cli {

class SweepSpec;

class SweepCommand : public Command {
  public:
    explicit SweepCommand(CLI::App& parent);
    int run() override;

  private:
    int runPlan(const SweepSpec& spec);
    int runJobs(const SweepSpec& spec);
    int runMpi(const SweepSpec& spec);
    int runMerge(const SweepSpec& spec);
    int runSlurm(const SweepSpec& spec);
    std::string folder(const SweepSpec& spec) const;
    /// Checks every job's arguments; throws CliError naming the first bad job and its parameter.
    void checkAllJobs(const SweepSpec& spec) const;

    CLI::App *plan_ = nullptr, *run_ = nullptr, *merge_ = nullptr, *slurm_ = nullptr;
    std::string specPath_, output_;
    int jobs_ = 1, threads_ = 0, task_ = -1, jobsPerTask_ = 0;
    bool mpi_ = false, allowPartial_ = false, submit_ = false;
    std::vector<std::string> groupBy_;
    SlurmOptionsCli slurmCli_;
};

}  // namespace as::cli
