#pragma once
// The stochastic input sequences that drive the teacher (seed 000 §3.1), one angle (rad, wrapped
// to (-pi, pi]) per input step. Rates and noise are per input step, so a process means the same
// thing whatever the ODE's internal dt.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace as::surrogate {

enum class ProcessKind {
    Walk = 0,               ///< random walk with momentum: v <- m v + s_w xi, angle += v
    OrnsteinUhlenbeck = 1,  ///< angle += theta (mu - angle) + s_ou xi, mu drawn per sequence
    Jumps = 2,     ///< piecewise constant: with probability p per step, jump to a uniform angle
    Mixture = 3,   ///< segments of 50..300 steps, each one of the three above, continuing in place
    All = 4,       ///< sequence s uses kind s mod 4 (walk, OU, jumps, mixture; grid3d: s mod 6,
                   ///< adding random3d and helix): the default
    Random3d = 5,  ///< the torus lab's 3D random walk with momentum (Trajectory), wrapped per axis
    Helix = 6      ///< the torus lab's helix (Trajectory), wrapped per axis
};
/// walk, ou, jumps, mixture, all, random3d, helix
const std::vector<std::string>& processNames();
ProcessKind processFromName(const std::string& name);  ///< throws std::invalid_argument

struct ProcessParams {
    ProcessKind kind = ProcessKind::All;
    /// Walk: momentum m in [0, 1). Default 0.95.
    double momentum = 0.95;
    /// Walk: velocity noise s_w (rad per step). Default 0.008 (stationary speed ~0.026 rad/step).
    double walkSigma = 0.008;
    /// OU: reversion rate theta per step, in [0, 1]. Default 0.005.
    double ouTheta = 0.005;
    /// OU: noise s_ou (rad per sqrt step). Default 0.04.
    double ouSigma = 0.04;
    /// Jumps: probability of a jump per step, in [0, 1]. Default 0.005 (one per 200 steps).
    double jumpRate = 0.005;
    /// Pitch-like channel: angles are reflected into [-pi/2, pi/2] instead of wrapped.
    bool halfRange = false;
    void check() const;  ///< throws std::invalid_argument naming the bad field
};

/// A sequence of `steps` angles from the process, seeded (the same seed gives the same sequence).
/// random3d and helix give the x axis of generateInputs(..., axes = 1, ...).
std::vector<double> generateSequence(const ProcessParams& p, ProcessKind kind, int steps,
                                     std::uint64_t seed);

/// Grid spacing (cm) that wraps the torus lab's trajectories onto phases: 2 pi p / spacing (the
/// Torus lab's default).
constexpr double kTrajectorySpacingCm = 30.0;

/// `axes` angles per input step, interleaved: out[t * axes + a]. walk, ou, jumps and mixture draw
/// an independent sequence per axis (axis a seeded with seed + 7907 a); random3d and helix follow
/// the torus lab's Trajectory with its default parameters (random walk: rms 0.05 cm/ms per axis,
/// momentum 100 ms; helix: radius 20 cm, period 2 s, rise 0.01 cm/ms) from a uniform random
/// start, sampled every `stepMs` ms and wrapped per axis by kTrajectorySpacingCm. `all` is not a
/// kind here (the dataset picks one per sequence).
std::vector<double> generateInputs(const ProcessParams& p, ProcessKind kind, int axes, int steps,
                                   double stepMs, std::uint64_t seed);

/// The Surrogate lab's live input (its Input chooser, in its order; stored in sessions,
/// surrogate/SurrogateSession.h): the mouse (a dial on the first angle; the others hold at 0) or
/// one of the processes above.
enum class LiveSource : int {
    Mouse = 0,
    Walk = 1,
    OrnsteinUhlenbeck = 2,
    Jumps = 3,
    Mixture = 4,
    Random3d = 5,
    Helix = 6
};
inline constexpr int kLiveSourceCount = 7;
/// mouse, walk, ou, jumps, mixture, random3d, helix
const char* liveSourceName(LiveSource source);

/// The live comparison's input for `axes` angles (1 ring; 2 hd2d: azimuth, and pitch reflected
/// into [-pi/2, pi/2], a 3D path's y phase folded by asin(sin); 3 grid3d: generateInputs),
/// interleaved out[t * axes + a], seeded 4242 + source; empty for the mouse.
std::vector<double> liveInputs(LiveSource source, int axes, int steps, double stepMs);

}  // namespace as::surrogate
