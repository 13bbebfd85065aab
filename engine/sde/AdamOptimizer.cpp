#include "sde/AdamOptimizer.h"

#include <cmath>
#include <stdexcept>

namespace as::sde {

AdamOptimizer::AdamOptimizer(Eigen::Index rows, Eigen::Index cols, const Settings& s)
    : s_(s), m_(Eigen::MatrixXf::Zero(rows, cols)), v_(Eigen::MatrixXf::Zero(rows, cols)) {}

double AdamOptimizer::step(Eigen::MatrixXf& value, const Eigen::MatrixXf& grad) {
    if (grad.rows() != m_.rows() || grad.cols() != m_.cols() || value.rows() != m_.rows() ||
        value.cols() != m_.cols())
        throw std::invalid_argument("Adam: gradient shape does not match the parameter");
    const Eigen::Index cols = grad.cols(), rows = grad.rows();
    const bool par = grad.size() >= (1 << 16);
    double norm2 = 0.0;
#pragma omp parallel for schedule(static) reduction(+ : norm2) if (par)
    for (Eigen::Index c = 0; c < cols; ++c) norm2 += double(grad.col(c).squaredNorm());
    const double norm = std::sqrt(norm2);
    if (!std::isfinite(norm)) return norm;
    ++t_;
    const auto k = AdamStep<float>::at(s_, t_, norm);
    // One fused pass per column (memory bound: N^2 floats each of value, grad, m, v).
#pragma omp parallel for schedule(static) if (par)
    for (Eigen::Index c = 0; c < cols; ++c)
        k.apply(value.col(c).data(), m_.col(c).data(), v_.col(c).data(), grad.col(c).data(), rows);
    return norm;
}

void AdamOptimizer::restore(long steps, const Eigen::MatrixXf& m, const Eigen::MatrixXf& v) {
    if (m.rows() != m_.rows() || m.cols() != m_.cols() || v.rows() != v_.rows() ||
        v.cols() != v_.cols())
        throw std::invalid_argument("Adam: saved moments have the wrong shape");
    if (steps < 0) throw std::invalid_argument("Adam: negative step count");
    t_ = steps;
    m_ = m;
    v_ = v;
}

}  // namespace as::sde
