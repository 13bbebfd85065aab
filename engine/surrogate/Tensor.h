#pragma once
// Matrix aliases shared by the surrogate's layers. A sequence chunk of T steps for a batch of B
// sequences is one matrix of (features x T*B) columns, time-major: step t occupies the column block
// [t*B, (t+1)*B). Layers are templates on the scalar: float for training and inference, double for
// the finite-difference gradient checks.
#include <Eigen/Core>

namespace as::surrogate {

template <class T>
using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <class T>
using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;

/// Logistic sigmoid, elementwise.
template <class Derived>
auto sigmoid(const Eigen::ArrayBase<Derived>& x) {
    using S = typename Derived::Scalar;
    return (S(1) + (-x).exp()).inverse();
}

/// A named parameter tensor with its gradient (same shape), as Adam and the model file see it.
template <class T>
struct ParamRef {
    const char* name;
    Mat<T>* value;
    Mat<T>* grad;
};

}  // namespace as::surrogate
