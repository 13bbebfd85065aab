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
    const double norm = std::sqrt(double(grad.cast<double>().squaredNorm()));
    if (!std::isfinite(norm)) return norm;
    const float scale = float((s_.clipNorm > 0 && norm > s_.clipNorm) ? s_.clipNorm / norm : 1.0);
    ++t_;
    const float b1 = float(s_.beta1), b2 = float(s_.beta2);
    const double c1 = 1.0 - std::pow(s_.beta1, double(t_));
    const double c2 = 1.0 - std::pow(s_.beta2, double(t_));
    const float stepSize = float(s_.learningRate * std::sqrt(c2) / c1);
    const float eps = float(s_.epsilon * std::sqrt(c2));
    const auto g = grad.array() * scale;
    m_.array() = b1 * m_.array() + (1.0f - b1) * g;
    v_.array() = b2 * v_.array() + (1.0f - b2) * g.square();
    value.array() -= stepSize * m_.array() / (v_.array().sqrt() + eps);
    return norm;
}

void AdamOptimizer::restore(long steps, const Eigen::MatrixXf& m, const Eigen::MatrixXf& v) {
    if (m.rows() != m_.rows() || m.cols() != m_.cols() || v.rows() != v_.rows() || v.cols() != v_.cols())
        throw std::invalid_argument("Adam: saved moments have the wrong shape");
    if (steps < 0) throw std::invalid_argument("Adam: negative step count");
    t_ = steps;
    m_ = m;
    v_ = v;
}

}  // namespace as::sde
