#include "cann/PeriodicGaussian.h"

#include <cmath>

#include "core/Angles.h"

namespace as {

PeriodicGaussian::PeriodicGaussian(int n, double c) : n_(n), c_(c), dx_(2 * kPi / n), g_(n + 1) {
    for (int k = -(n / 2); k <= n / 2; ++k) g_[k + n / 2] = std::exp(-c * (k * dx_) * (k * dx_));
}

void PeriodicGaussian::fill(double z, double amplitude, double* out) const {
    const int n = n_;
    // Nearest lattice index j0 to z and the offset delta = z - x_{j0} in [-dx/2, dx/2].
    const double pos = (z + kPi) / dx_;
    long j0 = std::lround(pos);
    const double delta = (pos - double(j0)) * dx_;
    j0 = ((j0 % n) + n) % n;
    // Offsets k = kFirst .. kFirst + n - 1 cover the ring once with |d| <= pi: for even n the
    // half-turn point k = +-n/2 is taken on the side where it is nearer to z.
    const int kFirst = (n % 2 == 0 && delta > 0) ? -(n / 2) + 1 : -(n / 2);
    constexpr int kBlock = 8;
    const double p = std::exp(2 * c_ * delta * dx_);
    double pw[kBlock];
    for (int q = 0; q < kBlock; ++q) pw[q] = std::exp(2 * c_ * delta * dx_ * q);
    const double stride = std::exp(2 * c_ * delta * dx_ * kBlock);
    const double scale = amplitude * std::exp(-c_ * delta * delta);
    const double* g = g_.data() + (kFirst + n / 2);  // g[m] = G at offset kFirst + m
    // The point at offset kFirst + m lives at index (j0 + kFirst + m) mod n: two contiguous runs.
    const long first = ((j0 + kFirst) % n + n) % n;
    double base = scale * std::exp(2 * c_ * delta * dx_ * kFirst);  // scale * p^kFirst
    int m = 0;
    auto run = [&](double* dst, int count) {  // writes offsets m .. m + count - 1
        int j = 0;
        for (; j + kBlock <= count; j += kBlock, m += kBlock) {
            for (int q = 0; q < kBlock; ++q) dst[j + q] = g[m + q] * base * pw[q];
            base *= stride;
        }
        for (; j < count; ++j, ++m) {
            dst[j] = g[m] * base;
            base *= p;
        }
    };
    run(out + first, int(n - first));
    run(out, int(first));
}

void periodicGaussian(double z, double amplitude, double c, int n, double* out) {
    PeriodicGaussian(n, c).fill(z, amplitude, out);
}

}  // namespace as
