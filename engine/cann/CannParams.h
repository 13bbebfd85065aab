#pragma once
// Parameters of the rate CANN (models.md §1). Time in ms, positions in rad.
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as {

enum class Integrator { Euler = 0, RK4 = 1 };

struct CannParams : ParamKeys<CannParams> {
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (CannParams.cpp); check() enforces them and the rules between members.
    /// Number of neurons on the ring; preferred positions x_i = -pi + 2 pi i / N. Default 512.
    /// rho = N / (2 pi).
    int N = 512;
    /// Membrane time constant tau (ms). Default 1.
    double tau = 1.0;
    /// Global (divisive) inhibition strength k. Default 8.1; must lie in (0, k_c) with
    /// k_c = rho J0^2 / (8 sqrt(2 pi) a), else no bump exists.
    double k = 8.1;
    /// Interaction range a (rad): J is a Gaussian of std a. Default 0.5; a >= 2 dx, dx = 2 pi / N
    /// (a << pi keeps the analytic results exact up to ring tails).
    double a = 0.5;
    /// Recurrent strength J0. Default 4.
    double J0 = 4.0;
    /// Stimulus amplitude A; I = A exp(-d^2 / 4a^2). Default 10.
    double A = 10.0;
    /// Integration step dt (ms). Default 0.1. Euler is unstable beyond 2 tau
    /// (the watchdog then stops the run): kept reachable for teaching.
    double dt = 0.1;
    /// Integrator: Euler (default) or classic RK4.
    Integrator integrator = Integrator::Euler;

    /// Neuron density rho = N / (2 pi).
    double rho() const;
    /// Critical inhibition k_c = rho J0^2 / (8 sqrt(2 pi) a): a bump exists for 0 < k < k_c.
    double kCritical() const;
    /// Analytic bump height of u: U0 = J0 (1 + sqrt(1 - k/k_c)) / (4 sqrt(pi) a k).
    double analyticU0() const;
    /// Analytic bump height of r: r0 = sqrt(2) U0 / (rho J0).
    double analyticR0() const;

    /// Throws ParamError naming the violated rule, e.g. "k must be in (0, k_c) = (0, 130.03)".
    void check() const;

    bool operator==(const CannParams&) const = default;
};

/// The rules the ring and the torus share, past each parameter's own range (check() runs them):
/// a >= 2 dx, 0 < k < k_c (k_c given, with its formula for the message) and dt <= 5 tau.
void checkCannRules(double a, double dx, double k, double kCritical, const char* kcFormula,
                    double dt, double tau);

}  // namespace as
