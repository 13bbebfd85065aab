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
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (StimulusParams.cpp); check() enforces them and the rules between members.
    /// Which protocol drives z(t). Default moving.
    Protocol protocol = Protocol::Moving;
    /// Start (or fixed) position z0 (rad). Default 0.
    double z0 = 0.0;
    /// Persistent: time the stimulus is switched off (ms). Default 20.
    double t_off = 20.0;
    /// Moving: speed v (rad/ms). Default 0.02.
    double v = 0.02;
    /// Jump: time of the jump (ms). Default 20.
    double t_jump = 20.0;
    /// Jump: size of the jump dz (rad). Default pi/2.
    double dz = 1.5707963267948966;
    /// Noisy: OU reversion rate theta (1/ms). Default 0.01.
    double ou_theta = 0.01;
    /// Noisy: OU diffusion sigma (rad / sqrt(ms)). Default 0.05.
    double ou_sigma = 0.05;
    /// Seed of the noisy protocol's random stream. Default 1.
    std::uint64_t seed = 1;

    void check() const;
    bool operator==(const StimulusParams&) const = default;
};

}  // namespace as
