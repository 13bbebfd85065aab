#include "spiking/EiParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as {
namespace {

constexpr double kPi = 3.14159265358979323846;

template <double EiParams::*M>
double getD(const EiParams& p) {
    return p.*M;
}
template <double EiParams::*M>
void setD(EiParams& p, double v) {
    p.*M = v;
}

const std::vector<std::string>& modeNames() {
    static const std::vector<std::string> n{"coupled", "cann", "einn", "unbalanced", "fastcann"};
    return n;
}

const ParamTable<EiParams>& table() {
    static const ParamTable<EiParams> t = [] {
        ParamTable<EiParams> t;
        auto d = [&t](ParamSpec s, ParamTable<EiParams>::Getter g,
                      ParamTable<EiParams>::Setter st) { t.add(std::move(s), g, st); };
        d(
            {"mode", "Mode", "", 0, 0, 4, 1, 0, true, modeNames(),
             "coupled (E-INN + CANN), cann (no fast synapses), einn (no slow synapses), unbalanced "
             "(fast weights ~1/K), fastcann (CANN synapses fast: the bump is lost)."},
            [](const EiParams& p) { return double(int(p.mode)); },
            [](EiParams& p, double v) { p.mode = EiMode(int(v)); });
        d(
            {"NE",
             "E neurons N_E",
             "",
             800,
             80,
             20000,
             100,
             0,
             true,
             {},
             "Excitatory neurons (80 to 20000); N_Ip = N_Id = N_E / 8."},
            [](const EiParams& p) { return double(p.NE); },
            [](EiParams& p, double v) { p.NE = int(v); });
        d({"p",
           "Connection probability p",
           "",
           0.25,
           0.001,
           1,
           0.05,
           3,
           false,
           {},
           "Probability of each random connection, (0, 1]."},
          &getD<&EiParams::p>, &setD<&EiParams::p>);
        d({"dt",
           "Time step dt",
           "ms",
           0.05,
           0.001,
           0.5,
           0.01,
           3,
           false,
           {},
           "Integration step in ms, [0.001, 0.5]; the reference code uses 0.01."},
          &getD<&EiParams::dt>, &setD<&EiParams::dt>);
        d(
            {"seed",
             "Seed",
             "",
             1,
             0,
             4294967295.0,
             1,
             0,
             true,
             {},
             "Seed of connectivity, initial potentials and noise: a seed gives one network and one "
             "run."},
            [](const EiParams& p) { return double(p.seed); },
            [](EiParams& p, double v) { p.seed = std::uint64_t(v); });
        d({"tauE",
           "E membrane tau",
           "ms",
           20,
           0.1,
           1000,
           1,
           2,
           false,
           {},
           "E membrane time constant (ms)."},
          &getD<&EiParams::tauE>, &setD<&EiParams::tauE>);
        d({"tauI",
           "I membrane tau",
           "ms",
           15,
           0.1,
           1000,
           1,
           2,
           false,
           {},
           "I_p and I_d membrane time constant (ms)."},
          &getD<&EiParams::tauI>, &setD<&EiParams::tauI>);
        d({"gL",
           "Leak g_L",
           "",
           0.15,
           0,
           10,
           0.01,
           3,
           false,
           {},
           "Leak conductance: tau dV/dt = -gL V + I."},
          &getD<&EiParams::gL>, &setD<&EiParams::gL>);
        d({"Vth", "Threshold", "", 1, -10, 10, 0.1, 2, false, {}, "Spike threshold (> Vreset)."},
          &getD<&EiParams::Vth>, &setD<&EiParams::Vth>);
        d({"Vreset",
           "Reset",
           "",
           0,
           -10,
           10,
           0.1,
           2,
           false,
           {},
           "Reset potential (< Vth, > Vfloor)."},
          &getD<&EiParams::Vreset>, &setD<&EiParams::Vreset>);
        d({"tauRef",
           "Refractory period",
           "ms",
           5,
           0,
           100,
           0.5,
           2,
           false,
           {},
           "V held at reset for tauRef ms after a spike."},
          &getD<&EiParams::tauRef>, &setD<&EiParams::tauRef>);
        d({"Vfloor", "V floor", "", -5, -100, 0, 0.5, 2, false, {}, "Lower bound of V (< Vreset)."},
          &getD<&EiParams::Vfloor>, &setD<&EiParams::Vfloor>);
        d({"tauEs",
           "Slow E synapse tau",
           "ms",
           150,
           0.1,
           1000,
           5,
           1,
           false,
           {},
           "tau_slow of the CANN E synapses (NMDA-like)."},
          &getD<&EiParams::tauEs>, &setD<&EiParams::tauEs>);
        d({"tauIs",
           "I_p synapse tau",
           "ms",
           10,
           0.1,
           1000,
           1,
           1,
           false,
           {},
           "Time constant of the I_p synapses."},
          &getD<&EiParams::tauIs>, &setD<&EiParams::tauIs>);
        d({"tauFastCann",
           "fastcann tau",
           "ms",
           5,
           0.1,
           1000,
           1,
           1,
           false,
           {},
           "tau of the CANN E synapses in the fastcann mode."},
          &getD<&EiParams::tauFastCann>, &setD<&EiParams::tauFastCann>);
        d({"connA",
           "E->E width a",
           "rad",
           kPi / 10,
           0.01,
           kPi,
           0.01,
           3,
           false,
           {},
           "Width of the Gaussian E->E CANN kernel (rad)."},
          &getD<&EiParams::connA>, &setD<&EiParams::connA>);
        d({"wEE",
           "w_max^EE",
           "",
           231.25,
           0,
           10000,
           5,
           2,
           false,
           {},
           "Peak CANN E->E weight x N_E (weights ~ 1/K)."},
          &getD<&EiParams::wEE>, &setD<&EiParams::wEE>);
        d({"wEIp", "w^IpE (E->I_p)", "", 20, 0, 1000, 1, 2, false, {}, "E->I_p weight x N_E p."},
          &getD<&EiParams::wEIp>, &setD<&EiParams::wEIp>);
        d({"wIpE",
           "w^EIp (I_p->E)",
           "",
           -13.75,
           -1000,
           0,
           1,
           2,
           false,
           {},
           "I_p->E weight x N_Ip p (<= 0)."},
          &getD<&EiParams::wIpE>, &setD<&EiParams::wIpE>);
        d({"wIpIp",
           "w^IpIp",
           "",
           -5,
           -1000,
           0,
           1,
           2,
           false,
           {},
           "I_p->I_p weight x N_Ip p (<= 0)."},
          &getD<&EiParams::wIpIp>, &setD<&EiParams::wIpIp>);
        d({"kappa",
           "Shunting kappa",
           "",
           1,
           0,
           100,
           0.1,
           2,
           false,
           {},
           "Shunting strength: kappa (Omega^E + Gamma^E + I_ext) Gamma^Ip."},
          &getD<&EiParams::kappa>, &setD<&EiParams::kappa>);
        d({"tauEf",
           "Fast E synapse tau",
           "ms",
           10,
           0.1,
           1000,
           1,
           1,
           false,
           {},
           "Fast E-INN E synapse time constant."},
          &getD<&EiParams::tauEf>, &setD<&EiParams::tauEf>);
        d({"tauIf",
           "Fast I_d synapse tau",
           "ms",
           6,
           0.1,
           1000,
           1,
           1,
           false,
           {},
           "Fast E-INN I_d synapse time constant."},
          &getD<&EiParams::tauIf>, &setD<&EiParams::tauIf>);
        d({"jEE", "j^EE", "", 2.5, 0, 100, 0.1, 2, false, {}, "Fast E->E: s jEE / sqrt(N_E p)."},
          &getD<&EiParams::jEE>, &setD<&EiParams::jEE>);
        d({"jEId",
           "j^IdE (E->I_d)",
           "",
           5,
           0,
           100,
           0.1,
           2,
           false,
           {},
           "Fast E->I_d: s jEId / sqrt(N_E p)."},
          &getD<&EiParams::jEId>, &setD<&EiParams::jEId>);
        d({"jIdE",
           "j^EId (I_d->E)",
           "",
           -4.8,
           -100,
           0,
           0.1,
           2,
           false,
           {},
           "Fast I_d->E: s jIdE / sqrt(N_Id p) (<= 0)."},
          &getD<&EiParams::jIdE>, &setD<&EiParams::jIdE>);
        d({"jIdId",
           "j^IdId",
           "",
           -3.8,
           -100,
           0,
           0.1,
           2,
           false,
           {},
           "Fast I_d->I_d: s jIdId / sqrt(N_Id p) (<= 0)."},
          &getD<&EiParams::jIdId>, &setD<&EiParams::jIdId>);
        d({"sEi",
           "Fast scale s",
           "",
           1.5,
           0,
           100,
           0.1,
           2,
           false,
           {},
           "Common factor s of the fast weights."},
          &getD<&EiParams::sEi>, &setD<&EiParams::sEi>);
        d({"stimA",
           "Stimulus width",
           "rad",
           kPi / 6,
           0.01,
           kPi,
           0.01,
           3,
           false,
           {},
           "Width of the Gaussian stimulus (rad)."},
          &getD<&EiParams::stimA>, &setD<&EiParams::stimA>);
        d({"fE",
           "Feed-forward f_E",
           "",
           0.1,
           0,
           10,
           0.01,
           3,
           false,
           {},
           "Feed-forward fraction to E: I_ext ~ fE sqrt(Nff)."},
          &getD<&EiParams::fE>, &setD<&EiParams::fE>);
        d({"fI",
           "Feed-forward f_I",
           "",
           0,
           0,
           10,
           0.01,
           3,
           false,
           {},
           "Feed-forward fraction to I_p and I_d."},
          &getD<&EiParams::fI>, &setD<&EiParams::fI>);
        d({"NffPerNE",
           "Feed-forward size / N_E",
           "",
           1.25,
           0.001,
           1000,
           0.25,
           3,
           false,
           {},
           "Feed-forward population N_ff = NffPerNE N_E; the input scales as fE sqrt(N_ff)."},
          &getD<&EiParams::NffPerNE>, &setD<&EiParams::NffPerNE>);
        d({"bg",
           "Background",
           "",
           0.1,
           0,
           10,
           0.01,
           3,
           false,
           {},
           "Uniform background input, fraction of the unit amplitude."},
          &getD<&EiParams::bg>, &setD<&EiParams::bg>);
        d({"noise",
           "Noise",
           "",
           0,
           0,
           10,
           0.05,
           3,
           false,
           {},
           "Membrane noise: V += noise sqrt(dt/tau) xi per step."},
          &getD<&EiParams::noise>, &setD<&EiParams::noise>);
        d({"tauDecode",
           "Decode filter",
           "ms",
           10,
           0.1,
           1000,
           1,
           1,
           false,
           {},
           "Rate filter of the population-vector decode (ms)."},
          &getD<&EiParams::tauDecode>, &setD<&EiParams::tauDecode>);
        return t;
    }();
    return t;
}

void need(bool ok, const std::string& rule, double got) {
    if (!ok) throw ParamError(rule + " (got " + formatNumber(got, 6) + ")");
}

}  // namespace

const char* eiModeName(EiMode m) {
    const int i = int(m);
    return (i >= 0 && i < 5) ? modeNames()[std::size_t(i)].c_str() : "?";
}

EiMode eiModeFromName(const std::string& name) {
    for (std::size_t i = 0; i < modeNames().size(); ++i)
        if (modeNames()[i] == name) return EiMode(int(i));
    throw ParamError("unknown mode '" + name +
                     "' (known: coupled, cann, einn, unbalanced, fastcann)");
}

double EiParams::extScaleE() const {
    return fE * std::sqrt(Nff());
}

void EiParams::check() const {
    auto fin = [](double v) { return std::isfinite(v); };
    auto pos = [&](double v, double hi) { return fin(v) && v > 0 && v <= hi; };
    need(NE >= 80 && NE <= 20000, "NE must be in [80, 20000]", NE);
    need(fin(p) && p > 0 && p <= 1, "p must be in (0, 1]", p);
    need(fin(dt) && dt >= 0.001 && dt <= 0.5, "dt must be in [0.001, 0.5] ms", dt);
    need(int(mode) >= 0 && int(mode) <= 4,
         "mode must be coupled, cann, einn, unbalanced or fastcann", int(mode));
    for (auto [name, v] : {std::pair{"tauE", tauE},
                           {"tauI", tauI},
                           {"tauEs", tauEs},
                           {"tauIs", tauIs},
                           {"tauFastCann", tauFastCann},
                           {"tauEf", tauEf},
                           {"tauIf", tauIf},
                           {"tauDecode", tauDecode}})
        need(pos(v, 1000), std::string(name) + " must be in (0, 1000] ms", v);
    need(fin(gL) && gL >= 0 && gL <= 10, "gL must be in [0, 10]", gL);
    need(fin(Vth) && fin(Vreset) && Vreset < Vth,
         "Vreset must be below Vth = " + formatNumber(Vth, 6), Vreset);
    need(fin(Vfloor) && Vfloor < Vreset, "Vfloor must be below Vreset = " + formatNumber(Vreset, 6),
         Vfloor);
    need(fin(tauRef) && tauRef >= 0 && tauRef <= 100, "tauRef must be in [0, 100] ms", tauRef);
    need(fin(connA) && connA >= 0.01 && connA <= kPi, "connA must be in [0.01, pi] rad", connA);
    need(fin(stimA) && stimA >= 0.01 && stimA <= kPi, "stimA must be in [0.01, pi] rad", stimA);
    need(fin(wEE) && wEE >= 0 && wEE <= 1e4, "wEE must be in [0, 1e4]", wEE);
    need(fin(wEIp) && wEIp >= 0 && wEIp <= 1e3, "wEIp must be in [0, 1000]", wEIp);
    need(fin(wIpE) && wIpE <= 0 && wIpE >= -1e3, "wIpE must be in [-1000, 0] (inhibitory)", wIpE);
    need(fin(wIpIp) && wIpIp <= 0 && wIpIp >= -1e3, "wIpIp must be in [-1000, 0] (inhibitory)",
         wIpIp);
    need(fin(kappa) && kappa >= 0 && kappa <= 100, "kappa must be in [0, 100]", kappa);
    need(fin(jEE) && jEE >= 0 && jEE <= 100, "jEE must be in [0, 100]", jEE);
    need(fin(jEId) && jEId >= 0 && jEId <= 100, "jEId must be in [0, 100]", jEId);
    need(fin(jIdE) && jIdE <= 0 && jIdE >= -100, "jIdE must be in [-100, 0] (inhibitory)", jIdE);
    need(fin(jIdId) && jIdId <= 0 && jIdId >= -100, "jIdId must be in [-100, 0] (inhibitory)",
         jIdId);
    need(fin(sEi) && sEi >= 0 && sEi <= 100, "sEi must be in [0, 100]", sEi);
    need(fin(fE) && fE >= 0 && fE <= 10, "fE must be in [0, 10]", fE);
    need(fin(fI) && fI >= 0 && fI <= 10, "fI must be in [0, 10]", fI);
    need(fin(NffPerNE) && NffPerNE >= 0.001 && NffPerNE <= 1000,
         "NffPerNE must be in [0.001, 1000]", NffPerNE);
    need(fin(bg) && bg >= 0 && bg <= 10, "bg must be in [0, 10]", bg);
    need(fin(noise) && noise >= 0 && noise <= 10, "noise must be in [0, 10]", noise);
}

const std::vector<ParamSpec>& EiParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
double EiParams::get(const std::string& key) const {
    return table().get(*this, key);
}
void EiParams::set(const std::string& key, double value) {
    table().set(*this, key, value);
}
double EiParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as
