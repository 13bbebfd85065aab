#include "surrogate/SurrogateNet.h"

#include <stdexcept>

namespace as::surrogate {

void NetShape::check() const {
    auto in = [](int v, const char* name) {
        if (v < 2 || v > 4096)
            throw std::invalid_argument(std::string(name) + " must be in [2, 4096] (got " +
                                        std::to_string(v) + ")");
    };
    in(bins, "bins");
    in(features, "features");
    in(hidden, "hidden");
    in(head, "head");
    if (axes < 1 || axes > 3)
        throw std::invalid_argument("axes must be 1, 2 or 3 (got " + std::to_string(axes) + ")");
}

template <class T>
SurrogateNet<T>::SurrogateNet(const NetShape& shape, std::uint64_t seed)
    : shape_(shape),
      feature_(shape.inputs(), shape.features, Activation::Tanh),
      rnn_(makeRecurrentLayer<T>(shape.cell, shape.features, shape.hidden)),
      head_(shape.hidden, shape.head, Activation::Tanh),
      out_(shape.head, shape.outputs(), Activation::Identity) {
    shape.check();
    std::mt19937_64 rng(seed);
    feature_.initialise(rng);
    rnn_->initialise(rng);
    head_.initialise(rng);
    out_.initialise(rng);
}

template <class T>
const Mat<T>& SurrogateNet<T>::forward(const Mat<T>& x, const Mat<T>& s0, int batch) {
    if (x.rows() != shape_.inputs())
        throw std::invalid_argument("surrogate net: input has the wrong number of bins");
    if (s0.rows() != stateRows() || s0.cols() != batch)
        throw std::invalid_argument("surrogate net: state has the wrong shape");
    const Mat<T>& f = feature_.forward(x);
    const Mat<T>& h = rnn_->forward(f, s0, batch);
    y_ = out_.forward(head_.forward(h));
    return y_;
}

template <class T>
double SurrogateNet<T>::loss(const Mat<T>& target) const {
    if (target.rows() != y_.rows() || target.cols() != y_.cols())
        throw std::invalid_argument("surrogate net: target does not match the last forward pass");
    return double((y_ - target).squaredNorm()) / double(y_.size());
}

template <class T>
void SurrogateNet<T>::backward(const Mat<T>& target) {
    if (target.rows() != y_.rows() || target.cols() != y_.cols())
        throw std::invalid_argument("surrogate net: target does not match the last forward pass");
    const Mat<T> dy = (y_ - target) * (T(2) / T(y_.size()));
    const Mat<T>& dh = head_.backward(out_.backward(dy));
    const Mat<T>& df = rnn_->backward(dh);
    feature_.backward(df, false);
}

template <class T>
void SurrogateNet<T>::zeroGrad() {
    feature_.zeroGrad();
    rnn_->zeroGrad();
    head_.zeroGrad();
    out_.zeroGrad();
}

template <class T>
std::vector<ParamRef<T>> SurrogateNet<T>::params() {
    std::vector<ParamRef<T>> all;
    auto add = [&all](std::vector<ParamRef<T>> ps, const char* const* names) {
        for (std::size_t i = 0; i < ps.size(); ++i)
            all.push_back({names[i], ps[i].value, ps[i].grad});
    };
    static const char* const feat[] = {"feature.W", "feature.b"};
    static const char* const rnn[] = {"rnn.Wx", "rnn.Wh", "rnn.bx", "rnn.bh"};
    static const char* const head[] = {"head.W", "head.b"};
    static const char* const out[] = {"out.W", "out.b"};
    add(feature_.params(), feat);
    add(rnn_->params(), rnn);
    add(head_.params(), head);
    add(out_.params(), out);
    return all;
}

template <class T>
std::vector<Mat<T>> SurrogateNet<T>::weights() {
    std::vector<Mat<T>> w;
    for (const auto& p : params()) w.push_back(*p.value);
    return w;
}

template <class T>
void SurrogateNet<T>::setWeights(const std::vector<Mat<T>>& w) {
    auto ps = params();
    if (w.size() != ps.size())
        throw std::invalid_argument("surrogate net: wrong number of weight tensors");
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (w[i].rows() != ps[i].value->rows() || w[i].cols() != ps[i].value->cols())
            throw std::invalid_argument(std::string("surrogate net: ") + ps[i].name +
                                        " has the wrong shape");
        *ps[i].value = w[i];
    }
}

template class SurrogateNet<float>;
template class SurrogateNet<double>;

}  // namespace as::surrogate
