#include "cann/CannParams.h"

#include <cmath>

#include "core/Angles.h"
#include "core/ParamKeysImpl.h"

namespace as {
template <>
const ParamTable<CannParams>& ParamKeys<CannParams>::table() {
    static const ParamTable<CannParams> t = [] {
        ParamTable<CannParams> t;
        t.add<&CannParams::N>(
            {.key = "N",
             .label = "Neurons N",
             .defaultValue = 512,
             .min = 16,
             .max = 16384,
             .step = 64,
             .integer = true,
             .tooltip = "Number of neurons on the ring; density rho = N / 2 pi."});
        t.add<&CannParams::tau>({.key = "tau",
                                 .label = "Time constant tau",
                                 .unit = "ms",
                                 .defaultValue = 1.0,
                                 .min = 0,
                                 .max = 1000,
                                 .minOpen = true,
                                 .step = 0.1,
                                 .decimals = 3,
                                 .tooltip = "Membrane time constant."});
        t.add<&CannParams::k>({.key = "k",
                               .label = "Global inhibition k",
                               .defaultValue = 8.1,
                               .min = 0,
                               .max = ParamSpec::kInf,
                               .minOpen = true,
                               .maxOpen = true,
                               .step = 0.5,
                               .decimals = 3,
                               .tooltip = "Divisive inhibition strength; k_c = rho J0^2 / (8 "
                                          "sqrt(2 pi) a): above it no bump exists.",
                               .rule = "(0, k_c)",
                               .formMax = 10000});
        t.add<&CannParams::a>(
            {.key = "a",
             .label = "Interaction range a",
             .unit = "rad",
             .defaultValue = 0.5,
             .min = 0,
             .max = kPi / 2,
             .minOpen = true,
             .step = 0.05,
             .decimals = 3,
             .tooltip = "Width (std) of the Gaussian recurrent kernel; dx = 2 pi / N.",
             .rule = "[2 dx, pi/2]",
             .formMin = 0.01});
        t.add<&CannParams::J0>({.key = "J0",
                                .label = "Recurrent strength J0",
                                .defaultValue = 4.0,
                                .min = 0,
                                .max = 1000,
                                .minOpen = true,
                                .step = 0.5,
                                .decimals = 3,
                                .tooltip = "Amplitude of the recurrent kernel."});
        t.add<&CannParams::A>({.key = "A",
                               .label = "Stimulus amplitude A",
                               .defaultValue = 10.0,
                               .min = 0,
                               .max = 10000,
                               .step = 1,
                               .decimals = 3,
                               .tooltip = "Stimulus height: I = A exp(-d^2 / 4a^2)."});
        t.add<&CannParams::dt>(
            {.key = "dt",
             .label = "Time step dt",
             .unit = "ms",
             .defaultValue = 0.1,
             .min = 0,
             .max = 5000,
             .minOpen = true,
             .step = 0.01,
             .decimals = 4,
             .tooltip = "Integration step; Euler diverges beyond 2 tau (the watchdog stops it).",
             .rule = "(0, 5 tau]",
             .formMax = 5});
        t.add<&CannParams::integrator>(
            {.key = "integrator",
             .label = "Integrator",
             .defaultValue = 0,
             .choices = {"euler", "rk4"},
             .tooltip = "Euler (one convolution a step) or classic RK4 (four)."});
        return t;
    }();
    return t;
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
