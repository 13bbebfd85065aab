#pragma once
// The 3D path that drives the Torus lab (seed 000 §4 case 2). Positions in cm, time in ms.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as {

enum class TrajectoryKind {
    Off = 0,      ///< no input (the bump, if any, persists)
    Static = 1,   ///< fixed at the start position
    Random = 2,   ///< random walk with momentum: velocity is an OU process of rms `speed`
    Helix = 3,    ///< circle of `radius` in x-y at angular period `period`, rising at `rise` in z
    External = 4  ///< the caller (GUI mouse / arrow keys) sets the velocity or the position
};

/// Names on the CLI and in session files: off, static, random, helix, external.
const std::vector<std::string>& trajectoryNames();
/// Throws ParamError listing the valid names if `name` is unknown.
TrajectoryKind trajectoryFromName(const std::string& name);
std::string trajectoryName(TrajectoryKind k);

struct TrajectoryParams : ParamKeys<TrajectoryParams> {
    // Each member's unit, range, default and help text are described once, in the table behind
    // specs() (TrajectoryParams.cpp; `attractor-cli torus --list-params` prints it); check()
    // enforces them and the rules between members. Positions in cm, times in ms.
    TrajectoryKind kind = TrajectoryKind::Random;  // what moves the position
    double speed = 0.05, momentum_ms = 100.0;      // random walk: rms speed per axis, momentum
    double radius = 20.0, period = 2000.0, rise = 0.01;  // helix: x-y radius, turn time, climb
    std::uint64_t seed = 1;                              // random walk: the random stream

    void check() const;
    bool operator==(const TrajectoryParams&) const = default;
};

}  // namespace as
