#include "cann/Trajectory.h"

#include <cmath>

#include "core/Angles.h"

namespace as {

Trajectory::Trajectory(const TrajectoryParams& p) : p_(p) {
    p_.check();
    restart();
}

void Trajectory::setParams(const TrajectoryParams& p) {
    p.check();
    const bool reseed = p.seed != p_.seed;
    p_ = p;
    if (reseed) rng_.seed(p_.seed);
    helixOrigin_ = pos_;
    helixT0_ = t_;
}

void Trajectory::restart() {
    t_ = 0.0;
    pos_ = vel_ = steer_ = helixOrigin_ = {0, 0, 0};
    helixT0_ = 0.0;
    rng_.seed(p_.seed);
    normal_.reset();
}

void Trajectory::setPosition(const Vec3& p) {
    pos_ = p;
    helixOrigin_ = p;
    helixT0_ = t_;
}

void Trajectory::restore(const State& s) {
    t_ = s.clock;
    pos_ = s.position;
    vel_ = s.velocity;
    steer_ = s.steering;
    helixOrigin_ = s.helixOrigin;
    helixT0_ = s.helixStart;
}

void Trajectory::advance(double dt) {
    t_ += dt;
    switch (p_.kind) {
        case TrajectoryKind::Off:
        case TrajectoryKind::Static:
            vel_ = {0, 0, 0};
            break;
        case TrajectoryKind::Random: {
            // Exact OU update of each velocity component: stationary rms = speed.
            const double decay = std::exp(-dt / p_.momentum_ms);
            const double kick = p_.speed * std::sqrt(1.0 - decay * decay);
            for (int d = 0; d < 3; ++d) {
                vel_[std::size_t(d)] = vel_[std::size_t(d)] * decay + kick * normal_(rng_);
                pos_[std::size_t(d)] += vel_[std::size_t(d)] * dt;
            }
            break;
        }
        case TrajectoryKind::Helix: {
            // Starts at the origin of the turn with the circle's centre at -radius along x.
            const double w = 2 * kPi / p_.period;
            const double s = t_ - helixT0_;
            const Vec3 prev = pos_;
            pos_ = {helixOrigin_[0] + p_.radius * (std::cos(w * s) - 1.0),
                    helixOrigin_[1] + p_.radius * std::sin(w * s), helixOrigin_[2] + p_.rise * s};
            for (int d = 0; d < 3; ++d)
                vel_[std::size_t(d)] = (pos_[std::size_t(d)] - prev[std::size_t(d)]) / dt;
            break;
        }
        case TrajectoryKind::External:
            vel_ = steer_;
            for (int d = 0; d < 3; ++d) pos_[std::size_t(d)] += steer_[std::size_t(d)] * dt;
            break;
    }
}

}  // namespace as
