#include "cann/TorusParams.h"

#include <cmath>

#include "core/Angles.h"
#include "core/ParamKeysImpl.h"

namespace as {
namespace {

template <std::size_t D>
double spacingOf(const TorusParams& p) {
    return p.spacing[D];
}
template <std::size_t D>
void setSpacing(TorusParams& p, double v) {
    p.spacing[D] = v;
}

}  // namespace

template <>
void ParamKeys<TorusParams>::describe(ParamTable<TorusParams>& t) {
    t.add<&TorusParams::dims>(integerSpec("dims", "Dimensions D", "", 3, 1, 3, 1,
                                          "Lattice dimension D (1 ring, 2 sheet, 3 torus)."));
    t.add<&TorusParams::n>(integerSpec("n", "Neurons per axis n", "", 32, 8, 128, 8,
                                       "Neurons per axis; the lattice has n^D neurons."));
    // The dynamics keys, units, ranges and help are the ring's: one description, two labs.
    auto ring = [](const char* key) {
        ParamSpec s = *findSpec(CannParams::specs(), key);
        if (s.key == "k")
            s.tooltip =
                "Divisive inhibition strength; k_c = rho J0^2 / (2^(D+2) (2 pi)^(D/2) "
                "a^D): above it no bump exists.";
        if (s.key == "a")
            s.tooltip = "Width (std) of the Gaussian recurrent kernel; dx = 2 pi / n.";
        return s;
    };
    t.add<&TorusParams::tau>(ring("tau"));
    t.add<&TorusParams::k>(ring("k"));
    t.add<&TorusParams::a>(ring("a"));
    t.add<&TorusParams::J0>(ring("J0"));
    t.add<&TorusParams::A>(ring("A"));
    t.add<&TorusParams::dt>(ring("dt"));
    t.add<&TorusParams::integrator>(ring("integrator"));
    auto spacing = [](const char* key, const char* label) {
        return realSpec(key, label, "cm", 30, 1, 1e4, 1, 2,
                        "Grid spacing along this axis: position p maps to phase 2 pi p / "
                        "spacing.");
    };
    t.add(spacing("spacing_x", "Grid spacing x"), &spacingOf<0>, &setSpacing<0>);
    t.add(spacing("spacing_y", "Grid spacing y"), &spacingOf<1>, &setSpacing<1>);
    t.add(spacing("spacing_z", "Grid spacing z"), &spacingOf<2>, &setSpacing<2>);
    t.add<&TorusParams::convolution>(
        choiceSpec("convolution", "Convolution", 0, {"auto", "fft", "separable", "pruned"},
                   "How J * r is computed: auto (the cheapest), fft (full FFT), separable "
                   "(exact per-axis products), pruned (the kernel's Fourier band per axis; "
                   "error below 1e-6 relative)."));
}

template struct ParamKeys<TorusParams>;

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
    static_cast<CannDynamics&>(c) = *this;
    c.N = n;
    return c;
}

void TorusParams::check() const {
    table().checkRanges(*this);
    checkCannRules(a, 2.0 * kPi / n, k, kCritical(), "rho J0^2 / (2^(D+2) (2 pi)^(D/2) a^D)", dt,
                   tau);
}

}  // namespace as
