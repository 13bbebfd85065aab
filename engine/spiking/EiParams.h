#pragma once
// Parameters of the spiking E-I balanced network with CANN synapses (models.md §2, seed 001 eq
// 1-7). Defaults are those of the public reference code (BrainPy, coupled_model/) quoted in
// models.md §2; every one is a documented, settable parameter. Time in ms, angles in rad, currents
// dimensionless (R = 1, V_th = 1). See docs/models/ei-spiking.md for every equation as implemented.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as {

/// What the network is made of (models.md §2 "Modes"). Switching acts on a running network.
enum class EiMode {
    Coupled = 0,   ///< E-INN (fast, random, O(1/sqrt K)) + CANN (slow, structured, O(1/K)) synapses
    CannOnly = 1,  ///< fast random synapses off
    EinnOnly = 2,  ///< slow structured synapses (and PV shunting) off
    Unbalanced = 3,  ///< fast weights scaled 1/K instead of 1/sqrt(K) (seed 001 §3.1)
    FastCann = 4,    ///< slow E synapses get tau_fastcann instead of tau_Es (Fig. 3C: bump lost)
};

const char* eiModeName(EiMode m);
/// Parses "coupled|cann|einn|unbalanced|fastcann"; throws ParamError otherwise.
EiMode eiModeFromName(const std::string& name);

struct EiParams : ParamKeys<EiParams> {
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (EiParams.cpp); check() enforces them and the rules between members.

    // ---- sizes and connectivity
    /// Excitatory neurons N_E (preferred angles theta_i = -pi + 2 pi i / N_E). Default 800.
    /// N_Ip = N_Id = N_E / 8 (the reference's 800:100:100).
    int NE = 800;
    /// Connection probability p of every random projection. Default 0.25.
    double p = 0.25;
    /// Integration step dt (ms). Default 0.05 (the reference uses 0.01; rates and decodes agree
    /// within 10%, docs/performance.md).
    double dt = 0.05;
    /// Seed of the network's random connectivity, initial potentials and noise. Default 1.
    std::uint64_t seed = 1;
    /// Network mode. Default coupled.
    EiMode mode = EiMode::Coupled;

    // ---- LIF neurons (eq 1): tau dV/dt = -gL V + I, R = 1
    double tauE = 20.0;   ///< E membrane time constant (ms). Default 20.
    double tauI = 15.0;   ///< I_p and I_d membrane time constant (ms). Default 15.
    double gL = 0.15;     ///< Leak conductance g_L. Default 0.15.
    double Vth = 1.0;     ///< Threshold. Default 1.
    double Vreset = 0.0;  ///< Reset potential. Default 0, must be < Vth.
    double tauRef = 5.0;  ///< Refractory period (ms), V held at reset. Default 5.
    double Vfloor =
        -5.0;  ///< Lower bound of V (the reference floors V at -5). Default -5, < Vreset.

    // ---- slow, weak CANN synapses (eq 5-7); strengths w ~ 1/K
    double tauEs = 150.0;  ///< Slow E synapse time constant tau_slow (ms, NMDA-like). Default 150.
    double tauIs = 10.0;   ///< I_p synapse time constant (ms). Default 10.
    double tauFastCann = 5.0;  ///< tau of the E CANN synapses in the fastcann mode (ms). Default 5.
    double connA = 0.3141592653589793;  ///< Width a of the E->E Gaussian (rad). Default pi/10.
    double wEE = 231.25;   ///< w_max^EE: w_ij = wEE exp(-d^2/2a^2) / N_E. Default 185 x 1.25.
    double wEIp = 20.0;    ///< E->I_p, random p: weight wEIp / (N_E p). Default 16 x 1.25.
    double wIpE = -13.75;  ///< I_p->E, random p: weight wIpE / (N_Ip p). Default -11 x 1.25.
    double wIpIp = -5.0;   ///< I_p->I_p, random p: weight wIpIp / (N_Ip p). Default -4 x 1.25.
    double kappa = 1.0;    ///< Shunting strength kappa (eq 6). Default 1.

    // ---- fast, strong E-INN synapses (eq 3-4); strengths g ~ 1/sqrt(K)
    double tauEf = 10.0;  ///< Fast E synapse time constant (ms). Default 10.
    double tauIf = 6.0;   ///< Fast I_d synapse time constant (ms). Default 6.
    double jEE = 2.5;     ///< E->E: weight s jEE / sqrt(N_E p). Default 2.5.
    double jEId = 5.0;    ///< E->I_d: weight s jEId / sqrt(N_E p). Default 5.0.
    double jIdE = -4.8;   ///< I_d->E: weight s jIdE / sqrt(N_Id p). Default -4.8.
    double jIdId = -3.8;  ///< I_d->I_d: weight s jIdId / sqrt(N_Id p). Default -3.8.
    double sEi = 1.5;     ///< Common scale s of the fast weights. Default 1.5.

    // ---- external input (feed-forward, O(sqrt K)): I_ext = fE sqrt(N_ff) (bg + height G(theta -
    // z))
    double stimA =
        0.5235987755982988;  ///< Stimulus width (rad): G = exp(-d^2 / 2 stimA^2). Default pi/6.
    double fE = 0.1;         ///< Feed-forward fraction to E. Default 0.1.
    double fI = 0.0;  ///< Feed-forward fraction to I_p and I_d. Default 0 (as the reference).
    /// Feed-forward population size per E neuron: N_ff = NffPerNE N_E, so the input grows as
    /// sqrt(K) with the network (the reference: N_ff = 1000 for N_E = 800). Default 1.25.
    double NffPerNE = 1.25;
    double bg = 0.1;  ///< Background input (fraction of the amplitude, uniform). Default 0.1.
    /// Height alpha of the Gaussian bump above the background (fraction of the amplitude), in every
    /// protocol with a localised stimulus and in the lab. Default 0.9 (the reference's 1 - bg).
    double stimHeight = 0.9;
    /// How far the stimulus jumps in the jump protocol (Fig. 4B, rad). Default pi/6.
    double jumpSize = 0.5235987755982988;
    double noise = 0.0;  ///< Input noise: V += noise sqrt(dt / tau) xi each step. Default 0.

    // ---- readout
    double tauDecode = 10.0;  ///< Rate filter of the population-vector decode (ms). Default 10.

    int NIp() const { return NE / 8 < 1 ? 1 : NE / 8; }
    int NId() const { return NIp(); }
    /// In-degree K of a random projection from a population of size n: p n.
    double K(int n) const { return p * n; }
    double Nff() const { return NffPerNE * NE; }
    /// Feed-forward scale fE sqrt(N_ff).
    double extScaleE() const;

    /// Throws ParamError naming the violated rule.
    void check() const;
    bool operator==(const EiParams&) const = default;
};

}  // namespace as
