#pragma once
// The ODE side of the grid3d comparison, per input step: the Torus lab's TorusSimulation on a 3D
// torus (the teacher of the dataset and the live/benchmarked ODE, so all three run the same code),
// its input held at three given phases over the input step while it takes `stepsPerInput` internal
// steps, then its per-axis decode (sum r cos x_d, sum r sin x_d). The phases are set as a position
// (p_d = phase_d spacing_d / 2 pi) of an External trajectory at rest.
#include <array>
#include <vector>

#include "cann/TorusSimulation.h"

namespace as::surrogate {

class TorusOdeStepper {
  public:
    /// p must be a 3D torus (ParamError from check(), std::invalid_argument if dims != 3 or
    /// stepsPerInput < 1).
    TorusOdeStepper(const TorusParams& p, int stepsPerInput);
    int stepsPerInput() const { return k_; }
    const TorusParams& params() const { return sim_.params(); }
    /// u = 0, then `settleSteps` internal steps with the stimulus at phases[0..2].
    void settle(const double* phases, int settleSteps);
    /// One input step at phases[0..2]; returns the per-axis decode after it. Throws
    /// std::runtime_error if the watchdog halts the run.
    const std::array<Decode, 3>& step(const double* phases);
    /// The rates' marginal along axis d (sum of r over the other two axes), length n.
    std::vector<double> rateMarginal(int d) const;

  private:
    void moveTo(const double* phases);
    TorusSimulation sim_;
    int k_;
};

}  // namespace as::surrogate
