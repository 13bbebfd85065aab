#pragma once
// The robustness results behind the SDE lab's Table 1 view, and their CSV form
// (docs/user-guide/sde-analysis.md, shared with `attractor-cli sde eval --csv`):
//   model,corruption,seed,accuracy,n
//   eps0,clean,1,0.9858,1000
// one row per (model, corruption, seed) evaluation; accuracy the fraction correct in [0, 1] (as
// sde::accuracy() returns it; the table shows percent); n images (> 0); corruption one of the keys
// of data/Corruptions.h ("clean", "gauss05", ...). Blank lines and lines starting with '#' are
// ignored; fields may be double-quoted; fields and lines are trimmed of ASCII white space. The
// per-model form of `attractor-cli sde eval --csv`
//   corruption,label,accuracy,n_test
// is read too (one model, named by the caller; seed 1). Qt-free, so the parser can be fuzzed
// (tests/fuzz/fuzz_robustness_csv.cpp); the GUI's RobustnessCsv (app/gui/sde) wraps it.
#include <string>
#include <vector>

namespace as::sde {

struct RobustnessRecord {
    std::string model;  ///< a name without commas ("eps0", "gtrained", the current model's name)
    std::string corruption;  ///< corruption key
    int seed = 1;            ///< corruption and noise seed
    double accuracy = 0;     ///< fraction correct, [0, 1]
    int n = 0;               ///< images evaluated
};

inline constexpr const char* kRobustnessCsvHeader = "model,corruption,seed,accuracy,n";
inline constexpr const char* kRobustnessCliEvalHeader = "corruption,label,accuracy,n_test";

/// The corruption keys in Table 1's column order: clean first, then the 8 corruptions.
std::vector<std::string> robustnessColumnKeys();
/// Splits one CSV line at commas outside double quotes (quotes removed, "" is a quote), each field
/// trimmed.
std::vector<std::string> splitCsvLine(const std::string& line);
/// Parses CSV text into out (replaced). Returns "" or a message naming the source and the line
/// ("results.csv, line 4: accuracy 'abc' is not a number"); out is left empty on error.
std::string parseRobustnessCsv(const std::string& text, const std::string& source,
                               std::vector<RobustnessRecord>& out,
                               const std::string& modelName = "model");
/// The CSV text of records (header first, commas in model names written as ';', accuracy with 6
/// decimals).
std::string formatRobustnessCsv(const std::vector<RobustnessRecord>& records);

}  // namespace as::sde
