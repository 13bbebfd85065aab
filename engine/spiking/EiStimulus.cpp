#include "spiking/EiStimulus.h"

namespace as {

bool EiStimulus::bumpOn(double t) const {
    if (kind == Kind::Uniform) return false;
    if (kind == Kind::Bump) return t >= tOn && t < tOff;
    return t >= tOn;
}

double EiStimulus::position(double t) const {
    switch (kind) {
        case Kind::Jump:
            return t >= tJump ? z1 : z0;
        case Kind::Moving:
            return t > tOn ? z0 + speed * (t - tOn) : z0;
        default:
            return z0;
    }
}

EiInput EiStimulus::at(double t) const {
    EiInput in;
    in.bg = bg;
    if (kind == Kind::Uniform) {
        in.height = 0;
        if (t >= tOn && t < tOff) in.bg = bg + height;
        return in;
    }
    in.z = position(t);
    in.height = bumpOn(t) ? height : 0.0;
    return in;
}

}  // namespace as
