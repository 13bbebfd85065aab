#pragma once
// Streaming inference: one input step in (A angles), one decode per angle out, for the live
// side-by-side comparison and the speed benchmark. Uses the encoder's sparsity (two non-zero bins
// per angle, so the feature layer is 2A weight columns) and preallocated buffers: no allocation
// per step.
#include "surrogate/SurrogateNet.h"

namespace as::surrogate {

struct StreamDecode {
    double sumCos = 0.0;  ///< denominator, in the teacher's units (component scale applied back)
    double sumSin = 0.0;  ///< numerator
    double angle = 0.0;   ///< atan2(sumSin, sumCos)
};

class SurrogateStream {
  public:
    /// Keeps a reference to net (which must outlive the stream); componentScale converts the
    /// normalised outputs back to the teacher's units.
    SurrogateStream(SurrogateNet<float>& net, double componentScale = 1.0);
    /// Back to the zero state.
    void reset();
    int axes() const { return net_.shape().axes; }
    /// One step of a single-angle net (A = 1).
    StreamDecode step(double angle);
    /// One step: angles[0..A-1] in, out[0..A-1] written.
    void step(const double* angles, StreamDecode* out);

  private:
    SurrogateNet<float>& net_;
    AngleEncoder enc_;
    double scale_;
    Vec<float> f_, a_, state_, k_, y_;
};

}  // namespace as::surrogate
