#pragma once
// Describes one user-settable parameter once, so that forms (GUI), `--set key=value` and
// `--list-params` (CLI) and session files (HDF5 attributes with units) are all built from it.
#include <string>
#include <vector>

namespace as {

struct ParamSpec {
    std::string key;    ///< stable identifier used in sessions and on the CLI (e.g. "tau")
    std::string label;  ///< human-readable name for forms
    std::string unit;   ///< unit text ("ms", "rad", "" for dimensionless)
    double defaultValue = 0.0;
    double min = 0.0;      ///< inclusive lower bound for the form (check() has the exact rule)
    double max = 1.0;      ///< inclusive upper bound for the form
    double step = 0.1;     ///< spin-box step
    int decimals = 3;      ///< digits shown in forms
    bool integer = false;  ///< integer-valued (N, seed, ...)
    std::vector<std::string> choices;  ///< non-empty: an enumeration; the value is the index
    std::string tooltip;               ///< one sentence: meaning, unit, rule
};

/// Finds a spec by key; returns nullptr if unknown.
const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, const std::string& key);

}  // namespace as
