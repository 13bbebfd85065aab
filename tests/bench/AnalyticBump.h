#pragma once
// What the CANN benchmarks start from: the default ring or torus of a size, and the state the app
// spends its time in, the analytic bump at the origin of an n^D lattice,
// u = U0 prod_d exp(-x_d^2 / (4 a^2)) with x_d on [-pi, pi) in n steps per axis, the last axis
// fastest. Header-only.
#include <cmath>
#include <cstddef>
#include <vector>

#include "cann/CannParams.h"
#include "cann/TorusParams.h"

namespace as::bench {

inline std::vector<double> analyticBump(int n, int dims, double a, double u0) {
    const double pi = 3.14159265358979323846;
    std::vector<double> g(std::size_t(n), 0.0);
    for (int i = 0; i < n; ++i) {
        const double x = -pi + 2 * pi * i / n;
        g[std::size_t(i)] = std::exp(-x * x / (4 * a * a));
    }
    std::size_t size = 1;
    for (int d = 0; d < dims; ++d) size *= std::size_t(n);
    std::vector<double> u(size, u0);
    for (std::size_t idx = 0; idx < size; ++idx)
        for (std::size_t rest = idx, d = 0; d < std::size_t(dims); ++d, rest /= std::size_t(n))
            u[idx] *= g[rest % std::size_t(n)];
    return u;
}

/// The default ring of N = n neurons, and the default torus of n neurons per axis.
inline CannParams ringOfSize(int n) {
    CannParams p;
    p.N = n;
    return p;
}
inline TorusParams torusOfSize(int n) {
    TorusParams p;
    p.n = n;
    return p;
}

/// The analytic bump of the ring or the torus with these parameters.
inline std::vector<double> analyticBump(const CannParams& p) {
    return analyticBump(p.N, 1, p.a, p.analyticU0());
}
inline std::vector<double> analyticBump(const TorusParams& p) {
    return analyticBump(p.n, p.dims, p.a, p.analyticU0());
}

}  // namespace as::bench
