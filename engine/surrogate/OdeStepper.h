#pragma once
// The ODE side of a CAN2ANN comparison, per input step: the stimulus profile at the input angle
// is built once (it is held over the input step), the ring CANN takes `stepsPerInput` Euler steps,
// and the decode components sum r cos x, sum r sin x are formed once at the end. Two back ends:
// our FFT RingCann (float32 convolution, what the app runs) and DenseRingCann (the O(N^2) GEMV
// formulation the paper compares against). Used by `attractor-cli surrogate bench`, the benchmark
// program and the GUI, so all three time the same work.
#include <memory>
#include <vector>

#include "cann/CannParams.h"
#include "cann/DenseRingCann.h"
#include "cann/PeriodicGaussian.h"
#include "cann/PopulationDecoder.h"
#include "cann/RingCann.h"

namespace as::surrogate {

enum class OdeBackend { Fft = 0, Dense = 1 };

class OdeStepper {
  public:
    /// Throws ParamError if p fails check(), std::invalid_argument if stepsPerInput < 1.
    OdeStepper(const CannParams& p, OdeBackend backend, int stepsPerInput);
    OdeBackend backend() const { return backend_; }
    int stepsPerInput() const { return k_; }
    /// u = 0, then `settleSteps` internal steps with the stimulus at `angle`.
    void settle(double angle, int settleSteps);
    /// One input step at `angle`; returns the decode after it.
    Decode step(double angle);
    /// Firing rates r after the last step (length N), for the activity heatmap.
    const std::vector<double>& rates();

  private:
    void internalStep();
    CannParams p_;
    OdeBackend backend_;
    int k_;
    std::unique_ptr<RingCann> fft_;
    std::unique_ptr<DenseRingCann> dense_;
    PeriodicGaussian profile_;
    std::vector<double> input_, cosX_, sinX_, r_;
};

}  // namespace as::surrogate
