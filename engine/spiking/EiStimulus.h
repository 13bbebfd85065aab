#pragma once
// The external-input schedule of a spiking-network run: where the Gaussian bump is and how high,
// as a function of time. Kinds follow the paper's protocols (Fig. 2-5).
#include <string>

#include "spiking/EiNetwork.h"

namespace as {

struct EiStimulus {
    enum class Kind {
        Uniform = 0,  ///< background only, raised to `height` + bg (uniformly) from tOn to tOff
        Bump = 1,     ///< bump at z0 from tOn to tOff, background otherwise (persistent activity)
        Jump = 2,     ///< bump at z0 from tOn, moved to z1 at tJump (sudden change, Fig. 4B)
        Moving = 3,   ///< bump from tOn moving at `speed` rad/ms from z0 (tracking, Fig. 3B/4C)
    };
    Kind kind = Kind::Bump;
    double height = 0.9;             ///< bump height above the background (the reference's 1 - bg)
    double bg = 0.1;                 ///< background, uniform
    double z0 = 0.0;                 ///< initial position (rad)
    double z1 = 1.0471975511965976;  ///< position after the jump (rad), default pi/3
    double tOn = 0.0;                ///< onset (ms)
    double tOff = 1e300;             ///< offset (ms)
    double tJump = 1e300;            ///< jump time (ms)
    double speed = 0.0;              ///< rad/ms

    /// Input at time t (ms).
    EiInput at(double t) const;
    /// Whether a localised bump is on at t.
    bool bumpOn(double t) const;
    /// Stimulus position at t, unwrapped for Moving (rad).
    double position(double t) const;
};

}  // namespace as
