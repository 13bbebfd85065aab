#include "spiking/InputProfile.h"

#include <cmath>

namespace as::spike {

void gaussianProfile(const double* theta, int n, double z, double s2, double scale, double bg,
                     double height, float* out) {
    constexpr double kTwoPi = 6.283185307179586476925;
    const double inv = -1.0 / s2;
#pragma omp simd
    for (int i = 0; i < n; ++i) {
        double d = theta[i] - z;
        d -= kTwoPi * std::nearbyint(d * (1.0 / kTwoPi));  // into [-pi, pi]
        out[i] = float(scale * (bg + height * std::exp(d * d * inv)));
    }
}

}  // namespace as::spike
