#include "cann/TorusParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as {
namespace {

constexpr double kPi = 3.14159265358979323846;

const ParamTable<TorusParams>& table() {
    static const ParamTable<TorusParams> t = [] {
        ParamTable<TorusParams> t;
        t.add(
            {"dims",
             "Dimensions D",
             "",
             3,
             1,
             3,
             1,
             0,
             true,
             {},
             "Lattice dimension D (1 ring, 2 sheet, 3 torus)."},
            [](const TorusParams& p) { return double(p.dims); },
            [](TorusParams& p, double v) { p.dims = int(v); });
        t.add(
            {"n",
             "Neurons per axis n",
             "",
             32,
             8,
             128,
             8,
             0,
             true,
             {},
             "Neurons per axis; the lattice has n^D neurons (8 to 128)."},
            [](const TorusParams& p) { return double(p.n); },
            [](TorusParams& p, double v) { p.n = int(v); });
        // The dynamics keys, units and help are the ring's: one description, two labs.
        for (const char* key : {"tau", "k", "a", "J0", "A", "dt", "integrator"}) {
            ParamSpec s = *findSpec(CannParams::specs(), key);
            if (s.key == "k")
                s.tooltip =
                    "Divisive inhibition strength; must lie in (0, k_c), k_c = rho J0^2 / (2^(D+2) "
                    "(2 pi)^(D/2) a^D).";
            t.add(s, nullptr, nullptr);
        }
        for (int d = 0; d < 3; ++d) {
            static const char* keys[3] = {"spacing_x", "spacing_y", "spacing_z"};
            static const char* labels[3] = {"Grid spacing x", "Grid spacing y", "Grid spacing z"};
            t.add({keys[d],
                   labels[d],
                   "cm",
                   30,
                   1,
                   1e4,
                   1,
                   2,
                   false,
                   {},
                   "Grid spacing along this axis (cm): position p maps to phase 2 pi p / spacing."},
                  nullptr, nullptr);
        }
        t.add(
            {"convolution",
             "Convolution",
             "",
             0,
             0,
             3,
             1,
             0,
             true,
             {"auto", "fft", "separable", "pruned"},
             "How J * r is computed: auto (the cheapest), fft (full FFT), separable (exact "
             "per-axis products), "
             "pruned (the kernel's Fourier band per axis; error below 1e-6 relative)."},
            [](const TorusParams& p) { return double(int(p.convolution)); },
            [](TorusParams& p, double v) { p.convolution = ConvolutionMethod(int(v)); });
        return t;
    }();
    return t;
}

// Rows added with null accessors above are served by this switch: the dynamics live in plain
// members with the ring's names, the spacings in an array.
double* member(TorusParams& p, const std::string& key) {
    if (key == "tau") return &p.tau;
    if (key == "k") return &p.k;
    if (key == "a") return &p.a;
    if (key == "J0") return &p.J0;
    if (key == "A") return &p.A;
    if (key == "dt") return &p.dt;
    if (key == "spacing_x") return &p.spacing[0];
    if (key == "spacing_y") return &p.spacing[1];
    if (key == "spacing_z") return &p.spacing[2];
    return nullptr;
}

}  // namespace

double TorusParams::rho() const {
    return std::pow(n / (2.0 * kPi), dims);
}

double TorusParams::kCritical() const {
    return rho() * J0 * J0 /
           (std::pow(2.0, dims + 2) * std::pow(2.0 * kPi, dims / 2.0) * std::pow(a, dims));
}

double TorusParams::analyticU0() const {
    const double b = k * rho() * std::pow(2.0 * kPi, dims / 2.0) * std::pow(a, dims);
    const double c = rho() * J0 / std::pow(2.0, dims / 2.0);
    return c * (1.0 + std::sqrt(std::max(0.0, 1.0 - k / kCritical()))) / (2.0 * b);
}

double TorusParams::analyticR0() const {
    return std::pow(2.0, dims / 2.0) * analyticU0() / (rho() * J0);
}

CannParams TorusParams::dynamics() const {
    CannParams c;
    c.N = n;
    c.tau = tau;
    c.k = k;
    c.a = a;
    c.J0 = J0;
    c.A = A;
    c.dt = dt;
    c.integrator = integrator;
    return c;
}

void TorusParams::check() const {
    auto finite = [](double v) { return std::isfinite(v); };
    if (dims < 1 || dims > 3)
        throw ParamError("dims must be 1, 2 or 3 (got " + std::to_string(dims) + ")");
    if (n < 8 || n > 128) throw ParamError("n must be in [8, 128] (got " + std::to_string(n) + ")");
    if (!finite(tau) || tau <= 0 || tau > 1000)
        throw ParamError("tau must be in (0, 1000] ms (got " + formatNumber(tau) + ")");
    if (!finite(J0) || J0 <= 0 || J0 > 1000)
        throw ParamError("J0 must be in (0, 1000] (got " + formatNumber(J0) + ")");
    const double dx = 2.0 * kPi / n;
    if (!finite(a) || a < 2 * dx || a > kPi / 2)
        throw ParamError("a must be in [2 dx, pi/2] = [" + formatNumber(2 * dx) + ", " +
                         formatNumber(kPi / 2) + "] rad (got " + formatNumber(a) + ")");
    if (!finite(k) || k <= 0 || k >= kCritical())
        throw ParamError("k must be in (0, k_c) = (0, " + formatNumber(kCritical()) + ") (got " +
                         formatNumber(k) + "); k_c = rho J0^2 / (2^(D+2) (2 pi)^(D/2) a^D)");
    if (!finite(A) || A < 0 || A > 1e4)
        throw ParamError("A must be in [0, 1e4] (got " + formatNumber(A) + ")");
    if (!finite(dt) || dt <= 0 || dt > 5 * tau)
        throw ParamError("dt must be in (0, 5 tau] = (0, " + formatNumber(5 * tau) + "] ms (got " +
                         formatNumber(dt) + ")");
    if (integrator != Integrator::Euler && integrator != Integrator::RK4)
        throw ParamError("integrator must be euler or rk4");
    if (int(convolution) < 0 || int(convolution) > 3)
        throw ParamError("convolution must be auto, fft, separable or pruned");
    for (int d = 0; d < 3; ++d)
        if (!finite(spacing[std::size_t(d)]) || spacing[std::size_t(d)] < 1 ||
            spacing[std::size_t(d)] > 1e4)
            throw ParamError(std::string("spacing_") + "xyz"[d] + " must be in [1, 1e4] cm (got " +
                             formatNumber(spacing[std::size_t(d)]) + ")");
}

const std::vector<ParamSpec>& TorusParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}

double TorusParams::get(const std::string& key) const {
    if (key == "integrator") return double(int(integrator));
    if (double* m = member(const_cast<TorusParams&>(*this), key)) return *m;
    return table().get(*this, key);
}

void TorusParams::set(const std::string& key, double value) {
    if (key == "integrator") {
        CannParams c;
        c.set(key, value);  // validates the enumeration
        integrator = c.integrator;
        return;
    }
    if (double* m = member(*this, key)) {
        *m = value;
        return;
    }
    table().set(*this, key, value);
}

double TorusParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as
