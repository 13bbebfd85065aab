#include "generator/FrechetDistance.h"

#include <Eigen/Eigenvalues>
#include <stdexcept>

namespace as::generator {

GaussianMoments moments(const Eigen::MatrixXf& x) {
    if (x.cols() < 2) throw std::invalid_argument("moments: need at least two samples");
    GaussianMoments m;
    const Eigen::MatrixXd xd = x.cast<double>();
    m.mean = xd.rowwise().mean();
    const Eigen::MatrixXd c = xd.colwise() - m.mean;
    m.covariance = c * c.transpose() / double(x.cols() - 1);
    m.count = long(x.cols());
    return m;
}

double frechetDistance(const GaussianMoments& a, const GaussianMoments& b) {
    if (a.mean.size() != b.mean.size() || a.covariance.rows() != b.covariance.rows())
        throw std::invalid_argument("frechetDistance: the two feature sets differ in dimension");
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> e1(a.covariance);
    const Eigen::MatrixXd root1 = e1.eigenvectors() *
                                  e1.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal() *
                                  e1.eigenvectors().transpose();
    Eigen::MatrixXd inner = root1 * b.covariance * root1;
    inner = 0.5 * (inner + inner.transpose());
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> e2(inner, Eigen::EigenvaluesOnly);
    const double trRoot = e2.eigenvalues().cwiseMax(0.0).cwiseSqrt().sum();
    return (a.mean - b.mean).squaredNorm() + a.covariance.trace() + b.covariance.trace() -
           2.0 * trRoot;
}

}  // namespace as::generator
