#include "cann/StimulusParams.h"

#include <cmath>

#include "core/Angles.h"
#include "core/EnumNames.h"
#include "core/ParamKeysImpl.h"

namespace as {
template <>
void ParamKeys<StimulusParams>::describe(ParamTable<StimulusParams>& t) {
    // Times in a protocol: from t = 0 on.
    auto protocolTime = [](const char* key, const char* label, double defaultValue,
                           const char* tooltip) {
        ParamSpec s = realSpec(key, label, "ms", defaultValue, 0, ParamSpec::kInf, 1, 2, tooltip);
        s.formMax = 1e6;
        return s;
    };
    // Positions on the ring (a rounding error past pi is tolerated).
    auto angle = [](const char* key, const char* label, double defaultValue, const char* tooltip) {
        return withFormRange(withRule(realSpec(key, label, "rad", defaultValue, -kPi - 1e-12,
                                               kPi + 1e-12, 0.1, 3, tooltip),
                                      "[-pi, pi]"),
                             -kPi, kPi);
    };
    t.add<&StimulusParams::protocol>(choiceSpec("protocol", "Protocol", 3, protocolNames(),
                                                "What drives the stimulus position z(t)."));
    t.add<&StimulusParams::z0>(
        angle("z0", "Start position z0", 0,
              "Initial (static, persistent, jump, noisy mean) stimulus position."));
    t.add<&StimulusParams::t_off>(
        protocolTime("t_off", "Offset time t_off", 20,
                     "Persistent protocol: the stimulus is removed at t_off."));
    t.add<&StimulusParams::v>(realSpec("v", "Speed v", "rad/ms", 0.02, -1, 1, 0.005, 4,
                                       "Moving protocol: stimulus speed."));
    t.add<&StimulusParams::t_jump>(protocolTime("t_jump", "Jump time t_jump", 20,
                                                "Jump protocol: time of the sudden change."));
    t.add<&StimulusParams::dz>(angle("dz", "Jump size dz", kPi / 2,
                                     "Jump protocol: the stimulus moves from z0 to z0 + dz."));
    t.add<&StimulusParams::ou_theta>(realSpec("ou_theta", "OU reversion theta", "1/ms", 0.01, 0, 10,
                                              0.005, 4,
                                              "Noisy protocol: rate pulling z back to z0."));
    t.add<&StimulusParams::ou_sigma>(realSpec("ou_sigma", "OU noise sigma", "rad/sqrt(ms)", 0.05, 0,
                                              10, 0.01, 4,
                                              "Noisy protocol: diffusion strength of the walk."));
    t.add<&StimulusParams::seed>(
        seedSpec("Random seed", "Seed of the noisy protocol's random stream.", 2147483647));
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
