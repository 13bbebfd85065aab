#pragma once
// A fully connected network (multi-layer perceptron) on a batch of columns, for the generator's
// encoder and decoder (seed 002 §VI.1) and the feature classifier of the quality metric:
//   a_0 = input (n_0 x B),   a_{k+1} = act_k(W_k a_k + b_k),   W_k: n_{k+1} x n_k, b_k: n_{k+1}
//   x 1.
// Activations: identity, ReLU, sigmoid. Templated on the scalar: float for training, double for the
// finite-difference tests. The backward pass uses only the stored activations (ReLU' = [a > 0],
// sigmoid' = a (1 - a)). Eigen's products use the OpenMP threads the caller allows.
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace as::generator {

template <class S>
using MatS = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

enum class Activation { Identity = 0, Relu = 1, Sigmoid = 2 };

template <class S>
struct MlpWeights {
    std::vector<MatS<S>> w;       ///< layer k: n_{k+1} x n_k
    std::vector<MatS<S>> b;       ///< layer k: n_{k+1} x 1
    std::vector<Activation> act;  ///< layer k's activation

    int layers() const { return int(w.size()); }
    int inputs() const { return w.empty() ? 0 : int(w.front().cols()); }
    int outputs() const { return w.empty() ? 0 : int(w.back().rows()); }
    /// n_0, n_1, ..., n_L.
    std::vector<int> sizes() const;
    long parameterCount() const;

    template <class T>
    MlpWeights<T> cast() const {
        MlpWeights<T> o;
        for (const auto& m : w) o.w.push_back(m.template cast<T>());
        for (const auto& m : b) o.b.push_back(m.template cast<T>());
        o.act = act;
        return o;
    }
    /// Same shapes, all zero.
    MlpWeights zerosLike() const;
    bool allFinite() const;
};

/// What the forward pass keeps for the backward pass: a[k], k = 0..L (a[0] the input).
template <class S>
struct MlpCache {
    std::vector<MatS<S>> a;
    const MatS<S>& output() const { return a.back(); }
};

/// A network of the given sizes (n_0 .. n_L), `hidden` on every layer but the last, `out` on the
/// last. Weights N(0, 2 / n_in) for ReLU layers, N(0, 1 / n_in) otherwise (He / LeCun), biases 0,
/// from the counter-based normals of sde/GaussianNoise.h keyed by (seed, layer, column).
/// Throws std::invalid_argument for fewer than two sizes or a size < 1.
MlpWeights<float> makeMlp(const std::vector<int>& sizes, Activation hidden, Activation out,
                          std::uint64_t seed);

/// Forward pass of x (n_0 x B); the output is cache.output().
template <class S>
void mlpForward(const MlpWeights<S>& net, const MatS<S>& x, MlpCache<S>& cache);

/// Backward pass from dL/d(output) (n_L x B) through the pass cache holds: grad receives dL/dW_k
/// and dL/db_k (shaped as net), dIn (if not nullptr) dL/d(input).
template <class S>
void mlpBackward(const MlpWeights<S>& net, const MlpCache<S>& cache, const MatS<S>& dOut,
                 MlpWeights<S>& grad, MatS<S>* dIn);

/// Applies act elementwise in place.
template <class S>
void applyActivation(Activation act, MatS<S>& z);

}  // namespace as::generator
