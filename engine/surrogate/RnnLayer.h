#pragma once
// Plain (Elman) recurrent layer: h' = tanh(Wx x + bx + Wh h + bh).
#include "surrogate/RecurrentLayer.h"

namespace as::surrogate {

template <class T>
class RnnLayer : public RecurrentLayer<T> {
  public:
    RnnLayer(int inputs, int hidden) : RecurrentLayer<T>(inputs, hidden, 1) {}
    CellType type() const override { return CellType::Rnn; }
    int gates() const override { return 1; }
    const Mat<T>& forward(const Mat<T>& x, const Mat<T>& s0, int batch) override;
    const Mat<T>& backward(const Mat<T>& dh) override;
    void step(const Vec<T>& a, Vec<T>& state) override;

  private:
    Mat<T> dP_;
    Vec<T> c1_;
};

}  // namespace as::surrogate
