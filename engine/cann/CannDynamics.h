#pragma once
// The rate dynamics the ring (CannParams) and the torus (TorusParams) share, with the same keys,
// units and meaning (models.md §1). Time in ms. Each lab's parameter table describes these
// members (TorusParams.cpp takes the ring's descriptions) and each lab's check() enforces them
// with the rules of checkCannRules().

namespace as {

enum class Integrator { Euler = 0, RK4 = 1 };

struct CannDynamics {
    // Units, ranges, defaults and help: the ring's table (CannParams.cpp; `attractor-cli ring
    // --list-params`). tau and dt in ms; a in rad; k must lie in (0, k_c) with k_c the lab's
    // kCritical() (ring: rho J0^2 / (8 sqrt(2 pi) a)), else no bump exists. Euler is unstable
    // beyond dt = 2 tau (the watchdog then stops the run): kept reachable for teaching.
    double tau = 1.0, k = 8.1, a = 0.5, J0 = 4.0, A = 10.0, dt = 0.1;
    Integrator integrator = Integrator::Euler;

    bool operator==(const CannDynamics&) const = default;
};

}  // namespace as
