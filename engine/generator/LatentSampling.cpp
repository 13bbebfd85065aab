#include "generator/LatentSampling.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sde/GaussianNoise.h"

namespace as::generator {

PrincipalAxes principalAxes(const Eigen::MatrixXd& covariance) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(covariance);
    PrincipalAxes p;
    p.variances = es.eigenvalues().reverse();
    p.axes = es.eigenvectors().rowwise().reverse();
    return p;
}

Eigen::MatrixXf sampleGaussian(const ClassStats& s, LatentCentre c, int count, std::uint64_t seed,
                               std::uint64_t stream, long first) {
    if (count < 0) throw std::invalid_argument("sampleGaussian: negative count");
    const PrincipalAxes pa = principalAxes(s.covariance(c));
    const Eigen::Index d = pa.variances.size();
    const Eigen::MatrixXd root = pa.axes * pa.variances.cwiseMax(0.0).cwiseSqrt().asDiagonal();
    Eigen::MatrixXd eta(d, count);
    for (int k = 0; k < count; ++k)
        sde::gaussianBlock(seed, stream, std::uint64_t(first + k), eta.col(k).data(), int(d));
    return ((root * eta).colwise() + s.centre(c)).cast<float>();
}

Eigen::MatrixXf interpolate(const Eigen::VectorXf& a, const Eigen::VectorXf& b, int steps) {
    if (steps < 2) throw std::invalid_argument("interpolate: need at least 2 steps");
    if (a.size() != b.size())
        throw std::invalid_argument("interpolate: end points differ in dimension");
    Eigen::MatrixXf out(a.size(), steps);
    for (int k = 0; k < steps; ++k) {
        const float t = float(k) / float(steps - 1);
        out.col(k) = (1.0f - t) * a + t * b;
    }
    return out;
}

Eigen::MatrixXf traverse(const ClassStats& s, LatentCentre c, int axis, int steps, double range) {
    const PrincipalAxes pa = principalAxes(s.covariance(c));
    if (axis < 0 || axis >= pa.variances.size())
        throw std::out_of_range("traverse: axis " + std::to_string(axis) + " outside [0, " +
                                std::to_string(pa.variances.size()) + ")");
    if (steps < 2) throw std::invalid_argument("traverse: need at least 2 steps");
    const Eigen::VectorXd dir = std::sqrt(std::max(0.0, pa.variances[axis])) * pa.axes.col(axis);
    Eigen::MatrixXf out(dir.size(), steps);
    for (int k = 0; k < steps; ++k) {
        const double t = -range + 2.0 * range * double(k) / double(steps - 1);
        out.col(k) = (s.centre(c) + t * dir).cast<float>();
    }
    return out;
}

}  // namespace as::generator
