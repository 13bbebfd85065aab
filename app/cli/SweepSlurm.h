#pragma once
// `sweep slurm` (docs/sweeps.md): a Slurm job-array script that runs the sweep's jobs, one chunk of
// jobs_per_task jobs per array task (--array=0-K%M), and a merge job script; with submit, both are
// handed to sbatch, the merge job depending on the whole array (afterok).
#include <string>
#include <vector>

#include "SweepSpec.h"

namespace as::cli {

struct SlurmScripts {
    std::string arrayScript, mergeScript;  ///< paths written
    int tasks = 0;                         ///< array tasks (K + 1)
    std::string arrayJobId, mergeJobId;    ///< after submit
};

/// Writes <dir>/<label>_array.sbatch and <dir>/<label>_merge.sbatch for `options` (the spec's
/// "slurm" block with the command line's overrides). `mergeArgs` are extra arguments of the merge
/// (e.g. --group-by v). Paths in the scripts are absolute. Throws CliError(kExitFailure) on write
/// errors.
SlurmScripts writeSlurmScripts(const SweepSpec& spec, const std::string& dir,
                               const SlurmOptions& options,
                               const std::vector<std::string>& mergeArgs);

/// Submits both scripts with sbatch (`sbatch` from PATH, or $SBATCH): the array first, then the
/// merge with --dependency=afterok:<array id>. Throws CliError(kExitFailure) with sbatch's output
/// when a submission fails.
void submitSlurmScripts(SlurmScripts& scripts);

}  // namespace as::cli
