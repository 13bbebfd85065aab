#include "spiking/InputProfile.h"

#include <cmath>

namespace as::spike {

void gaussianProfile(const float* theta, int lo, int hi, double z, double s2, double scale,
                     double bg, double height, float* out) {
    constexpr float kPi = 3.14159265f, kTwoPi = 6.2831853f;
    const float inv = float(-1.0 / s2), a = float(scale * bg), b = float(scale * height);
    const float zf = float(std::remainder(z, 2.0 * 3.14159265358979323846));  // [-pi, pi]
#pragma omp simd
    for (int i = lo; i < hi; ++i) {
        float d = theta[i] - zf;  // (-2 pi, 2 pi): one wrap each way is enough
        d += d < -kPi ? kTwoPi : 0.f;
        d -= d >= kPi ? kTwoPi : 0.f;
        out[i] = a + b * std::exp(d * d * inv);
    }
}

}  // namespace as::spike
