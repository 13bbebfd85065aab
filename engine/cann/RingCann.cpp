#include "cann/RingCann.h"

#include <cmath>

namespace as {
namespace {
const CannParams& checked(const CannParams& p) {
    p.check();
    return p;
}
}  // namespace

std::vector<double> ringKernel(const CannParams& p) {
    return latticeKernel({p.N}, p.a, p.J0);
}

RingCann::RingCann(const CannParams& p, ConvolutionPrecision precision)
    : p_(checked(p)), lattice_({p.N}, p, precision), x_(lattice_.axisPositions(0)) {}

void RingCann::setParams(const CannParams& p) {
    p.check();
    const int oldN = p_.N;
    p_ = p;
    if (p.N == oldN) {
        lattice_.setDynamics(p);
        return;
    }
    // Periodic linear resampling of the old state onto the new lattice.
    const std::vector<double> oldU = lattice_.u();
    LatticeCann next({p.N}, p, lattice_.precision());
    std::vector<double> u(std::size_t(p.N), 0.0);
    for (int i = 0; i < p.N; ++i) {
        const double pos = double(i) * oldN / p.N;
        const int i0 = int(pos) % oldN;
        const double w = pos - std::floor(pos);
        u[std::size_t(i)] =
            (1 - w) * oldU[std::size_t(i0)] + w * oldU[std::size_t((i0 + 1) % oldN)];
    }
    next.setState(u);
    lattice_ = std::move(next);
    x_ = lattice_.axisPositions(0);
}

}  // namespace as
