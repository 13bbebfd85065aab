#pragma once
// The small torus the engine tests, the session tests and the fuzz seeds run on: fast to step,
// with a bump that exists (k below k_c) and is resolved by the lattice (a >= 2 dx).
#include "cann/TorusParams.h"

namespace as::test {

/// n neurons per axis, a = 0.8 (>= 2 dx at n = 16) and k = 0.5 (k_c = 1.02 at n = 16, a = 0.8);
/// every other field from `base`.
inline TorusParams smallTorus(int n = 16, TorusParams base = TorusParams()) {
    base.n = n;
    base.a = 0.8;
    base.k = 0.5;
    return base;
}

/// smallTorus() with a different grid spacing per axis (10, 12, 14 cm), so a swapped axis shows.
inline TorusParams smallUnevenTorus() {
    TorusParams p = smallTorus();
    p.spacing = {10, 12, 14};
    return p;
}

}  // namespace as::test
