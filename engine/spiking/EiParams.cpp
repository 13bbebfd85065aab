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
const ParamTable<EiParams>& ParamKeys<EiParams>::table() {
    static const ParamTable<EiParams> t = [] {
        ParamTable<EiParams> t;
        // Slow random weights, scaled by 1 / (N p).
        auto slowWeight = [](ParamSpec s) {
            s.step = 1;
            s.decimals = 2;
            return s;
        };
        // Potentials (V_th = 1 sets the scale); their order is a rule in check().
        auto potential = [](ParamSpec s) {
            s.min = -ParamSpec::kInf;
            s.max = ParamSpec::kInf;
            s.decimals = 2;
            return s;
        };
        // Input fractions, in units of the feed-forward amplitude.
        auto fraction = [](ParamSpec s) {
            s.min = 0;
            s.max = 10;
            s.step = 0.01;
            s.decimals = 3;
            return s;
        };
        // Dimensionless strengths: the fast weights, their scale, the shunting.
        auto strength = [](ParamSpec s) {
            s.step = 0.1;
            s.decimals = 2;
            return s;
        };
        // Time constants: (0, 1000] ms.
        auto timeConstant = [](ParamSpec s) {
            s.unit = "ms";
            s.min = 0;
            s.max = 1000;
            s.minOpen = true;
            return s;
        };
        t.add<&EiParams::mode>({.key = "mode",
                                .label = "Mode",
                                .defaultValue = 0,
                                .choices = modeNames(),
                                .tooltip = "coupled (E-INN + CANN), cann (no fast synapses), einn "
                                           "(no slow synapses), unbalanced (fast weights ~1/K), "
                                           "fastcann (CANN synapses fast: the bump is lost)."});
        t.add<&EiParams::NE>({.key = "NE",
                              .label = "E neurons N_E",
                              .defaultValue = 800,
                              .min = 80,
                              .max = 20000,
                              .step = 100,
                              .integer = true,
                              .tooltip = "Excitatory neurons; N_Ip = N_Id = N_E / 8."});
        t.add<&EiParams::p>({.key = "p",
                             .label = "Connection probability p",
                             .defaultValue = 0.25,
                             .min = 0,
                             .max = 1,
                             .minOpen = true,
                             .step = 0.05,
                             .decimals = 3,
                             .tooltip = "Probability of each random connection."});
        t.add<&EiParams::dt>({.key = "dt",
                              .label = "Time step dt",
                              .unit = "ms",
                              .defaultValue = 0.05,
                              .min = 0.001,
                              .max = 0.5,
                              .step = 0.01,
                              .decimals = 3,
                              .tooltip = "Integration step; the reference code uses 0.01."});
        t.add<&EiParams::seed>(seedSpec("Seed",
                                        "Seed of connectivity, initial potentials and noise: a "
                                        "seed gives one network and one run."));
        t.add<&EiParams::tauE>(timeConstant({.key = "tauE",
                                             .label = "E membrane tau",
                                             .defaultValue = 20,
                                             .step = 1,
                                             .decimals = 2,
                                             .tooltip = "E membrane time constant."}));
        t.add<&EiParams::tauI>(timeConstant({.key = "tauI",
                                             .label = "I membrane tau",
                                             .defaultValue = 15,
                                             .step = 1,
                                             .decimals = 2,
                                             .tooltip = "I_p and I_d membrane time constant."}));
        t.add<&EiParams::gL>({.key = "gL",
                              .label = "Leak g_L",
                              .defaultValue = 0.15,
                              .min = 0,
                              .max = 10,
                              .step = 0.01,
                              .decimals = 3,
                              .tooltip = "Leak conductance: tau dV/dt = -gL V + I."});
        t.add<&EiParams::Vth>(potential({.key = "Vth",
                                         .label = "Threshold",
                                         .defaultValue = 1,
                                         .step = 0.1,
                                         .tooltip = "Spike threshold.",
                                         .rule = "> Vreset",
                                         .formMin = -10,
                                         .formMax = 10}));
        t.add<&EiParams::Vreset>(potential({.key = "Vreset",
                                            .label = "Reset",
                                            .defaultValue = 0,
                                            .step = 0.1,
                                            .tooltip = "Reset potential.",
                                            .rule = "< Vth, > Vfloor",
                                            .formMin = -10,
                                            .formMax = 10}));
        t.add<&EiParams::tauRef>({.key = "tauRef",
                                  .label = "Refractory period",
                                  .unit = "ms",
                                  .defaultValue = 5,
                                  .min = 0,
                                  .max = 100,
                                  .step = 0.5,
                                  .decimals = 2,
                                  .tooltip = "V held at reset for tauRef after a spike."});
        t.add<&EiParams::Vfloor>(potential({.key = "Vfloor",
                                            .label = "V floor",
                                            .defaultValue = -5,
                                            .step = 0.5,
                                            .tooltip = "Lower bound of V.",
                                            .rule = "< Vreset",
                                            .formMin = -100,
                                            .formMax = 0}));
        t.add<&EiParams::tauEs>(
            timeConstant({.key = "tauEs",
                          .label = "Slow E synapse tau",
                          .defaultValue = 150,
                          .step = 5,
                          .decimals = 1,
                          .tooltip = "tau_slow of the CANN E synapses (NMDA-like)."}));
        t.add<&EiParams::tauIs>(timeConstant({.key = "tauIs",
                                              .label = "I_p synapse tau",
                                              .defaultValue = 10,
                                              .step = 1,
                                              .decimals = 1,
                                              .tooltip = "Time constant of the I_p synapses."}));
        t.add<&EiParams::tauFastCann>(
            timeConstant({.key = "tauFastCann",
                          .label = "fastcann tau",
                          .defaultValue = 5,
                          .step = 1,
                          .decimals = 1,
                          .tooltip = "tau of the CANN E synapses in the fastcann mode."}));
        t.add<&EiParams::connA>({.key = "connA",
                                 .label = "E->E width a",
                                 .unit = "rad",
                                 .defaultValue = kPi / 10,
                                 .min = 0.01,
                                 .max = kPi,
                                 .step = 0.01,
                                 .decimals = 3,
                                 .tooltip = "Width of the Gaussian E->E CANN kernel."});
        t.add<&EiParams::wEE>({.key = "wEE",
                               .label = "w_max^EE",
                               .defaultValue = 231.25,
                               .min = 0,
                               .max = 10000,
                               .step = 5,
                               .decimals = 2,
                               .tooltip = "Peak CANN E->E weight x N_E (weights ~ 1/K)."});
        t.add<&EiParams::wEIp>(slowWeight({.key = "wEIp",
                                           .label = "w^IpE (E->I_p)",
                                           .defaultValue = 20,
                                           .min = 0,
                                           .max = 1000,
                                           .tooltip = "E->I_p weight x N_E p."}));
        t.add<&EiParams::wIpE>(slowWeight({.key = "wIpE",
                                           .label = "w^EIp (I_p->E)",
                                           .defaultValue = -13.75,
                                           .min = -1000,
                                           .max = 0,
                                           .tooltip = "I_p->E weight x N_Ip p (inhibitory)."}));
        t.add<&EiParams::wIpIp>(slowWeight({.key = "wIpIp",
                                            .label = "w^IpIp",
                                            .defaultValue = -5,
                                            .min = -1000,
                                            .max = 0,
                                            .tooltip = "I_p->I_p weight x N_Ip p (inhibitory)."}));
        t.add<&EiParams::kappa>(strength(
            {.key = "kappa",
             .label = "Shunting kappa",
             .defaultValue = 1,
             .min = 0,
             .max = 100,
             .tooltip = "Shunting strength: kappa (Omega^E + Gamma^E + I_ext) Gamma^Ip."}));
        t.add<&EiParams::tauEf>(timeConstant({.key = "tauEf",
                                              .label = "Fast E synapse tau",
                                              .defaultValue = 10,
                                              .step = 1,
                                              .decimals = 1,
                                              .tooltip = "Fast E-INN E synapse time constant."}));
        t.add<&EiParams::tauIf>(timeConstant({.key = "tauIf",
                                              .label = "Fast I_d synapse tau",
                                              .defaultValue = 6,
                                              .step = 1,
                                              .decimals = 1,
                                              .tooltip = "Fast E-INN I_d synapse time constant."}));
        t.add<&EiParams::jEE>(strength({.key = "jEE",
                                        .label = "j^EE",
                                        .defaultValue = 2.5,
                                        .min = 0,
                                        .max = 100,
                                        .tooltip = "Fast E->E: s jEE / sqrt(N_E p)."}));
        t.add<&EiParams::jEId>(strength({.key = "jEId",
                                         .label = "j^IdE (E->I_d)",
                                         .defaultValue = 5,
                                         .min = 0,
                                         .max = 100,
                                         .tooltip = "Fast E->I_d: s jEId / sqrt(N_E p)."}));
        t.add<&EiParams::jIdE>(
            strength({.key = "jIdE",
                      .label = "j^EId (I_d->E)",
                      .defaultValue = -4.8,
                      .min = -100,
                      .max = 0,
                      .tooltip = "Fast I_d->E: s jIdE / sqrt(N_Id p) (inhibitory)."}));
        t.add<&EiParams::jIdId>(
            strength({.key = "jIdId",
                      .label = "j^IdId",
                      .defaultValue = -3.8,
                      .min = -100,
                      .max = 0,
                      .tooltip = "Fast I_d->I_d: s jIdId / sqrt(N_Id p) (inhibitory)."}));
        t.add<&EiParams::sEi>(strength({.key = "sEi",
                                        .label = "Fast scale s",
                                        .defaultValue = 1.5,
                                        .min = 0,
                                        .max = 100,
                                        .tooltip = "Common factor s of the fast weights."}));
        t.add<&EiParams::stimA>({.key = "stimA",
                                 .label = "Stimulus width",
                                 .unit = "rad",
                                 .defaultValue = kPi / 6,
                                 .min = 0.01,
                                 .max = kPi,
                                 .step = 0.01,
                                 .decimals = 3,
                                 .tooltip = "Width of the Gaussian stimulus."});
        t.add<&EiParams::fE>(
            fraction({.key = "fE",
                      .label = "Feed-forward f_E",
                      .defaultValue = 0.1,
                      .tooltip = "Feed-forward fraction to E: I_ext ~ fE sqrt(Nff)."}));
        t.add<&EiParams::fI>(fraction({.key = "fI",
                                       .label = "Feed-forward f_I",
                                       .defaultValue = 0,
                                       .tooltip = "Feed-forward fraction to I_p and I_d."}));
        t.add<&EiParams::NffPerNE>({.key = "NffPerNE",
                                    .label = "Feed-forward size / N_E",
                                    .defaultValue = 1.25,
                                    .min = 0.001,
                                    .max = 1000,
                                    .step = 0.25,
                                    .decimals = 3,
                                    .tooltip = "Feed-forward population N_ff = NffPerNE N_E; the "
                                               "input scales as fE sqrt(N_ff)."});
        t.add<&EiParams::bg>(
            fraction({.key = "bg",
                      .label = "Background",
                      .defaultValue = 0.1,
                      .tooltip = "Uniform background input, fraction of the unit amplitude."}));
        t.add<&EiParams::noise>(
            {.key = "noise",
             .label = "Noise",
             .defaultValue = 0,
             .min = 0,
             .max = 10,
             .step = 0.05,
             .decimals = 3,
             .tooltip = "Membrane noise: V += noise sqrt(dt/tau) xi per step."});
        t.add<&EiParams::tauDecode>(
            timeConstant({.key = "tauDecode",
                          .label = "Decode filter",
                          .defaultValue = 10,
                          .step = 1,
                          .decimals = 1,
                          .tooltip = "Rate filter of the population-vector decode."}));
        return t;
    }();
    return t;
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
