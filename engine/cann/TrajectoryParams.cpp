#include "cann/TrajectoryParams.h"

#include <cmath>

#include "core/EnumNames.h"
#include "core/ParamKeysImpl.h"

namespace as {
namespace {}  // namespace

template <>
const ParamTable<TrajectoryParams>& ParamKeys<TrajectoryParams>::table() {
    static const ParamTable<TrajectoryParams> t = [] {
        ParamTable<TrajectoryParams> t;
        t.add<&TrajectoryParams::kind>({.key = "trajectory",
                                        .label = "Trajectory",
                                        .defaultValue = 2,
                                        .choices = trajectoryNames(),
                                        .tooltip = "What moves the 3D position: off, static, "
                                                   "random walk, helix, or steered by you."});
        t.add<&TrajectoryParams::speed>(
            {.key = "speed",
             .label = "Walk speed",
             .unit = "cm/ms",
             .defaultValue = 0.05,
             .min = 0,
             .max = 10,
             .step = 0.01,
             .decimals = 3,
             .tooltip = "Random walk: rms speed per axis (also the arrow-key speed)."});
        t.add<&TrajectoryParams::momentum_ms>(
            {.key = "momentum_ms",
             .label = "Walk momentum",
             .unit = "ms",
             .defaultValue = 100,
             .min = 1,
             .max = 1e5,
             .step = 10,
             .decimals = 1,
             .tooltip = "Random walk: time constant over which the velocity turns."});
        t.add<&TrajectoryParams::radius>(
            {.key = "radius",
             .label = "Helix radius",
             .unit = "cm",
             .defaultValue = 20,
             .min = 0,
             .max = 1e4,
             .step = 1,
             .decimals = 2,
             .tooltip = "Helix: radius of the circle in the x-y plane."});
        t.add<&TrajectoryParams::period>({.key = "period",
                                          .label = "Helix period",
                                          .unit = "ms",
                                          .defaultValue = 2000,
                                          .min = 1,
                                          .max = 1e7,
                                          .step = 100,
                                          .decimals = 1,
                                          .tooltip = "Helix: time for one turn."});
        t.add<&TrajectoryParams::rise>({.key = "rise",
                                        .label = "Helix rise",
                                        .unit = "cm/ms",
                                        .defaultValue = 0.01,
                                        .min = -10,
                                        .max = 10,
                                        .step = 0.005,
                                        .decimals = 4,
                                        .tooltip = "Helix: climb speed along z."});
        t.add<&TrajectoryParams::seed>(
            seedSpec("Random seed", "Seed of the random walk.", 2147483647));
        return t;
    }();
    return t;
}

template struct ParamKeys<TrajectoryParams>;

const std::vector<std::string>& trajectoryNames() {
    static const std::vector<std::string> names = {"off", "static", "random", "helix", "external"};
    return names;
}

TrajectoryKind trajectoryFromName(const std::string& name) {
    return enumFromName<TrajectoryKind, ParamError>(trajectoryNames(), name, "trajectory");
}

std::string trajectoryName(TrajectoryKind k) {
    return trajectoryNames().at(std::size_t(k));
}

void TrajectoryParams::check() const {
    table().checkRanges(*this);
}

}  // namespace as
