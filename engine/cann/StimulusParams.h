#pragma once
// Stimulus protocols shared by every CANN lab (models.md §1). Time in ms, positions in rad.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as {

enum class Protocol {
    Off = 0,         ///< no input
    Static = 1,      ///< stimulus fixed at z0 for the whole run
    Persistent = 2,  ///< stimulus at z0 until t_off, then removed (the bump should persist)
    Moving = 3,      ///< z(t) = z0 + v t (wrapped)
    Jump = 4,        ///< z0 until t_jump, then z0 + dz
    Noisy = 5,       ///< Ornstein-Uhlenbeck walk around z0
    External = 6     ///< the caller (GUI mouse) sets the target each frame
};

/// Names as used on the CLI and in session files: off, static, persistent, moving, jump, noisy,
/// external.
const std::vector<std::string>& protocolNames();
/// Throws ParamError listing the valid names if `name` is unknown.
Protocol protocolFromName(const std::string& name);
std::string protocolName(Protocol p);

struct StimulusParams : ParamKeys<StimulusParams> {
    // Each member's unit, range, default and help text are described once, in the table behind
    // specs() (StimulusParams.cpp; `attractor-cli ring --list-params` prints it); check()
    // enforces them and the rules between members. Positions in rad, times in ms.
    Protocol protocol = Protocol::Moving;           // what drives z(t)
    double z0 = 0.0;                                // start (or fixed) position
    double t_off = 20.0;                            // persistent: switch-off time
    double v = 0.02;                                // moving: speed (rad/ms)
    double t_jump = 20.0, dz = 1.5707963267948966;  // jump: time and size (pi/2)
    double ou_theta = 0.01, ou_sigma = 0.05;        // noisy: OU rate and diffusion
    std::uint64_t seed = 1;                         // noisy: the random stream

    void check() const;
    bool operator==(const StimulusParams&) const = default;
};

}  // namespace as
