#include "cann/CannParams.h"

#include <cmath>

#include "core/Angles.h"
#include "core/ParamKeysImpl.h"

namespace as {
template <>
void ParamKeys<CannParams>::describe(ParamTable<CannParams>& t) {
    t.add<&CannParams::N>(integerSpec("N", "Neurons N", "", 512, 16, 16384, 64,
                                      "Number of neurons on the ring; density rho = N / 2 pi."));
    t.add<&CannParams::tau>(openBelow(realSpec("tau", "Time constant tau", "ms", 1.0, 0, 1000, 0.1,
                                               3, "Membrane time constant.")));
    ParamSpec k =
        openBelow(realSpec("k", "Global inhibition k", "", 8.1, 0, ParamSpec::kInf, 0.5, 3,
                           "Divisive inhibition strength; k_c = rho J0^2 / (8 sqrt(2 "
                           "pi) a): above it no bump exists."));
    k.maxOpen = true;
    k.formMax = 10000;
    t.add<&CannParams::k>(withRule(k, "(0, k_c)"));
    ParamSpec a =
        openBelow(realSpec("a", "Interaction range a", "rad", 0.5, 0, kPi / 2, 0.05, 3,
                           "Width (std) of the Gaussian recurrent kernel; dx = 2 pi / N."));
    a.formMin = 0.01;
    t.add<&CannParams::a>(withRule(a, "[2 dx, pi/2]"));
    t.add<&CannParams::J0>(openBelow(realSpec("J0", "Recurrent strength J0", "", 4.0, 0, 1000, 0.5,
                                              3, "Amplitude of the recurrent kernel.")));
    t.add<&CannParams::A>(realSpec("A", "Stimulus amplitude A", "", 10.0, 0, 10000, 1, 3,
                                   "Stimulus height: I = A exp(-d^2 / 4a^2)."));
    ParamSpec dt = openBelow(
        realSpec("dt", "Time step dt", "ms", 0.1, 0, 5000, 0.01, 4,
                 "Integration step; Euler diverges beyond 2 tau (the watchdog stops it)."));
    dt.formMax = 5;
    t.add<&CannParams::dt>(withRule(dt, "(0, 5 tau]"));
    t.add<&CannParams::integrator>(
        choiceSpec("integrator", "Integrator", 0, {"euler", "rk4"},
                   "Euler (one convolution a step) or classic RK4 (four)."));
}

template struct ParamKeys<CannParams>;

double CannParams::rho() const {
    return N / (2.0 * kPi);
}

double CannParams::kCritical() const {
    return rho() * J0 * J0 / (8.0 * std::sqrt(2.0 * kPi) * a);
}

double CannParams::analyticU0() const {
    return J0 * (1.0 + std::sqrt(1.0 - k / kCritical())) / (4.0 * std::sqrt(kPi) * a * k);
}

double CannParams::analyticR0() const {
    return std::sqrt(2.0) * analyticU0() / (rho() * J0);
}

void CannParams::check() const {
    table().checkRanges(*this);
    checkCannRules(a, 2.0 * kPi / N, k, kCritical(), "rho J0^2 / (8 sqrt(2 pi) a)", dt, tau);
}

void checkCannRules(double a, double dx, double k, double kCritical, const char* kcFormula,
                    double dt, double tau) {
    if (a < 2 * dx)
        throw ParamError("a must be in [2 dx, pi/2] = [" + formatNumber(2 * dx) + ", " +
                         formatNumber(kPi / 2) + "] rad (got " + formatNumber(a) + ")");
    if (k >= kCritical)
        throw ParamError("k must be in (0, k_c) = (0, " + formatNumber(kCritical) + ") (got " +
                         formatNumber(k) + "); k_c = " + kcFormula);
    if (dt > 5 * tau)
        throw ParamError("dt must be in (0, 5 tau] = (0, " + formatNumber(5 * tau) + "] ms (got " +
                         formatNumber(dt) + ")");
}

}  // namespace as
