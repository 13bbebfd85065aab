#pragma once
// Gated recurrent unit (gates z, r, n stacked in that order):
//   z = s(Ax_z + Ch_z), r = s(Ax_r + Ch_r), n = tanh(Ax_n + r . Ch_n), h' = (1 - z) . n + z . h
// with Ax = Wx x + bx and Ch = Wh h + bh (the reset gate multiplies the recurrent part only).
// The sequences of a batch are independent in the recurrence, so a chunk may run on several
// threads, each owning a block of the batch's columns (RecurrentLayer::threadsFor()).
#include <vector>

#include "surrogate/RecurrentLayer.h"

namespace as::surrogate {

template <class T>
class GruLayer : public RecurrentLayer<T> {
  public:
    GruLayer(int inputs, int hidden) : RecurrentLayer<T>(inputs, hidden, 3) {}
    CellType type() const override { return CellType::Gru; }
    int gates() const override { return 3; }
    const Mat<T>& forward(const Mat<T>& x, const Mat<T>& s0, int batch) override;
    const Mat<T>& backward(const Mat<T>& dh) override;
    void step(const Vec<T>& a, Vec<T>& state) override;

  private:
    /// One thread's buffers for its block of the batch.
    struct Scratch {
        Mat<T> C, g, dnext;
    };
    /// The recurrence over all steps for batch columns [b0, b0 + nb).
    void forwardColumns(const Mat<T>& s0, int b0, int nb, Scratch& s);
    void backwardColumns(const Mat<T>& dh, int b0, int nb, Scratch& s);

    Mat<T> Z_, R_, N_, Cn_, dA_, dC_;
    std::vector<Scratch> scratch_;
    int usedThreads_ = 1;  ///< threads of the last forward(), reused by its backward()
    Vec<T> c1_, z1_, r1_;
};

}  // namespace as::surrogate
