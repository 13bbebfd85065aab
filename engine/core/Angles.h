#pragma once
// Angles on the ring and the torus: pi, and the shortest periodic difference.
#include <cmath>

namespace as {

inline constexpr double kPi = 3.14159265358979323846;

/// Shortest periodic difference wrapped into [-pi, pi).
inline double wrapAngle(double d) {
    d = std::fmod(d + kPi, 2 * kPi);
    if (d < 0) d += 2 * kPi;
    return d - kPi;
}

}  // namespace as
