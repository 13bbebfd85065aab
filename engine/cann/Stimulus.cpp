#include "cann/Stimulus.h"

#include <cmath>

#include "cann/RingCann.h"

namespace as {

Stimulus::Stimulus(const StimulusParams& p) : p_(p) {
    p_.check();
    external_ = p_.z0;
    restart();
}

void Stimulus::setParams(const StimulusParams& p) {
    p.check();
    p_ = p;
    restart();
}

void Stimulus::restart() {
    t_ = 0.0;
    rng_.seed(p_.seed);
    normal_.reset();
    z_ = p_.protocol == Protocol::External ? external_ : p_.z0;
    evaluate();
}

void Stimulus::setExternalTarget(double z) {
    external_ = wrapAngle(z);
    if (p_.protocol == Protocol::External) z_ = external_;
}

void Stimulus::restore(double localTime, double z, double externalTarget) {
    t_ = localTime;
    z_ = wrapAngle(z);
    external_ = wrapAngle(externalTarget);
    rng_.seed(p_.seed);  // a restored noisy walk continues with a fresh stream from its seed
    evaluate();
}

void Stimulus::advance(double dt) {
    t_ += dt;
    if (p_.protocol == Protocol::Noisy) {
        // Euler-Maruyama step of dz = -theta (z - z0) dt + sigma dW, on the circle.
        const double drift = -p_.ou_theta * wrapAngle(z_ - p_.z0) * dt;
        z_ = wrapAngle(z_ + drift + p_.ou_sigma * std::sqrt(dt) * normal_(rng_));
    }
    evaluate();
}

void Stimulus::evaluate() {
    switch (p_.protocol) {
        case Protocol::Off:
            on_ = false;
            z_ = p_.z0;
            break;
        case Protocol::Static:
            on_ = true;
            z_ = p_.z0;
            break;
        case Protocol::Persistent:
            on_ = t_ < p_.t_off;
            z_ = p_.z0;
            break;
        case Protocol::Moving:
            on_ = true;
            z_ = wrapAngle(p_.z0 + p_.v * t_);
            break;
        case Protocol::Jump:
            on_ = true;
            z_ = wrapAngle(t_ < p_.t_jump ? p_.z0 : p_.z0 + p_.dz);
            break;
        case Protocol::Noisy:
            on_ = true;
            break;
        case Protocol::External:
            on_ = true;
            z_ = external_;
            break;
    }
}

}  // namespace as
