#pragma once
// The external input profile of one population, out[i] = scale (bg + height G(theta_i - z)),
// G(d) = exp(-wrap(d)^2 / s2), recomputed whenever the stimulus moves (every step of the
// tracking protocols). Its own file because it is compiled with -ffast-math: GCC then calls
// glibc's vector exp (libmvec, < 4 ulp in double) for four neurons at a time, and the wrap is a
// vector round instead of fmod. The loop was 85 % of a tracking run at N_E = 800 with scalar
// exp and fmod. The double results differ from the scalar ones in the last bits only; rounded
// to float they are the same (test EiNetwork.InputProfileMatchesTheScalarFormula).

namespace as::spike {

void gaussianProfile(const double* theta, int n, double z, double s2, double scale, double bg,
                     double height, float* out);

}  // namespace as::spike
