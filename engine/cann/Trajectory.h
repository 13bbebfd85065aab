#pragma once
// A 3D position p(t) (cm) following one of the TrajectoryParams kinds; the Torus lab wraps it onto
// the torus per axis. The random walk is an OU velocity (rms `speed`, time constant `momentum_ms`)
// integrated to a position; the helix is closed-form; the external kind integrates a velocity the
// caller sets (arrow keys) or jumps to a position it sets (mouse).
#include <array>
#include <random>

#include "cann/TrajectoryParams.h"

namespace as {

using Vec3 = std::array<double, 3>;

class Trajectory {
  public:
    /// Everything that continues the path exactly (sessions): the clock (ms), the position,
    /// velocity and steering, and where the helix's current turn started (position, clock).
    struct State {
        double clock = 0.0, helixStart = 0.0;
        Vec3 position{0, 0, 0}, velocity{0, 0, 0}, steering{0, 0, 0}, helixOrigin{0, 0, 0};
    };

    explicit Trajectory(const TrajectoryParams& p);
    const TrajectoryParams& params() const { return p_; }
    /// Replaces the parameters (checked); the path continues from the current position.
    void setParams(const TrajectoryParams& p);
    /// Back to the origin at rest, clock 0, random stream reseeded.
    void restart();
    /// Moves the clock by dt (ms) and updates the position.
    void advance(double dt);
    /// External kind: velocity (cm/ms) integrated from now on.
    void setVelocity(const Vec3& v) { steer_ = v; }
    /// Any kind: moves the position to p (the helix restarts its turn from there).
    void setPosition(const Vec3& p);

    const Vec3& position() const { return pos_; }
    const Vec3& velocity() const { return vel_; }
    const Vec3& steering() const { return steer_; }
    double localTime() const { return t_; }
    /// Input present (every kind but off).
    bool on() const { return p_.kind != TrajectoryKind::Off; }
    State state() const { return {t_, helixT0_, pos_, vel_, steer_, helixOrigin_}; }
    /// Session restore.
    void restore(const State& s);

  private:
    TrajectoryParams p_;
    double t_ = 0.0;
    Vec3 pos_{0, 0, 0}, vel_{0, 0, 0}, steer_{0, 0, 0}, helixOrigin_{0, 0, 0};
    double helixT0_ = 0.0;
    std::mt19937_64 rng_;
    std::normal_distribution<double> normal_{0.0, 1.0};
};

}  // namespace as
