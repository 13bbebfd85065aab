#include "cann/StimulusParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as {
namespace {

constexpr double kPi = 3.14159265358979323846;

const ParamTable<StimulusParams>& table() {
    static const ParamTable<StimulusParams> t = [] {
        ParamTable<StimulusParams> t;
        t.add(
            {"protocol", "Protocol", "", 3, 0, 6, 1, 0, true, protocolNames(),
             "What drives the stimulus position z(t)."},
            [](const StimulusParams& p) { return double(int(p.protocol)); },
            [](StimulusParams& p, double v) { p.protocol = Protocol(int(v)); });
        t.add(
            {"z0",
             "Start position z0",
             "rad",
             0,
             -kPi,
             kPi,
             0.1,
             3,
             false,
             {},
             "Initial (static, persistent, jump, noisy mean) stimulus position in [-pi, pi]."},
            [](const StimulusParams& p) { return p.z0; },
            [](StimulusParams& p, double v) { p.z0 = v; });
        t.add(
            {"t_off",
             "Offset time t_off",
             "ms",
             20,
             0,
             1e6,
             1,
             2,
             false,
             {},
             "Persistent protocol: the stimulus is removed at t_off (ms)."},
            [](const StimulusParams& p) { return p.t_off; },
            [](StimulusParams& p, double v) { p.t_off = v; });
        t.add(
            {"v",
             "Speed v",
             "rad/ms",
             0.02,
             -1,
             1,
             0.005,
             4,
             false,
             {},
             "Moving protocol: stimulus speed in rad/ms, [-1, 1]."},
            [](const StimulusParams& p) { return p.v; },
            [](StimulusParams& p, double v) { p.v = v; });
        t.add(
            {"t_jump",
             "Jump time t_jump",
             "ms",
             20,
             0,
             1e6,
             1,
             2,
             false,
             {},
             "Jump protocol: time of the sudden change (ms)."},
            [](const StimulusParams& p) { return p.t_jump; },
            [](StimulusParams& p, double v) { p.t_jump = v; });
        t.add(
            {"dz",
             "Jump size dz",
             "rad",
             kPi / 2,
             -kPi,
             kPi,
             0.1,
             3,
             false,
             {},
             "Jump protocol: the stimulus moves from z0 to z0 + dz, dz in [-pi, pi]."},
            [](const StimulusParams& p) { return p.dz; },
            [](StimulusParams& p, double v) { p.dz = v; });
        t.add(
            {"ou_theta",
             "OU reversion theta",
             "1/ms",
             0.01,
             0,
             10,
             0.005,
             4,
             false,
             {},
             "Noisy protocol: rate pulling z back to z0 (1/ms)."},
            [](const StimulusParams& p) { return p.ou_theta; },
            [](StimulusParams& p, double v) { p.ou_theta = v; });
        t.add(
            {"ou_sigma",
             "OU noise sigma",
             "rad/sqrt(ms)",
             0.05,
             0,
             10,
             0.01,
             4,
             false,
             {},
             "Noisy protocol: diffusion strength of the walk (rad per sqrt ms)."},
            [](const StimulusParams& p) { return p.ou_sigma; },
            [](StimulusParams& p, double v) { p.ou_sigma = v; });
        t.add(
            {"seed",
             "Random seed",
             "",
             1,
             0,
             2147483647,
             1,
             0,
             true,
             {},
             "Seed of the noisy protocol's random stream."},
            [](const StimulusParams& p) { return double(p.seed); },
            [](StimulusParams& p, double v) { p.seed = std::uint64_t(v); });
        return t;
    }();
    return t;
}

}  // namespace

const std::vector<std::string>& protocolNames() {
    static const std::vector<std::string> names = {"off",  "static", "persistent", "moving",
                                                   "jump", "noisy",  "external"};
    return names;
}

Protocol protocolFromName(const std::string& name) {
    const auto& n = protocolNames();
    for (std::size_t i = 0; i < n.size(); ++i)
        if (n[i] == name) return Protocol(int(i));
    std::string known;
    for (const auto& s : n) known += (known.empty() ? "" : ", ") + s;
    throw ParamError("unknown protocol '" + name + "' (one of: " + known + ")");
}

std::string protocolName(Protocol p) {
    return protocolNames().at(std::size_t(int(p)));
}

void StimulusParams::check() const {
    auto bad = [](double v) { return !std::isfinite(v); };
    if (int(protocol) < 0 || int(protocol) > 6)
        throw ParamError("protocol must be one of the 7 protocols");
    if (bad(z0) || z0 < -kPi - 1e-12 || z0 > kPi + 1e-12)
        throw ParamError("z0 must be in [-pi, pi] rad");
    if (bad(t_off) || t_off < 0) throw ParamError("t_off must be >= 0 ms");
    if (bad(v) || v < -1 || v > 1) throw ParamError("v must be in [-1, 1] rad/ms");
    if (bad(t_jump) || t_jump < 0) throw ParamError("t_jump must be >= 0 ms");
    if (bad(dz) || dz < -kPi - 1e-12 || dz > kPi + 1e-12)
        throw ParamError("dz must be in [-pi, pi] rad");
    if (bad(ou_theta) || ou_theta < 0 || ou_theta > 10)
        throw ParamError("ou_theta must be in [0, 10] 1/ms");
    if (bad(ou_sigma) || ou_sigma < 0 || ou_sigma > 10)
        throw ParamError("ou_sigma must be in [0, 10] rad/sqrt(ms)");
}

const std::vector<ParamSpec>& StimulusParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
double StimulusParams::get(const std::string& key) const {
    return table().get(*this, key);
}
void StimulusParams::set(const std::string& key, double value) {
    table().set(*this, key, value);
}
double StimulusParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as
