#include "cann/TrajectoryParams.h"

#include <cmath>

#include "core/EnumNames.h"
#include "core/ParamKeysImpl.h"

namespace as {
namespace {}  // namespace

template <>
void ParamKeys<TrajectoryParams>::describe(ParamTable<TrajectoryParams>& t) {
    t.add<&TrajectoryParams::kind>(choiceSpec("trajectory", "Trajectory", 2, trajectoryNames(),
                                              "What moves the 3D position: off, static, "
                                              "random walk, helix, or steered by you."));
    t.add<&TrajectoryParams::speed>(
        realSpec("speed", "Walk speed", "cm/ms", 0.05, 0, 10, 0.01, 3,
                 "Random walk: rms speed per axis (also the arrow-key speed)."));
    t.add<&TrajectoryParams::momentum_ms>(
        realSpec("momentum_ms", "Walk momentum", "ms", 100, 1, 1e5, 10, 1,
                 "Random walk: time constant over which the velocity turns."));
    t.add<&TrajectoryParams::radius>(realSpec("radius", "Helix radius", "cm", 20, 0, 1e4, 1, 2,
                                              "Helix: radius of the circle in the x-y plane."));
    t.add<&TrajectoryParams::period>(realSpec("period", "Helix period", "ms", 2000, 1, 1e7, 100, 1,
                                              "Helix: time for one turn."));
    t.add<&TrajectoryParams::rise>(realSpec("rise", "Helix rise", "cm/ms", 0.01, -10, 10, 0.005, 4,
                                            "Helix: climb speed along z."));
    t.add<&TrajectoryParams::seed>(seedSpec("Random seed", "Seed of the random walk.", 2147483647));
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
