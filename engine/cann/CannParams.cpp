#include "cann/CannParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as {
namespace {

constexpr double kPi = 3.14159265358979323846;

const ParamTable<CannParams>& table() {
    static const ParamTable<CannParams> t = [] {
        ParamTable<CannParams> t;
        t.add(
            {"N",
             "Neurons N",
             "",
             512,
             16,
             16384,
             64,
             0,
             true,
             {},
             "Number of neurons on the ring (16 to 16384); density rho = N / 2 pi."},
            [](const CannParams& p) { return double(p.N); },
            [](CannParams& p, double v) { p.N = int(v); });
        t.add(
            {"tau",
             "Time constant tau",
             "ms",
             1.0,
             0.01,
             1000,
             0.1,
             3,
             false,
             {},
             "Membrane time constant tau in ms (0, 1000]."},
            [](const CannParams& p) { return p.tau; }, [](CannParams& p, double v) { p.tau = v; });
        t.add(
            {"k",
             "Global inhibition k",
             "",
             8.1,
             0.01,
             10000,
             0.5,
             3,
             false,
             {},
             "Divisive inhibition strength; must lie in (0, k_c), k_c = rho J0^2 / (8 sqrt(2 pi) "
             "a)."},
            [](const CannParams& p) { return p.k; }, [](CannParams& p, double v) { p.k = v; });
        t.add(
            {"a",
             "Interaction range a",
             "rad",
             0.5,
             0.01,
             kPi / 2,
             0.05,
             3,
             false,
             {},
             "Width (std) of the Gaussian recurrent kernel in rad, in [2 dx, pi/2]."},
            [](const CannParams& p) { return p.a; }, [](CannParams& p, double v) { p.a = v; });
        t.add(
            {"J0",
             "Recurrent strength J0",
             "",
             4.0,
             0.01,
             1000,
             0.5,
             3,
             false,
             {},
             "Amplitude of the recurrent kernel J0 in (0, 1000]."},
            [](const CannParams& p) { return p.J0; }, [](CannParams& p, double v) { p.J0 = v; });
        t.add(
            {"A",
             "Stimulus amplitude A",
             "",
             10.0,
             0,
             10000,
             1,
             3,
             false,
             {},
             "Stimulus height: I = A exp(-d^2 / 4a^2), in [0, 1e4]."},
            [](const CannParams& p) { return p.A; }, [](CannParams& p, double v) { p.A = v; });
        t.add(
            {"dt",
             "Time step dt",
             "ms",
             0.1,
             0.001,
             5,
             0.01,
             4,
             false,
             {},
             "Integration step in ms, (0, 5 tau]; Euler diverges beyond 2 tau (the watchdog stops "
             "it)."},
            [](const CannParams& p) { return p.dt; }, [](CannParams& p, double v) { p.dt = v; });
        t.add(
            {"integrator",
             "Integrator",
             "",
             0,
             0,
             1,
             1,
             0,
             true,
             {"euler", "rk4"},
             "Euler (one convolution a step) or classic RK4 (four)."},
            [](const CannParams& p) { return double(int(p.integrator)); },
            [](CannParams& p, double v) { p.integrator = Integrator(int(v)); });
        return t;
    }();
    return t;
}

}  // namespace

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
    auto finite = [](double v) { return std::isfinite(v); };
    if (N < 16 || N > 16384)
        throw ParamError("N must be in [16, 16384] (got " + std::to_string(N) + ")");
    if (!finite(tau) || tau <= 0 || tau > 1000)
        throw ParamError("tau must be in (0, 1000] ms (got " + formatNumber(tau) + ")");
    if (!finite(J0) || J0 <= 0 || J0 > 1000)
        throw ParamError("J0 must be in (0, 1000] (got " + formatNumber(J0) + ")");
    const double dx = 2.0 * kPi / N;
    if (!finite(a) || a < 2 * dx || a > kPi / 2)
        throw ParamError("a must be in [2 dx, pi/2] = [" + formatNumber(2 * dx) + ", " +
                         formatNumber(kPi / 2) + "] rad (got " + formatNumber(a) + ")");
    if (!finite(k) || k <= 0 || k >= kCritical())
        throw ParamError("k must be in (0, k_c) = (0, " + formatNumber(kCritical()) + ") (got " +
                         formatNumber(k) + "); k_c = rho J0^2 / (8 sqrt(2 pi) a)");
    if (!finite(A) || A < 0 || A > 1e4)
        throw ParamError("A must be in [0, 1e4] (got " + formatNumber(A) + ")");
    if (!finite(dt) || dt <= 0 || dt > 5 * tau)
        throw ParamError("dt must be in (0, 5 tau] = (0, " + formatNumber(5 * tau) + "] ms (got " +
                         formatNumber(dt) + ")");
    if (integrator != Integrator::Euler && integrator != Integrator::RK4)
        throw ParamError("integrator must be euler or rk4");
}

const std::vector<ParamSpec>& CannParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
double CannParams::get(const std::string& key) const {
    return table().get(*this, key);
}
void CannParams::set(const std::string& key, double value) {
    table().set(*this, key, value);
}
double CannParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as
