#pragma once
// Curves from a merged sweep (io/SweepTable.h) for plotting one result field against one
// parameter: the jobs that finished (status ok, a finite value) are grouped by the parameter's
// value, and each group gives mean, sample standard deviation and n over the other parameters
// (seeds, repeats). An optional second parameter splits the jobs into one curve per value. Text
// values (a protocol name) are placed at 0, 1, 2, ... in order of first appearance.
#include <string>
#include <vector>

#include "io/SweepTable.h"

namespace as {

struct SweepCurve {
    std::string name;                     ///< "split = value", or the field's name without a split
    std::vector<double> x, mean, std, n;  ///< sorted by x; std is NaN where n < 2
    std::vector<std::string> xText;       ///< the parameter's values as given in the spec
};

struct SweepSeriesRequest {
    std::string xParam;   ///< a parameter label of the table
    std::string field;    ///< a result field (or "wall_s")
    std::string split{};  ///< empty: one curve; else a parameter label: one curve per value
};

/// Throws std::invalid_argument naming an unknown parameter or field.
std::vector<SweepCurve> sweepSeries(const SweepTable& table, const SweepSeriesRequest& request);

}  // namespace as
