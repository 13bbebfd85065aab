#pragma once
// The three-tier CAN2ANN network (seed 000 §3.3) for one or more decoded angles (A axes: the ring
// and each hd2d channel have A = 1, the 3D grid-cell case A = 3):
//   1. feature: x (A x M encoded bins, axis after axis) -> tanh(W x + b), F units;
//   2. dynamics: a recurrent layer (GRU by default, LSTM or RNN) with H units;
//   3. decoding: two time-distributed dense layers, tanh (K units) then linear (2 outputs): the
//      denominator (row 2a, normalised sum r cos x_a) and numerator (row 2a+1, normalised sum r
//      sin x_a) of every axis a.
// The decoded angle of axis a is atan2(numerator, denominator).
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "surrogate/AngleEncoder.h"
#include "surrogate/DenseLayer.h"
#include "surrogate/RecurrentLayer.h"

namespace as::surrogate {

/// The architecture of one network.
struct NetShape {
    CellType cell = CellType::Gru;
    int bins = 32;      ///< encoder bins M
    int features = 32;  ///< feature units F
    int hidden = 64;    ///< recurrent units H
    int head = 32;      ///< units K of the first decoding layer
    int axes = 1;       ///< decoded angles A: inputs A*M, outputs 2A (1 to 3)
    int inputs() const { return axes * bins; }
    int outputs() const { return 2 * axes; }
    /// Throws std::invalid_argument naming the bad field (each size in [2, 4096], axes in [1, 3]).
    void check() const;
    bool operator==(const NetShape&) const = default;
};

template <class T>
class SurrogateNet {
  public:
    SurrogateNet(const NetShape& shape, std::uint64_t seed);
    const NetShape& shape() const { return shape_; }
    int stateRows() const { return rnn_->stateRows(); }
    Mat<T> zeroState(int batch) const { return Mat<T>::Zero(stateRows(), batch); }

    /// Forward over an encoded chunk x (A*M x T*B) from state s0; returns the outputs (2A x T*B)
    /// and leaves the state after the chunk in finalState().
    const Mat<T>& forward(const Mat<T>& x, const Mat<T>& s0, int batch);
    const Mat<T>& finalState() const { return rnn_->finalState(); }
    /// Mean squared error of the last forward() against target (2A x T*B), over all entries.
    double loss(const Mat<T>& target) const;
    /// Gradients of loss(target) for the last forward(), accumulated into every layer.
    void backward(const Mat<T>& target);
    void zeroGrad();

    /// Every parameter with its gradient, named "feature.W", "rnn.Wh", "out.b", ...
    std::vector<ParamRef<T>> params();
    /// Copies of all parameter values (for the best-so-far weights), and their restoration.
    std::vector<Mat<T>> weights();
    void setWeights(const std::vector<Mat<T>>& w);

    DenseLayer<T>& feature() { return feature_; }
    RecurrentLayer<T>& rnn() { return *rnn_; }
    DenseLayer<T>& head() { return head_; }
    DenseLayer<T>& out() { return out_; }

  private:
    NetShape shape_;
    DenseLayer<T> feature_;
    std::unique_ptr<RecurrentLayer<T>> rnn_;
    DenseLayer<T> head_, out_;
    Mat<T> y_;
};

}  // namespace as::surrogate
