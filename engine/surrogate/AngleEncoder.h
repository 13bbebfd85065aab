#pragma once
// Input encoding of the surrogate (seed 000 §3.1): an angle becomes a vector over M bins with bin
// centres phi_j = -pi + 2 pi j / M. The two bins either side of the angle share the weight by
// linear interpolation (weights 1 - f and f, summing to 1), circularly: an angle between the last
// bin and +pi interpolates with bin 0. An angle exactly on a centre is a pure one-hot vector.
#include <vector>

#include "surrogate/Tensor.h"

namespace as::surrogate {

class AngleEncoder {
  public:
    struct Code {
        int lo = 0, hi = 0;           ///< the two bins
        double wLo = 1.0, wHi = 0.0;  ///< their weights (sum 1)
    };
    /// Throws std::invalid_argument unless bins >= 2.
    explicit AngleEncoder(int bins);
    int bins() const { return bins_; }
    /// The two bins and weights of an angle (any real value; wrapped).
    Code code(double angle) const;
    /// The dense vector (length M) of one angle.
    std::vector<double> encode(double angle) const;
    /// Encodes a chunk of A angles per column: angles[(t*B + b)*A + a] for step t of sequence b
    /// and axis a -> (A*M) x (T*B), time-major columns; axis a fills rows [a*M, (a+1)*M).
    template <class T>
    Mat<T> encodeChunk(const std::vector<float>& angles, int axes = 1) const;

  private:
    int bins_;
};

}  // namespace as::surrogate
