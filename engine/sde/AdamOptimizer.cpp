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
    const float scale = float((s_.clipNorm > 0 && norm > s_.clipNorm) ? s_.clipNorm / norm : 1.0);
    ++t_;
    const float b1 = float(s_.beta1), b2 = float(s_.beta2);
    const double c1 = 1.0 - std::pow(s_.beta1, double(t_));
    const double c2 = 1.0 - std::pow(s_.beta2, double(t_));
    const float stepSize = float(s_.learningRate * std::sqrt(c2) / c1);
    const float eps = float(s_.epsilon * std::sqrt(c2));
    // One fused pass per column (memory bound: N^2 floats each of value, grad, m, v).
#pragma omp parallel for schedule(static) if (par)
    for (Eigen::Index c = 0; c < cols; ++c) {
        const float* g = grad.col(c).data();
        float* m = m_.col(c).data();
        float* v = v_.col(c).data();
        float* w = value.col(c).data();
        for (Eigen::Index r = 0; r < rows; ++r) {
            const float gs = g[r] * scale;
            m[r] = b1 * m[r] + (1.0f - b1) * gs;
            v[r] = b2 * v[r] + (1.0f - b2) * gs * gs;
            w[r] -= stepSize * m[r] / (std::sqrt(v[r]) + eps);
        }
    }
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
