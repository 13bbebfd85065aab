#pragma once
// The `sweep slurm` options that override a spec's "slurm" block (unset ones keep the spec's).
#include <CLI/CLI.hpp>
#include <string>

#include "SweepSpec.h"

namespace as::cli {

struct SlurmOptionsCli {
    std::string account, partition, time;
    int cpusPerTask = 0, maxParallel = -1;
    std::vector<std::string> extra;

    void addTo(CLI::App* app) {
        app->add_option("--account", account, "#SBATCH --account")->type_name("NAME");
        app->add_option("--partition", partition, "#SBATCH --partition")->type_name("NAME");
        app->add_option("--time", time, "#SBATCH --time of each array task (default 01:00:00)")
            ->type_name("HH:MM:SS");
        app->add_option("--cpus-per-task", cpusPerTask,
                        "#SBATCH --cpus-per-task (and the jobs' OpenMP threads)")
            ->type_name("N")
            ->check(CLI::Range(1, 4096));
        app->add_option("--max-parallel", maxParallel,
                        "the M of --array=0-K%M: array tasks at a time (0: no limit)")
            ->type_name("M")
            ->check(CLI::Range(0, 1000000));
        app->add_option("--sbatch", extra,
                        "a further #SBATCH line, e.g. --sbatch=--mem=2G (repeatable)")
            ->type_name("OPT");
    }
    SlurmOptions over(SlurmOptions o) const {
        if (!account.empty()) o.account = account;
        if (!partition.empty()) o.partition = partition;
        if (!time.empty()) o.time = time;
        if (cpusPerTask > 0) o.cpusPerTask = cpusPerTask;
        if (maxParallel >= 0) o.maxParallel = maxParallel;
        for (const auto& e : extra) o.extra.push_back(e);
        return o;
    }
};

}  // namespace as::cli
