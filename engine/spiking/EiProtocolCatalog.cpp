#include <map>

#include "core/ParamSpec.h"
#include "spiking/EiProtocols.h"

// The catalogue of E-I protocols: name, what it measures, default duration (EiProtocols.cpp runs
// them).
namespace as {
namespace {

struct Info {
    const char* description;
    double defaultMs;
};
const std::map<std::string, Info>& infos() {
    static const std::map<std::string, Info> m{
        {"irregular",
         {"uniform background input: rates, ISI CV, spike-count correlation, population spectrum "
          "(Fig. 2A-C)",
          1000}},
        {"response",
         {"uniform input steps up at half time: rate response time vs the unbalanced mode (Fig. "
          "2D)",
          600}},
        {"persistent",
         {"bump on from 10% to 40% of the run, then off: does it persist? (Fig. 3A)", 1000}},
        {"tracking", {"stimulus moving at 2 turns / 3 s: smooth tracking and lag (Fig. 3B)", 1000}},
        {"fastcann",
         {"the persistent protocol with fast CANN synapses: the bump is lost (Fig. 3C)", 1000}},
        {"size",
         {"the persistent protocol at N_E / 2, N_E, 2 N_E with the same parameters (Fig. 3D)",
          800}},
        {"readout",
         {"bump onset at 25%: decode error, spread and confidence, vs CANN only (Fig. 4A)", 400}},
        {"jump", {"stimulus jumps by jumpSize at half time: t95, vs CANN only (Fig. 4B)", 600}},
        {"lag", {"tracking lag distribution, vs CANN only (Fig. 4C)", 1000}},
        {"balance",
         {"localised input after a background pre-run: total input to the centre neuron at N_E / "
          "2, "
          "N_E, 2 N_E, vs E-INN only (Fig. 4D)",
          1200}},
        {"currents",
         {"bump onset at half time: currents and E/I ratio of a peripheral neuron, vs CANN only "
          "(Fig. 5)",
          600}},
        {"lambda0",
         {"reduced rate model: measured height eigenvalue lambda_0(beta) vs eq 17, v_max and lag "
          "(Fig. 1F)",
          0}},
    };
    return m;
}

}  // namespace

const std::vector<std::string>& eiProtocolNames() {
    static const std::vector<std::string> n = [] {
        std::vector<std::string> v;
        for (const auto& [k, i] : infos()) v.push_back(k);
        return v;
    }();
    return n;
}

std::string eiProtocolDescription(const std::string& name) {
    const auto it = infos().find(name);
    return it == infos().end() ? std::string() : it->second.description;
}

double eiProtocolDefaultMs(const std::string& name) {
    const auto it = infos().find(name);
    if (it == infos().end()) throw ParamError("unknown protocol '" + name + "'");
    return it->second.defaultMs > 0 ? it->second.defaultMs : 1.0;
}

}  // namespace as
