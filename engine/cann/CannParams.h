#pragma once
// Parameters of the rate CANN (models.md §1). Time in ms, positions in rad.
#include <string>
#include <vector>

#include "cann/CannDynamics.h"
#include "core/ParamSpec.h"

namespace as {

/// The ring: N neurons with the shared dynamics (CannDynamics).
struct CannParams : ParamKeys<CannParams>, CannDynamics {
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (CannParams.cpp); check() enforces them and the rules between members.
    /// Number of neurons on the ring; preferred positions x_i = -pi + 2 pi i / N. Default 512.
    /// rho = N / (2 pi).
    int N = 512;

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
