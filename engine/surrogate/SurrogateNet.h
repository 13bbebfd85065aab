#pragma once
// The three-tier CAN2ANN network (seed 000 §3.3) for one decoded angle:
//   1. feature: x (M encoded bins) -> tanh(W x + b), F units;
//   2. dynamics: a recurrent layer (GRU by default, LSTM or RNN) with H units;
//   3. decoding: two time-distributed dense layers, tanh (K units) then linear (2 outputs): the
//      denominator (row 0, normalised sum r cos x) and numerator (row 1, normalised sum r sin x).
// The decoded angle is atan2(numerator, denominator).
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
    /// Throws std::invalid_argument naming the bad field (each must be in [2, 4096]).
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

    /// Forward over an encoded chunk x (M x T*B) from state s0; returns the outputs (2 x T*B) and
    /// leaves the state after the chunk in finalState().
    const Mat<T>& forward(const Mat<T>& x, const Mat<T>& s0, int batch);
    const Mat<T>& finalState() const { return rnn_->finalState(); }
    /// Mean squared error of the last forward() against target (2 x T*B), over all entries.
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
