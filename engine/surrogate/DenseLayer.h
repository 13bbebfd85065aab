#pragma once
// A time-distributed fully connected layer y = f(W x + b), applied to every column of a chunk.
#include <random>
#include <vector>

#include "surrogate/Tensor.h"

namespace as::surrogate {

enum class Activation { Identity = 0, Tanh = 1 };

template <class T>
class DenseLayer {
  public:
    DenseLayer() = default;
    DenseLayer(int in, int out, Activation act);
    /// Glorot-uniform weights, zero bias.
    void initialise(std::mt19937_64& rng);

    int inputs() const { return int(W.cols()); }
    int outputs() const { return int(W.rows()); }
    Activation activation() const { return act_; }

    /// y = f(W x + b) for all columns; keeps x and y for backward().
    const Mat<T>& forward(const Mat<T>& x);
    /// Accumulates dW, db from dy (same shape as y) and returns dx. needInput=false skips dx.
    const Mat<T>& backward(const Mat<T>& dy, bool needInput = true);
    void zeroGrad();
    std::vector<ParamRef<T>> params();

    Mat<T> W, b, dW, db;

  private:
    Activation act_ = Activation::Identity;
    Mat<T> x_, y_, dpre_, dx_;
};

}  // namespace as::surrogate
