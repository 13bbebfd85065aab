#pragma once
// Measurements on a ring bump and on recorded traces (models.md §1; seed 001 §4-5).
#include <vector>

#include "core/TraceBuffer.h"

namespace as {

struct BumpShape {
    double centre = 0.0;  ///< decoded position (rad)
    double height = 0.0;  ///< max of the profile
    double width =
        0.0;  ///< std of the profile around the centre (rad): equals a for r ∝ exp(-d^2/2a^2)
};

/// Height, centre and width (second moment about the population-vector centre) of a profile.
BumpShape measureBump(const std::vector<double>& positions, const std::vector<double>& profile);

/// Mean signed lag wrap(stimulus - decoded) over rows with t >= tFrom (rad), from the traces'
/// "t", "stimulus" and "decoded" channels. NaN if no row qualifies.
double trackingLag(const TraceBuffer& traces, double tFrom);

/// Time (ms) after tJump until the decoded position first covers 95% of the way from zFrom to zTo
/// (along the shorter arc), from the "t" and "decoded" channels. NaN if it never does.
double timeTo95(const TraceBuffer& traces, double tJump, double zFrom, double zTo);

}  // namespace as
