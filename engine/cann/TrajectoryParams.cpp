#include "cann/TrajectoryParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as {
namespace {

const ParamTable<TrajectoryParams>& table() {
    static const ParamTable<TrajectoryParams> t = [] {
        ParamTable<TrajectoryParams> t;
        t.add(
            {"trajectory", "Trajectory", "", 2, 0, 4, 1, 0, true, trajectoryNames(),
             "What moves the 3D position: off, static, random walk, helix, or steered by you."},
            [](const TrajectoryParams& p) { return double(int(p.kind)); },
            [](TrajectoryParams& p, double v) { p.kind = TrajectoryKind(int(v)); });
        t.add(
            {"speed",
             "Walk speed",
             "cm/ms",
             0.05,
             0,
             10,
             0.01,
             3,
             false,
             {},
             "Random walk: rms speed per axis in cm/ms (also the arrow-key speed)."},
            [](const TrajectoryParams& p) { return p.speed; },
            [](TrajectoryParams& p, double v) { p.speed = v; });
        t.add(
            {"momentum_ms",
             "Walk momentum",
             "ms",
             100,
             1,
             1e5,
             10,
             1,
             false,
             {},
             "Random walk: time constant over which the velocity turns (ms)."},
            [](const TrajectoryParams& p) { return p.momentum_ms; },
            [](TrajectoryParams& p, double v) { p.momentum_ms = v; });
        t.add(
            {"radius",
             "Helix radius",
             "cm",
             20,
             0,
             1e4,
             1,
             2,
             false,
             {},
             "Helix: radius of the circle in the x-y plane (cm)."},
            [](const TrajectoryParams& p) { return p.radius; },
            [](TrajectoryParams& p, double v) { p.radius = v; });
        t.add(
            {"period",
             "Helix period",
             "ms",
             2000,
             1,
             1e7,
             100,
             1,
             false,
             {},
             "Helix: time for one turn (ms)."},
            [](const TrajectoryParams& p) { return p.period; },
            [](TrajectoryParams& p, double v) { p.period = v; });
        t.add(
            {"rise",
             "Helix rise",
             "cm/ms",
             0.01,
             -10,
             10,
             0.005,
             4,
             false,
             {},
             "Helix: climb speed along z (cm/ms)."},
            [](const TrajectoryParams& p) { return p.rise; },
            [](TrajectoryParams& p, double v) { p.rise = v; });
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
             "Seed of the random walk."},
            [](const TrajectoryParams& p) { return double(p.seed); },
            [](TrajectoryParams& p, double v) { p.seed = std::uint64_t(v); });
        return t;
    }();
    return t;
}

}  // namespace

const std::vector<std::string>& trajectoryNames() {
    static const std::vector<std::string> names = {"off", "static", "random", "helix", "external"};
    return names;
}

TrajectoryKind trajectoryFromName(const std::string& name) {
    const auto& n = trajectoryNames();
    for (std::size_t i = 0; i < n.size(); ++i)
        if (n[i] == name) return TrajectoryKind(int(i));
    std::string known;
    for (const auto& s : n) known += (known.empty() ? "" : ", ") + s;
    throw ParamError("unknown trajectory '" + name + "' (known: " + known + ")");
}

std::string trajectoryName(TrajectoryKind k) {
    return trajectoryNames().at(std::size_t(k));
}

void TrajectoryParams::check() const {
    auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
    if (int(kind) < 0 || int(kind) > 4)
        throw ParamError("trajectory must be off, static, random, helix or external");
    if (!in(speed, 0, 10))
        throw ParamError("speed must be in [0, 10] cm/ms (got " + formatNumber(speed) + ")");
    if (!in(momentum_ms, 1, 1e5))
        throw ParamError("momentum_ms must be in [1, 1e5] ms (got " + formatNumber(momentum_ms) +
                         ")");
    if (!in(radius, 0, 1e4))
        throw ParamError("radius must be in [0, 1e4] cm (got " + formatNumber(radius) + ")");
    if (!in(period, 1, 1e7))
        throw ParamError("period must be in [1, 1e7] ms (got " + formatNumber(period) + ")");
    if (!in(rise, -10, 10))
        throw ParamError("rise must be in [-10, 10] cm/ms (got " + formatNumber(rise) + ")");
}

const std::vector<ParamSpec>& TrajectoryParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
double TrajectoryParams::get(const std::string& key) const {
    return table().get(*this, key);
}
void TrajectoryParams::set(const std::string& key, double value) {
    table().set(*this, key, value);
}
double TrajectoryParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as
