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
    /// Helix: where the current turn started (position, clock).
    const Vec3& helixOrigin() const { return helixOrigin_; }
    double helixStart() const { return helixT0_; }
    /// Session restore: clock, position, velocity, steering, helix origin and start.
    void restore(double t, const Vec3& pos, const Vec3& vel, const Vec3& steer,
                 const Vec3& helixOrigin, double helixStart);

  private:
    TrajectoryParams p_;
    double t_ = 0.0;
    Vec3 pos_{0, 0, 0}, vel_{0, 0, 0}, steer_{0, 0, 0}, helixOrigin_{0, 0, 0};
    double helixT0_ = 0.0;
    std::mt19937_64 rng_;
    std::normal_distribution<double> normal_{0.0, 1.0};
};

}  // namespace as
