#include "surrogate/DenseLayer.h"

#include <cmath>

namespace as::surrogate {

template <class T>
DenseLayer<T>::DenseLayer(int in, int out, Activation act)
    : W(Mat<T>::Zero(out, in)),
      b(Mat<T>::Zero(out, 1)),
      dW(Mat<T>::Zero(out, in)),
      db(Mat<T>::Zero(out, 1)),
      act_(act) {}

template <class T>
void DenseLayer<T>::initialise(std::mt19937_64& rng) {
    const double limit = std::sqrt(6.0 / double(W.rows() + W.cols()));
    std::uniform_real_distribution<double> u(-limit, limit);
    for (Eigen::Index i = 0; i < W.size(); ++i) W.data()[i] = T(u(rng));
    b.setZero();
}

template <class T>
const Mat<T>& DenseLayer<T>::forward(const Mat<T>& x) {
    x_ = x;
    y_.noalias() = W * x;
    y_.colwise() += b.col(0);
    if (act_ == Activation::Tanh) y_ = y_.array().tanh().matrix();
    return y_;
}

template <class T>
const Mat<T>& DenseLayer<T>::backward(const Mat<T>& dy, bool needInput) {
    if (act_ == Activation::Tanh)
        dpre_ = (dy.array() * (T(1) - y_.array().square())).matrix();
    else
        dpre_ = dy;
    dW.noalias() += dpre_ * x_.transpose();
    db += dpre_.rowwise().sum();
    if (needInput) dx_.noalias() = W.transpose() * dpre_;
    return dx_;
}

template <class T>
void DenseLayer<T>::zeroGrad() {
    dW.setZero();
    db.setZero();
}

template <class T>
std::vector<ParamRef<T>> DenseLayer<T>::params() {
    return {{"W", &W, &dW}, {"b", &b, &db}};
}

template class DenseLayer<float>;
template class DenseLayer<double>;

}  // namespace as::surrogate
