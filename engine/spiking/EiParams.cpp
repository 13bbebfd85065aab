#include "spiking/EiParams.h"

#include <cmath>

#include "core/Angles.h"
#include "core/EnumNames.h"
#include "core/ParamKeysImpl.h"

namespace as {
namespace {

const std::vector<std::string>& modeNames() {
    static const std::vector<std::string> n{"coupled", "cann", "einn", "unbalanced", "fastcann"};
    return n;
}

}  // namespace

template <>
void ParamKeys<EiParams>::describe(ParamTable<EiParams>& t) {
    // Slow random weights, scaled by 1 / (N p).
    auto slowWeight = [](const char* key, const char* label, double defaultValue, double min,
                         double max, const char* tooltip) {
        return realSpec(key, label, "", defaultValue, min, max, 1, 2, tooltip);
    };
    // Potentials (V_th = 1 sets the scale); their order is a rule in check().
    auto potential = [](const char* key, const char* label, double defaultValue, double step,
                        const char* tooltip, const char* rule, double formMin, double formMax) {
        return withFormRange(withRule(realSpec(key, label, "", defaultValue, -ParamSpec::kInf,
                                               ParamSpec::kInf, step, 2, tooltip),
                                      rule),
                             formMin, formMax);
    };
    // Input fractions, in units of the feed-forward amplitude.
    auto fraction = [](const char* key, const char* label, double defaultValue,
                       const char* tooltip) {
        return realSpec(key, label, "", defaultValue, 0, 10, 0.01, 3, tooltip);
    };
    // Dimensionless strengths: the fast weights, their scale, the shunting.
    auto strength = [](const char* key, const char* label, double defaultValue, double min,
                       double max, const char* tooltip) {
        return realSpec(key, label, "", defaultValue, min, max, 0.1, 2, tooltip);
    };
    // Time constants: (0, 1000] ms.
    auto timeConstant = [](const char* key, const char* label, double defaultValue, double step,
                           int decimals, const char* tooltip) {
        return openBelow(
            realSpec(key, label, "ms", defaultValue, 0, 1000, step, decimals, tooltip));
    };
    t.add<&EiParams::mode>(choiceSpec("mode", "Mode", 0, modeNames(),
                                      "coupled (E-INN + CANN), cann (no fast synapses), einn "
                                      "(no slow synapses), unbalanced (fast weights ~1/K), "
                                      "fastcann (CANN synapses fast: the bump is lost)."));
    t.add<&EiParams::NE>(integerSpec("NE", "E neurons N_E", "", 800, 80, 20000, 100,
                                     "Excitatory neurons; N_Ip = N_Id = N_E / 8."));
    t.add<&EiParams::p>(openBelow(realSpec("p", "Connection probability p", "", 0.25, 0, 1, 0.05, 3,
                                           "Probability of each random connection.")));
    t.add<&EiParams::dt>(realSpec("dt", "Time step dt", "ms", 0.05, 0.001, 0.5, 0.01, 3,
                                  "Integration step; the reference code uses 0.01."));
    t.add<&EiParams::seed>(seedSpec("Seed",
                                    "Seed of connectivity, initial potentials and noise: a "
                                    "seed gives one network and one run."));
    t.add<&EiParams::tauE>(
        timeConstant("tauE", "E membrane tau", 20, 1, 2, "E membrane time constant."));
    t.add<&EiParams::tauI>(
        timeConstant("tauI", "I membrane tau", 15, 1, 2, "I_p and I_d membrane time constant."));
    t.add<&EiParams::gL>(realSpec("gL", "Leak g_L", "", 0.15, 0, 10, 0.01, 3,
                                  "Leak conductance: tau dV/dt = -gL V + I."));
    t.add<&EiParams::Vth>(
        potential("Vth", "Threshold", 1, 0.1, "Spike threshold.", "> Vreset", -10, 10));
    t.add<&EiParams::Vreset>(
        potential("Vreset", "Reset", 0, 0.1, "Reset potential.", "< Vth, > Vfloor", -10, 10));
    t.add<&EiParams::tauRef>(realSpec("tauRef", "Refractory period", "ms", 5, 0, 100, 0.5, 2,
                                      "V held at reset for tauRef after a spike."));
    t.add<&EiParams::Vfloor>(
        potential("Vfloor", "V floor", -5, 0.5, "Lower bound of V.", "< Vreset", -100, 0));
    t.add<&EiParams::tauEs>(timeConstant("tauEs", "Slow E synapse tau", 150, 5, 1,
                                         "tau_slow of the CANN E synapses (NMDA-like)."));
    t.add<&EiParams::tauIs>(
        timeConstant("tauIs", "I_p synapse tau", 10, 1, 1, "Time constant of the I_p synapses."));
    t.add<&EiParams::tauFastCann>(timeConstant("tauFastCann", "fastcann tau", 5, 1, 1,
                                               "tau of the CANN E synapses in the fastcann mode."));
    t.add<&EiParams::connA>(realSpec("connA", "E->E width a", "rad", kPi / 10, 0.01, kPi, 0.01, 3,
                                     "Width of the Gaussian E->E CANN kernel."));
    t.add<&EiParams::wEE>(realSpec("wEE", "w_max^EE", "", 231.25, 0, 10000, 5, 2,
                                   "Peak CANN E->E weight x N_E (weights ~ 1/K)."));
    t.add<&EiParams::wEIp>(
        slowWeight("wEIp", "w^IpE (E->I_p)", 20, 0, 1000, "E->I_p weight x N_E p."));
    t.add<&EiParams::wIpE>(slowWeight("wIpE", "w^EIp (I_p->E)", -13.75, -1000, 0,
                                      "I_p->E weight x N_Ip p (inhibitory)."));
    t.add<&EiParams::wIpIp>(
        slowWeight("wIpIp", "w^IpIp", -5, -1000, 0, "I_p->I_p weight x N_Ip p (inhibitory)."));
    t.add<&EiParams::kappa>(
        strength("kappa", "Shunting kappa", 1, 0, 100,
                 "Shunting strength: kappa (Omega^E + Gamma^E + I_ext) Gamma^Ip."));
    t.add<&EiParams::tauEf>(timeConstant("tauEf", "Fast E synapse tau", 10, 1, 1,
                                         "Fast E-INN E synapse time constant."));
    t.add<&EiParams::tauIf>(timeConstant("tauIf", "Fast I_d synapse tau", 6, 1, 1,
                                         "Fast E-INN I_d synapse time constant."));
    t.add<&EiParams::jEE>(strength("jEE", "j^EE", 2.5, 0, 100, "Fast E->E: s jEE / sqrt(N_E p)."));
    t.add<&EiParams::jEId>(
        strength("jEId", "j^IdE (E->I_d)", 5, 0, 100, "Fast E->I_d: s jEId / sqrt(N_E p)."));
    t.add<&EiParams::jIdE>(strength("jIdE", "j^EId (I_d->E)", -4.8, -100, 0,
                                    "Fast I_d->E: s jIdE / sqrt(N_Id p) (inhibitory)."));
    t.add<&EiParams::jIdId>(strength("jIdId", "j^IdId", -3.8, -100, 0,
                                     "Fast I_d->I_d: s jIdId / sqrt(N_Id p) (inhibitory)."));
    t.add<&EiParams::sEi>(
        strength("sEi", "Fast scale s", 1.5, 0, 100, "Common factor s of the fast weights."));
    t.add<&EiParams::stimA>(realSpec("stimA", "Stimulus width", "rad", kPi / 6, 0.01, kPi, 0.01, 3,
                                     "Width of the Gaussian stimulus."));
    t.add<&EiParams::fE>(fraction("fE", "Feed-forward f_E", 0.1,
                                  "Feed-forward fraction to E: I_ext ~ fE sqrt(Nff)."));
    t.add<&EiParams::fI>(
        fraction("fI", "Feed-forward f_I", 0, "Feed-forward fraction to I_p and I_d."));
    t.add<&EiParams::NffPerNE>(realSpec("NffPerNE", "Feed-forward size / N_E", "", 1.25, 0.001,
                                        1000, 0.25, 3,
                                        "Feed-forward population N_ff = NffPerNE N_E; the "
                                        "input scales as fE sqrt(N_ff)."));
    t.add<&EiParams::bg>(fraction("bg", "Background", 0.1,
                                  "Uniform background input, fraction of the unit amplitude."));
    t.add<&EiParams::stimHeight>(fraction("stimHeight", "Stimulus height alpha", 0.9,
                                          "Height of the Gaussian bump above the background."));
    t.add<&EiParams::jumpSize>(realSpec("jumpSize", "Jump size", "rad", kPi / 6, 0.01, 3, 0.01, 3,
                                        "How far the stimulus jumps (jump protocol, Fig. 4B); "
                                        "under pi, so the way round is unambiguous."));
    t.add<&EiParams::noise>(realSpec("noise", "Noise", "", 0, 0, 10, 0.05, 3,
                                     "Membrane noise: V += noise sqrt(dt/tau) xi per step."));
    t.add<&EiParams::tauDecode>(timeConstant("tauDecode", "Decode filter", 10, 1, 1,
                                             "Rate filter of the population-vector decode."));
}

template struct ParamKeys<EiParams>;

const char* eiModeName(EiMode m) {
    return nameAt(modeNames(), int(m));
}

EiMode eiModeFromName(const std::string& name) {
    return enumFromName<EiMode, ParamError>(modeNames(), name, "mode");
}

double EiParams::extScaleE() const {
    return fE * std::sqrt(Nff());
}

void EiParams::check() const {
    table().checkRanges(*this);
    requireRule(Vreset < Vth, "Vreset must be below Vth = " + formatNumber(Vth, 6), Vreset, 6);
    requireRule(Vfloor < Vreset, "Vfloor must be below Vreset = " + formatNumber(Vreset, 6), Vfloor,
                6);
}

}  // namespace as
