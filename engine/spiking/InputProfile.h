#pragma once
// The external input profile of one population, out[i] = scale (bg + height G(theta_i - z)),
// G(d) = exp(-wrap(d)^2 / s2), for the neurons i in [lo, hi). It is recomputed whenever the
// stimulus moves (every step of the tracking protocols), by each thread for its own blocks, so it
// must be cheap: it is computed in float, in a file compiled with -ffast-math so GCC calls
// glibc's vector expf (libmvec) for 8 neurons at a time. 12,500 neurons took 17 µs with scalar
// double exp and fmod (85 % of a tracking run at N_E = 800). The values agree with the double
// formula to 1e-6 of the largest input (test EiNetwork.InputProfileMatchesTheFormula): float
// angles carry ~3e-7 rad of rounding; the network state is float32 anyway.

namespace as::spike {

void gaussianProfile(const float* theta, int lo, int hi, double z, double s2, double scale,
                     double bg, double height, float* out);

}  // namespace as::spike
