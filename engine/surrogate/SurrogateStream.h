#pragma once
// Streaming inference: one input angle in, one decode out, for the live side-by-side comparison
// and the speed benchmark. Uses the encoder's sparsity (two non-zero bins, so the feature layer is
// two weight columns) and preallocated buffers: no allocation per step.
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
    StreamDecode step(double angle);

  private:
    SurrogateNet<float>& net_;
    AngleEncoder enc_;
    double scale_;
    Vec<float> f_, a_, state_, k_, y_;
};

}  // namespace as::surrogate
