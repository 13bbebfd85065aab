#pragma once
// One run of the Torus lab (seed 000 §4 case 2, 3D grid cells): a LatticeCann on an n^D torus
// driven by a 3D trajectory wrapped onto it (phase_d = 2 pi p_d / spacing_d), decoded per axis,
// the decoded phases unwrapped back into a position estimate and compared with the true path.
// Recording and the watchdog as in RingSimulation; no Qt, no threads.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "cann/CannRun.h"
#include "cann/LatticeCann.h"
#include "cann/PeriodicGaussian.h"
#include "cann/PopulationDecoder.h"
#include "cann/SettledError.h"
#include "cann/TorusParams.h"
#include "cann/TorusSnapshot.h"
#include "cann/Trajectory.h"

namespace as {

class TorusSimulation : public CannRun {
  public:
    /// Recorded every step: t; true_x/y/z and est_x/y/z (cm; est is NaN on axes beyond D); error
    /// (cm, Euclidean over the D decoded axes); phase_x/y/z (input phase, rad); decoded_x/y/z
    /// (rad); the decode components sin_x, cos_x, sin_y, cos_y, sin_z, cos_z (sum r sin x_d, sum r
    /// cos x_d per axis; 0 beyond D); input_on; height (max r); u_max.
    static const std::vector<std::string>& traceChannels();

    struct State {
        double t = 0.0;
        long steps = 0;
        std::vector<double> u;
        Trajectory::State trajectory;
        Vec3 decodedUnwrapped{0, 0, 0};
    };

    TorusSimulation(const TorusParams& p, const TrajectoryParams& tp,
                    std::size_t traceCapacity = 100000);

    const TorusParams& params() const { return p_; }
    const TrajectoryParams& trajectoryParams() const { return trajectory_.params(); }
    /// Live change between steps (checked; ParamError changes nothing). A new D or n rebuilds the
    /// lattice and clears the state; other changes keep it. Clears a watchdog halt.
    void setParams(const TorusParams& p);
    /// New trajectory settings; the path continues from the current position.
    void setTrajectory(const TrajectoryParams& tp);
    void setSteering(const Vec3& velocity) { trajectory_.setVelocity(velocity); }
    void setPosition(const Vec3& p) { trajectory_.setPosition(p); }

    /// Advances up to n steps; returns the number taken (fewer if the watchdog trips).
    int step(int n = 1);
    /// t = 0, u = 0, position at the origin, recordings and error statistics cleared.
    void reset();

    const LatticeCann& model() const { return *model_; }
    const Trajectory& trajectory() const { return trajectory_; }
    /// Per-axis decode (angle and the components sum r sin, sum r cos) of the current state.
    const std::array<Decode, 3>& decode() const { return decode_; }
    /// Per-axis marginal of [u]_+^2 after the last step (sum over the other axes, length n; empty
    /// beyond D); times model().normalisation() it is the marginal of the rates r.
    const std::vector<double>& marginal(int d) const { return marginal_[std::size_t(d)]; }
    const Vec3& estimate() const { return estimate_; }
    /// Input phase per axis (rad), wrapped.
    Vec3 inputPhase() const;
    /// Euclidean error over the D decoded axes (cm).
    double error() const { return error_; }
    /// Mean and max error over the steps after SettledError::kSettleMs since reset (or since
    /// clearErrorStats()).
    double meanError() const { return errorStats_.mean(); }
    double maxError() const { return errorStats_.max(); }
    void clearErrorStats() { errorStats_.clear(); }

    State captureState() const;
    /// Restores a captured state (u must have n^D entries, else std::invalid_argument).
    void restoreState(const State& s);
    /// Replaces the recordings (session load); channel names must match traceChannels().
    void restoreRecordings(const TraceBuffer& traces);

    /// A fresh copy for the views, paths decimated to at most maxPathPoints rows; the caller fills
    /// its GUI-side fields and hands it on as const.
    std::shared_ptr<TorusSnapshot> snapshot(std::size_t maxPathPoints = 2000) const;

  private:
    void rebuild();
    void refreshInput();
    bool observe();
    void record();

    TorusParams p_;
    std::unique_ptr<LatticeCann> model_;
    Trajectory trajectory_;
    std::vector<double> input_, lastGood_;
    std::array<std::vector<double>, 3> cosX_, sinX_, marginal_, axisInput_;
    std::array<std::unique_ptr<PeriodicGaussian>, 3> profile_;
    Vec3 inputPhase_{1e300, 1e300, 1e300};
    double inputA_ = -1.0;
    bool inputOn_ = false;
    std::array<Decode, 3> decode_{};
    Vec3 decUnwrapped_{0, 0, 0}, lastDec_{0, 0, 0}, estimate_{0, 0, 0};
    double uMax_ = 0.0, error_ = 0.0;
    SettledError errorStats_;
};

}  // namespace as
