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
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (TrajectoryParams.cpp); check() enforces them and the rules between members.
    /// What moves the position. Default random.
    TrajectoryKind kind = TrajectoryKind::Random;
    /// Random walk: rms speed per axis (cm/ms). Default 0.05 (50 cm/s).
    double speed = 0.05;
    /// Random walk: momentum time constant of the velocity (ms). Default 100.
    double momentum_ms = 100.0;
    /// Helix: radius in the x-y plane (cm). Default 20.
    double radius = 20.0;
    /// Helix: time for one turn (ms). Default 2000.
    double period = 2000.0;
    /// Helix: climb speed along z (cm/ms). Default 0.01.
    double rise = 0.01;
    /// Seed of the random walk. Default 1.
    std::uint64_t seed = 1;

    void check() const;
    bool operator==(const TrajectoryParams&) const = default;
};

}  // namespace as
