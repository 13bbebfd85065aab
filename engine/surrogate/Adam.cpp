#include "surrogate/Adam.h"

#include <cmath>

namespace as::surrogate {

template <class T>
Adam<T>::Adam(const std::vector<ParamRef<T>>& params, const Settings& s) : params_(params), s_(s) {
    for (const auto& p : params_) {
        m_.push_back(Mat<T>::Zero(p.value->rows(), p.value->cols()));
        v_.push_back(Mat<T>::Zero(p.value->rows(), p.value->cols()));
    }
}

template <class T>
double Adam<T>::step() {
    double norm2 = 0.0;
    for (const auto& p : params_) norm2 += double(p.grad->squaredNorm());
    const double norm = std::sqrt(norm2);
    if (!std::isfinite(norm)) return norm;
    const double scale = (s_.clipNorm > 0 && norm > s_.clipNorm) ? s_.clipNorm / norm : 1.0;
    ++t_;
    const T b1 = T(s_.beta1), b2 = T(s_.beta2);
    const double c1 = 1.0 - std::pow(s_.beta1, double(t_));
    const double c2 = 1.0 - std::pow(s_.beta2, double(t_));
    const T stepSize = T(s_.learningRate * std::sqrt(c2) / c1);
    const T eps = T(s_.epsilon * std::sqrt(c2));
    for (std::size_t i = 0; i < params_.size(); ++i) {
        auto g = (params_[i].grad->array() * T(scale));
        m_[i].array() = b1 * m_[i].array() + (T(1) - b1) * g;
        v_[i].array() = b2 * v_[i].array() + (T(1) - b2) * g.square();
        params_[i].value->array() -= stepSize * m_[i].array() / (v_[i].array().sqrt() + eps);
    }
    return norm;
}

template class Adam<float>;
template class Adam<double>;

}  // namespace as::surrogate
