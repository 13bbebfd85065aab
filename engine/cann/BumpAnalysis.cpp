#include "cann/BumpAnalysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "cann/PopulationDecoder.h"
#include "cann/RingCann.h"

namespace as {

BumpShape measureBump(const std::vector<double>& positions, const std::vector<double>& profile) {
    BumpShape b;
    if (profile.empty()) return b;
    const Decode d = populationDecode(positions, profile);
    b.centre = d.angle;
    b.height = *std::max_element(profile.begin(), profile.end());
    double m0 = 0, m2 = 0;
    for (std::size_t i = 0; i < profile.size(); ++i) {
        const double dx = wrapAngle(positions[i] - b.centre);
        m0 += profile[i];
        m2 += profile[i] * dx * dx;
    }
    b.width = m0 > 0 ? std::sqrt(m2 / m0) : 0.0;
    return b;
}

double trackingLag(const TraceBuffer& traces, double tFrom) {
    const int ct = traces.index("t"), cs = traces.index("stimulus"), cd = traces.index("decoded");
    if (ct < 0 || cs < 0 || cd < 0) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < traces.size(); ++i) {
        if (traces.at(ct, i) < tFrom) continue;
        sum += wrapAngle(traces.at(cs, i) - traces.at(cd, i));
        ++n;
    }
    return n ? sum / double(n) : std::numeric_limits<double>::quiet_NaN();
}

double timeTo95(const TraceBuffer& traces, double tJump, double zFrom, double zTo) {
    const int ct = traces.index("t"), cd = traces.index("decoded");
    const double span = wrapAngle(zTo - zFrom);
    if (ct < 0 || cd < 0 || span == 0) return std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < traces.size(); ++i) {
        const double t = traces.at(ct, i);
        if (t < tJump) continue;
        const double progress = wrapAngle(traces.at(cd, i) - zFrom) / span;
        if (progress >= 0.95) return t - tJump;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace as
