#pragma once
// Long short-term memory (gates i, f, g, o stacked in that order), state = [h; c] (2H rows):
//   P = Wx x + bx + Wh h + bh;  c' = s(f) . c + s(i) . tanh(g);  h' = s(o) . tanh(c')
#include "surrogate/RecurrentLayer.h"

namespace as::surrogate {

template <class T>
class LstmLayer : public RecurrentLayer<T> {
  public:
    LstmLayer(int inputs, int hidden) : RecurrentLayer<T>(inputs, hidden, 4) {}
    CellType type() const override { return CellType::Lstm; }
    int gates() const override { return 4; }
    int stateRows() const override { return 2 * this->hidden_; }
    const Mat<T>& forward(const Mat<T>& x, const Mat<T>& s0, int batch) override;
    const Mat<T>& backward(const Mat<T>& dh) override;
    void step(const Vec<T>& a, Vec<T>& state) override;

  private:
    Mat<T> G_, C_, Cprev_, TC_, dP_;  // G_: activated gates (4H x TB)
    Vec<T> p1_;
};

}  // namespace as::surrogate
