#pragma once
// Parameters of the CANN on a D-torus (D = 1, 2, 3; n neurons per axis) used by the Torus lab's 3D
// grid cells (models.md §1, seed 000 §4 case 2). The dynamics are those of the ring (same keys,
// units and meaning); the density is rho = (n / 2 pi)^D and the critical inhibition becomes
//   k_c = rho J0^2 / (2^(D+2) (2 pi)^(D/2) a^D)          (D = 1: rho J0^2 / (8 sqrt(2 pi) a)),
// with the bump u = U0 exp(-|x - z|^2 / 4a^2), U0 = rho J0 (1 + sqrt(1 - k/k_c)) / (2^(D/2+1) B),
// B = k rho (2 pi)^(D/2) a^D, and r0 = 2^(D/2) U0 / (rho J0) (docs/models/torus.md derives these).
// Positions are in position units (cm by convention) and time in ms.
#include <array>
#include <string>
#include <vector>

#include "cann/CannParams.h"
#include "cann/ConvolutionChoice.h"
#include "core/ParamSpec.h"

namespace as {

/// The lattice and its spacing, with the ring's dynamics (CannDynamics: tau, k, a, J0, A, dt,
/// integrator; a in rad of phase, dx = 2 pi / n; k_c above: 33.6 at 32^3, 268 at 64^3).
struct TorusParams : ParamKeys<TorusParams>, CannDynamics {
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (TorusParams.cpp); check() enforces them and the rules between members.
    /// Lattice dimension D. Default 3.
    int dims = 3;
    /// Neurons per axis n (the lattice is n^D). Default 32.
    int n = 32;
    /// Grid spacing per axis (cm): position p maps to the phase 2 pi p / spacing. Default 30.
    std::array<double, 3> spacing{30.0, 30.0, 30.0};
    /// How the recurrent input J * r is computed (ConvolutionChoice.h): auto (default; the cheapest
    /// by estimate, the FFT for D = 1), fft, separable or pruned. A numerical method, not part of
    /// the model: all give the same J * r to float32 rounding (pruned: within kBandTolerance).
    ConvolutionMethod convolution = ConvolutionMethod::Auto;

    /// The lattice sides: D copies of n.
    std::vector<int> shape() const { return std::vector<int>(std::size_t(dims), n); }
    double rho() const;
    double kCritical() const;
    double analyticU0() const;
    double analyticR0() const;
    /// The ring parameters with the same dynamics (N = n), what LatticeCann reads.
    CannParams dynamics() const;

    /// Throws ParamError naming the violated rule.
    void check() const;
    bool operator==(const TorusParams&) const = default;
};

}  // namespace as
