#pragma once
// 2D head direction (seed 000 §4 case 1): the decoupled model, two independent 1D rings (azimuth
// and pitch), beside a coupled 2D sheet CANN (azimuth x pitch torus) on the same input, so their
// accuracy and cost can be compared. Both use LatticeCann with the same dynamics and n neurons per
// axis. The heading (azimuth, pitch) in rad is a Trajectory's x and y (z unused), so it can be
// static, a random walk, a circle in heading space ("helix") or steered.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "cann/CannRun.h"
#include "cann/Hd2dSnapshot.h"
#include "cann/LatticeCann.h"
#include "cann/PeriodicGaussian.h"
#include "cann/PopulationDecoder.h"
#include "cann/SettledError.h"
#include "cann/TorusParams.h"
#include "cann/Trajectory.h"

namespace as {

class Hd2dSimulation : public CannRun {
  public:
    /// Recorded every step: t, azimuth, pitch (true, rad); rings_azimuth, rings_pitch,
    /// sheet_azimuth, sheet_pitch (decoded, rad); rings_error, sheet_error (rad, Euclidean over the
    /// two angles); the decode components rings_sin_az, rings_cos_az, rings_sin_pitch,
    /// rings_cos_pitch, sheet_sin_az, sheet_cos_az, sheet_sin_pitch, sheet_cos_pitch.
    static const std::vector<std::string>& traceChannels();

    /// Everything needed to continue a run exactly (besides parameters and recordings).
    struct State {
        double t = 0.0;
        long steps = 0;
        std::vector<double> uAzimuth, uPitch, uSheet;
        Trajectory::State heading;  ///< azimuth and pitch are its position's x and y
    };

    /// p.dims is ignored (rings D = 1, sheet D = 2); p.spacing is unused. k must lie below both
    /// critical values (the ring's is the smaller), else ParamError.
    Hd2dSimulation(const TorusParams& p, const TrajectoryParams& heading,
                   std::size_t traceCapacity = 100000);
    static void checkParams(const TorusParams& p);
    /// The head-direction page's defaults (GUI and CLI): 64 neurons per ring and per sheet axis,
    /// and a slow head turn: a random walk of 0.005 rad/ms, or a unit circle in heading space.
    static TorusParams defaultParams();
    static TrajectoryParams defaultHeading();

    const TorusParams& params() const { return p_; }
    const TrajectoryParams& headingParams() const { return heading_.params(); }
    void setParams(const TorusParams& p);
    void setHeadingParams(const TrajectoryParams& h) { heading_.setParams(h); }
    /// Steering: angular velocity (rad/ms) of azimuth and pitch (External kind).
    void setSteering(double azimuthRate, double pitchRate) {
        heading_.setVelocity({azimuthRate, pitchRate, 0});
    }
    void setHeading(double azimuth, double pitch) { heading_.setPosition({azimuth, pitch, 0}); }

    int step(int n = 1);
    void reset();

    const LatticeCann& ring(int axis) const { return *rings_[std::size_t(axis)]; }
    const LatticeCann& sheet() const { return *sheet_; }
    /// True heading (azimuth, pitch), wrapped.
    std::array<double, 2> heading() const;
    const std::array<Decode, 2>& ringsDecode() const { return ringsDec_; }
    const std::array<Decode, 2>& sheetDecode() const { return sheetDec_; }
    /// Mean and max errors over the steps after SettledError::kSettleMs since reset.
    double ringsMeanError() const { return ringsErrStats_.mean(); }
    double sheetMeanError() const { return sheetErrStats_.mean(); }
    double ringsMaxError() const { return ringsErrStats_.max(); }
    double sheetMaxError() const { return sheetErrStats_.max(); }
    /// Model-only step rates measured over the run (steps per wall second), 0 before any step.
    double ringsStepsPerSecond() const {
        return ringsWall_ > 0 ? double(timedSteps_) / ringsWall_ : 0.0;
    }
    double sheetStepsPerSecond() const {
        return sheetWall_ > 0 ? double(timedSteps_) / sheetWall_ : 0.0;
    }

    State captureState() const;
    /// Restores a captured state (state sizes must match n and n^2, else std::invalid_argument).
    void restoreState(const State& s);
    /// Replaces the recordings (session load); channel names must match traceChannels().
    void restoreRecordings(const TraceBuffer& traces);

    /// A fresh copy for the views (see TorusSimulation::snapshot).
    std::shared_ptr<Hd2dSnapshot> snapshot(std::size_t maxTracePoints = 2000) const;

  private:
    void rebuild();
    void refreshInput();
    void decodeAll();

    TorusParams p_;
    std::array<std::unique_ptr<LatticeCann>, 2> rings_;
    std::unique_ptr<LatticeCann> sheet_;
    Trajectory heading_;
    std::unique_ptr<PeriodicGaussian> profile_;
    std::vector<double> cosX_, sinX_, sheetInput_, marginal_[2];
    std::array<std::vector<double>, 2> ringInput_;
    std::array<double, 2> inputPhase_{1e300, 1e300};
    double inputA_ = -1.0;
    bool inputOn_ = false;
    std::array<Decode, 2> ringsDec_{}, sheetDec_{};
    double ringsErr_ = 0, sheetErr_ = 0;
    SettledError ringsErrStats_, sheetErrStats_;
    long timedSteps_ = 0;
    double ringsWall_ = 0.0, sheetWall_ = 0.0;
};

}  // namespace as
