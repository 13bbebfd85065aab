#include "cann/StimulusParams.h"

#include <cmath>

#include "core/Angles.h"
#include "core/EnumNames.h"
#include "core/ParamKeysImpl.h"

namespace as {
template <>
const ParamTable<StimulusParams>& ParamKeys<StimulusParams>::table() {
    static const ParamTable<StimulusParams> t = [] {
        ParamTable<StimulusParams> t;
        // Times in a protocol: from t = 0 on.
        auto protocolTime = [](ParamSpec s) {
            s.unit = "ms";
            s.min = 0;
            s.max = ParamSpec::kInf;
            s.step = 1;
            s.decimals = 2;
            s.formMax = 1e6;
            return s;
        };
        // Positions on the ring (a rounding error past pi is tolerated).
        auto angle = [](ParamSpec s) {
            s.unit = "rad";
            s.min = -kPi - 1e-12;
            s.max = kPi + 1e-12;
            s.step = 0.1;
            s.decimals = 3;
            s.rule = "[-pi, pi]";
            s.formMin = -kPi;
            s.formMax = kPi;
            return s;
        };
        t.add<&StimulusParams::protocol>({.key = "protocol",
                                          .label = "Protocol",
                                          .defaultValue = 3,
                                          .choices = protocolNames(),
                                          .tooltip = "What drives the stimulus position z(t)."});
        t.add<&StimulusParams::z0>(angle(
            {.key = "z0",
             .label = "Start position z0",
             .defaultValue = 0,
             .tooltip = "Initial (static, persistent, jump, noisy mean) stimulus position."}));
        t.add<&StimulusParams::t_off>(
            protocolTime({.key = "t_off",
                          .label = "Offset time t_off",
                          .defaultValue = 20,
                          .tooltip = "Persistent protocol: the stimulus is removed at t_off."}));
        t.add<&StimulusParams::v>({.key = "v",
                                   .label = "Speed v",
                                   .unit = "rad/ms",
                                   .defaultValue = 0.02,
                                   .min = -1,
                                   .max = 1,
                                   .step = 0.005,
                                   .decimals = 4,
                                   .tooltip = "Moving protocol: stimulus speed."});
        t.add<&StimulusParams::t_jump>(
            protocolTime({.key = "t_jump",
                          .label = "Jump time t_jump",
                          .defaultValue = 20,
                          .tooltip = "Jump protocol: time of the sudden change."}));
        t.add<&StimulusParams::dz>(
            angle({.key = "dz",
                   .label = "Jump size dz",
                   .defaultValue = kPi / 2,
                   .tooltip = "Jump protocol: the stimulus moves from z0 to z0 + dz."}));
        t.add<&StimulusParams::ou_theta>({.key = "ou_theta",
                                          .label = "OU reversion theta",
                                          .unit = "1/ms",
                                          .defaultValue = 0.01,
                                          .min = 0,
                                          .max = 10,
                                          .step = 0.005,
                                          .decimals = 4,
                                          .tooltip = "Noisy protocol: rate pulling z back to z0."});
        t.add<&StimulusParams::ou_sigma>(
            {.key = "ou_sigma",
             .label = "OU noise sigma",
             .unit = "rad/sqrt(ms)",
             .defaultValue = 0.05,
             .min = 0,
             .max = 10,
             .step = 0.01,
             .decimals = 4,
             .tooltip = "Noisy protocol: diffusion strength of the walk."});
        t.add<&StimulusParams::seed>(
            seedSpec("Random seed", "Seed of the noisy protocol's random stream.", 2147483647));
        return t;
    }();
    return t;
}

template struct ParamKeys<StimulusParams>;

const std::vector<std::string>& protocolNames() {
    static const std::vector<std::string> names = {"off",  "static", "persistent", "moving",
                                                   "jump", "noisy",  "external"};
    return names;
}

Protocol protocolFromName(const std::string& name) {
    return enumFromName<Protocol, ParamError>(protocolNames(), name, "protocol");
}

std::string protocolName(Protocol p) {
    return protocolNames().at(std::size_t(int(p)));
}

void StimulusParams::check() const {
    table().checkRanges(*this);
}

}  // namespace as
