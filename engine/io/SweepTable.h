#pragma once
// A merged sweep (docs/sweeps.md, "Merge"): one row per job with its parameters, status and numeric
// results, and the --group-by statistics. `attractor-cli sweep merge` writes it as
// <label>_merged.h5; the app's File → Open Sweep reads it. Checksummed and written aside and
// renamed (io/Hdf5Integrity.h); a damaged or foreign file is refused naming the file and what is
// wrong.
//   /  attrs format = "attractor-studio-sweep", format_version, label, spec_hash, jobs, ok, failed,
//      missing
//   /jobs          datasets index, exit_code (-1: missing), wall_s, seed (NaN: none); attrs status,
//                  log (one line per job), param_labels, result_fields (comma-separated)
//   /jobs/params   one dataset per parameter (NaN for text), attr values: the values as text, one a
//   line /jobs/results  one dataset per numeric result field (NaN where a job has none) /groups
//   with --group-by: attr by; one dataset per grouping parameter (attr values);
//                  <field>_mean, <field>_std (sample), <field>_n
#include <string>
#include <vector>

namespace as {

inline constexpr const char* kSweepTableFormat = "attractor-studio-sweep";
inline constexpr int kSweepTableVersion = 1;

struct SweepTable {
    std::string label, specHash;
    int ok = 0, failed = 0, missing = 0;
    // Per job (all of the same length):
    std::vector<double> index, exitCode, wallSeconds, seed;
    std::vector<std::string> status, log;  ///< ok | failed | missing | damaged; the job's log path
    std::vector<std::string> paramLabels;
    std::vector<std::vector<std::string>> paramValues;  ///< [parameter][job], as passed
    std::vector<std::string> resultFields;
    std::vector<std::vector<double>> results;  ///< [field][job]
    // --group-by (empty without): one entry per group.
    std::vector<std::string> groupBy;
    std::vector<std::vector<std::string>> groupKeys;               ///< [grouping parameter][group]
    std::vector<std::vector<double>> groupMean, groupStd, groupN;  ///< [field][group]

    std::size_t jobCount() const { return index.size(); }
    /// A value as a number (NaN when it is text such as "jump").
    static double number(const std::string& text);
};

/// Writes `table` to `path` (aside, renamed, checksummed). Throws h5::Error naming the file.
void writeSweepTable(const std::string& path, const SweepTable& table);
/// Reads a merged sweep; throws h5::Error "merged sweep '<path>': <what>" for a missing, damaged or
/// foreign file, or a dataset of the wrong length.
SweepTable readSweepTable(const std::string& path);

}  // namespace as
