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
    ++t_;
    const auto k = AdamStep<T>::at(s_, t_, norm);
    for (std::size_t i = 0; i < params_.size(); ++i)
        k.apply(params_[i].value->data(), m_[i].data(), v_[i].data(), params_[i].grad->data(),
                params_[i].value->size());
    return norm;
}

template class Adam<float>;
template class Adam<double>;

}  // namespace as::surrogate
