#pragma once
// `sweep merge` (docs/sweeps.md): reads every job file of a sweep folder and writes
//   <label>_merged.csv  one row per job: index, the parameters, status, exit_code, wall_s, log and
//                       every numeric field of the job's JSON (booleans as 0/1, null as empty; a
//                       field named like a parameter or one of those columns gets "job_" in front);
//   <label>_grouped.csv with --group-by: per group of those parameters, mean, std (sample) and n
//                       of every numeric field over the finished jobs (the remaining parameters,
//                       usually seeds);
//   <label>_merged.h5   the same as columns (io/SweepTable.h has the layout; the app reads it).
#include <string>
#include <vector>

#include "SweepSpec.h"

namespace as::cli {

struct SweepMergeOptions {
    std::vector<std::string> groupBy;  ///< parameter labels
};

struct SweepMergeReport {
    int ok = 0, failed = 0, missing = 0;
    std::vector<std::string> problems;  ///< one line per failed or missing job, with its log path
    std::string csv, groupedCsv, h5;    ///< files written ("" if not)
    std::vector<std::string> resultFields;
};

/// Merges the sweep's job files in `dir`. Throws CliError (exit 2) for a --group-by label that is
/// not a parameter, or a job file of another spec; CliError (exit 1) when an output cannot be
/// written.
SweepMergeReport mergeSweep(const SweepSpec& spec, const std::string& dir,
                            const SweepMergeOptions& options);

/// A double in the shortest text that reads back to the same value ("" for NaN).
std::string shortestText(double v);

}  // namespace as::cli
