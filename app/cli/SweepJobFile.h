#pragma once
// A sweep job's HDF5 file, <dir>/<label>_<index>.h5: the session or model the job wrote (copied
// from the job's own output, root attributes and all, so the file still opens as a session) plus a
// /sweep group holding what the sweep knows of the job. Written aside and renamed (checksummed,
// format 2 of docs/reliability.md), so a killed sweep leaves either no file or a whole one.
//   /sweep  attrs: spec_hash, label, index, seed (int, -1 without a seed parameter), exit_code,
//                  wall_s, summary_json (the job's JSON line), command, log (path of its log)
//   /sweep/params  attrs: one per parameter, as passed (string)
#include <string>
#include <vector>

namespace as::cli {

struct SweepRecord {
    std::string specHash, label;
    int index = 0;
    std::vector<std::string> paramLabels, values;
    long long seed = -1;
    int exitCode = 0;
    double wallSeconds = 0;
    std::string summaryJson = "{}";  ///< the job's JSON object ({} when it printed none)
    std::string command;             ///< the argument lists, for the record
    std::string log;                 ///< path of the job's log
};

/// Writes `path` atomically: the contents of `payload` (an HDF5 file the job wrote; "" or a missing
/// file for none) and the /sweep group. Throws h5::Error naming the file.
void writeSweepJobFile(const std::string& path, const std::string& payload,
                       const SweepRecord& record);

/// Reads the /sweep group of a job file (verifying the file's checksums). Throws h5::Error naming
/// the file and what is wrong.
SweepRecord readSweepRecord(const std::string& path);

}  // namespace as::cli
