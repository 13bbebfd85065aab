#include "generator/Mlp.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "sde/GaussianNoise.h"

namespace as::generator {

template <class S>
std::vector<int> MlpWeights<S>::sizes() const {
    std::vector<int> s;
    if (w.empty()) return s;
    s.push_back(int(w.front().cols()));
    for (const auto& m : w) s.push_back(int(m.rows()));
    return s;
}

template <class S>
long MlpWeights<S>::parameterCount() const {
    long n = 0;
    for (const auto& m : w) n += long(m.size());
    for (const auto& m : b) n += long(m.size());
    return n;
}

template <class S>
MlpWeights<S> MlpWeights<S>::zerosLike() const {
    MlpWeights<S> o;
    for (const auto& m : w) o.w.push_back(MatS<S>::Zero(m.rows(), m.cols()));
    for (const auto& m : b) o.b.push_back(MatS<S>::Zero(m.rows(), m.cols()));
    o.act = act;
    return o;
}

template <class S>
bool MlpWeights<S>::allFinite() const {
    for (const auto& m : w)
        if (!m.allFinite()) return false;
    for (const auto& m : b)
        if (!m.allFinite()) return false;
    return true;
}

MlpWeights<float> makeMlp(const std::vector<int>& sizes, Activation hidden, Activation out,
                          std::uint64_t seed) {
    if (sizes.size() < 2)
        throw std::invalid_argument("an MLP needs at least an input and an output size");
    for (int s : sizes)
        if (s < 1)
            throw std::invalid_argument("MLP layer sizes must be >= 1 (got " + std::to_string(s) +
                                        ")");
    MlpWeights<float> net;
    for (std::size_t k = 0; k + 1 < sizes.size(); ++k) {
        const int in = sizes[k], outN = sizes[k + 1];
        const Activation a = k + 2 == sizes.size() ? out : hidden;
        const double scale = std::sqrt((a == Activation::Relu ? 2.0 : 1.0) / double(in));
        Eigen::MatrixXf w(outN, in);
        for (int c = 0; c < in; ++c)
            sde::gaussianBlock(seed, std::uint64_t(k), std::uint64_t(c), w.col(c).data(), outN);
        w *= float(scale);
        net.w.push_back(std::move(w));
        net.b.push_back(Eigen::MatrixXf::Zero(outN, 1));
        net.act.push_back(a);
    }
    return net;
}

template <class S>
void applyActivation(Activation act, MatS<S>& z) {
    switch (act) {
        case Activation::Identity:
            break;
        case Activation::Relu:
            z = z.cwiseMax(S(0));
            break;
        case Activation::Sigmoid:
            z = (S(1) / (S(1) + (-z.array()).exp())).matrix();
            break;
    }
}

template <class S>
void mlpForward(const MlpWeights<S>& net, const MatS<S>& x, MlpCache<S>& cache) {
    if (net.w.empty()) throw std::invalid_argument("MLP: no layers");
    if (x.rows() != net.inputs())
        throw std::invalid_argument("MLP: input has " + std::to_string(x.rows()) +
                                    " rows, the network " + std::to_string(net.inputs()) +
                                    " inputs");
    const int L = net.layers();
    cache.a.resize(std::size_t(L + 1));
    cache.a[0] = x;
    for (int k = 0; k < L; ++k) {
        MatS<S>& z = cache.a[std::size_t(k + 1)];
        z.noalias() = net.w[std::size_t(k)] * cache.a[std::size_t(k)];
        z.colwise() += net.b[std::size_t(k)].col(0);
        applyActivation(net.act[std::size_t(k)], z);
    }
}

namespace {

/// delta .*= act'(a) with a the activation's output.
template <class S>
void times_slope(Activation act, const MatS<S>& a, MatS<S>& delta) {
    switch (act) {
        case Activation::Identity:
            break;
        case Activation::Relu:
            delta = (a.array() > S(0)).select(delta, S(0));
            break;
        case Activation::Sigmoid:
            delta.array() *= a.array() * (S(1) - a.array());
            break;
    }
}

}  // namespace

template <class S>
void mlpBackward(const MlpWeights<S>& net, const MlpCache<S>& cache, const MatS<S>& dOut,
                 MlpWeights<S>& grad, MatS<S>* dIn) {
    const int L = net.layers();
    if (int(cache.a.size()) != L + 1 || dOut.rows() != net.outputs() ||
        dOut.cols() != cache.a[0].cols())
        throw std::invalid_argument("MLP backward: dL/d(output) does not match the forward pass");
    if (grad.layers() != L) grad = net.zerosLike();
    MatS<S> delta = dOut, prev;
    for (int k = L - 1; k >= 0; --k) {
        const std::size_t ks = std::size_t(k);
        times_slope(net.act[ks], cache.a[ks + 1], delta);
        grad.w[ks].noalias() = delta * cache.a[ks].transpose();
        grad.b[ks] = delta.rowwise().sum();
        if (k > 0 || dIn) {
            prev.noalias() = net.w[ks].transpose() * delta;
            delta.swap(prev);
        }
    }
    if (dIn) *dIn = std::move(delta);
}

template struct MlpWeights<float>;
template struct MlpWeights<double>;
template void applyActivation<float>(Activation, MatS<float>&);
template void applyActivation<double>(Activation, MatS<double>&);
template void mlpForward<float>(const MlpWeights<float>&, const MatS<float>&, MlpCache<float>&);
template void mlpForward<double>(const MlpWeights<double>&, const MatS<double>&, MlpCache<double>&);
template void mlpBackward<float>(const MlpWeights<float>&, const MlpCache<float>&,
                                 const MatS<float>&, MlpWeights<float>&, MatS<float>*);
template void mlpBackward<double>(const MlpWeights<double>&, const MlpCache<double>&,
                                  const MatS<double>&, MlpWeights<double>&, MatS<double>*);

}  // namespace as::generator
