#pragma once
// The robustness results behind the Table 1 view, and their CSV form
// (docs/user-guide/sde-analysis.md, shared with `attractor-cli sde eval --csv`):
//   model,corruption,seed,accuracy,n
//   eps0,clean,1,0.9858,1000
// one row per (model, corruption, seed) evaluation; accuracy the fraction correct in [0, 1] (as
// sde::accuracy() returns it; the table shows percent); n images (> 0); corruption one of the keys
// of data/Corruptions.h ("clean", "gauss05", ...). Blank lines and lines starting with '#' are
// ignored; fields may be double-quoted. Rows sharing model and corruption are summarised as
// mean ± std. The per-model form of `attractor-cli sde eval --csv`
//   corruption,label,accuracy,n_test
// is read too (one model, named after the file; seed 1). Parsing and formatting are the engine's
// (engine/sde/RobustnessRecords.h, Qt-free, fuzzed); these wrap them for QString.
#include <QString>
#include <QStringList>
#include <vector>

#include "sde/RobustnessRecords.h"

namespace as::gui {

struct RobustnessRecord {
    QString model;        ///< a name without commas ("eps0", "gtrained", the current model's name)
    QString corruption;   ///< corruption key
    int seed = 1;         ///< corruption and noise seed
    double accuracy = 0;  ///< fraction correct, [0, 1]
    int n = 0;            ///< images evaluated
};

/// Mean and sample standard deviation (in percent) of the runs sharing a model and a corruption.
struct RobustnessCell {
    double mean = 0, std = 0;
    int runs = 0, n = 0;  ///< runs averaged; images per run (the largest)
};

namespace RobustnessCsv {
inline constexpr const char* kHeader = as::sde::kRobustnessCsvHeader;
inline constexpr const char* kCliEvalHeader = as::sde::kRobustnessCliEvalHeader;

/// Splits one CSV line at commas outside double quotes (quotes removed, "" is a quote).
QStringList splitLine(const QString& line);
/// Parses CSV text into out (replaced). Returns "" or a message naming the source and the line
/// ("results.csv, line 4: accuracy 'abc' is not a number"); out is left empty on error.
QString parse(const QString& text, const QString& source, std::vector<RobustnessRecord>& out,
              const QString& modelName = QStringLiteral("model"));
/// The CSV text of records (header first, accuracy with 6 decimals).
QString format(const std::vector<RobustnessRecord>& records);
/// The records as the engine holds them (UTF-8 strings), and back.
std::vector<as::sde::RobustnessRecord> toEngine(const std::vector<RobustnessRecord>& records);
std::vector<RobustnessRecord> fromEngine(const std::vector<as::sde::RobustnessRecord>& records);

/// The corruption keys in Table 1's column order: clean first, then the 8 corruptions.
QStringList columnKeys();
/// The column header of a key, as in the paper ("MNIST", "σ = 0.5", "Shot noise", ...).
QString columnLabel(const QString& key);
/// The long description of a column ("Gaussian noise σ=0.5 (MNIST-C style, key 'gauss05')").
QString columnToolTip(const QString& key);
/// The row header of a model name: the shipped models' names in the paper's words
/// ("ε = 0.05, G = I"), anything else as is.
QString modelLabel(const QString& model);
/// Models in first-appearance order.
QStringList models(const std::vector<RobustnessRecord>& records);
/// The summary of (model, corruption); runs = 0 when there is none.
RobustnessCell cell(const std::vector<RobustnessRecord>& records, const QString& model,
                    const QString& corruption);
/// "98.58 ± 0.30" (one run: "98.58"; none: "").
QString cellText(const RobustnessCell& c);

/// One row of the paper's Table 1 (seed 002 §V): mean and std in percent, in columnKeys() order.
struct PaperRow {
    QString label;
    std::vector<RobustnessCell> cells;
};
/// The four published rows (eps = 0; eps = 0.05, G = I; eps = 0.1, G = I; G trained), for
/// comparison.
const std::vector<PaperRow>& paperTable();
}  // namespace RobustnessCsv

}  // namespace as::gui
