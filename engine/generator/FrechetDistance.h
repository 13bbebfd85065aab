#pragma once
// The Frechet distance between two Gaussians fitted to feature sets (Heusel et al. 2017's FID
// formula, here in the feature space of the project's MNIST classifier, FeatureClassifier.h):
//   FD = |mu1 - mu2|^2 + tr S1 + tr S2 - 2 tr (S1^1/2 S2 S1^1/2)^1/2.
// S1^1/2 by a symmetric eigendecomposition; the trace of the inner square root is the sum of the
// square roots of the eigenvalues of the symmetric S1^1/2 S2 S1^1/2, negatives (rounding) clamped
// to 0. Double precision throughout.
#include <Eigen/Core>

namespace as::generator {

struct GaussianMoments {
    Eigen::VectorXd mean;
    Eigen::MatrixXd covariance;  ///< 1/(n - 1)
    long count = 0;
};

/// Mean and covariance of the columns of x (features x n, n >= 2; throws std::invalid_argument).
GaussianMoments moments(const Eigen::MatrixXf& x);
/// FD of the two Gaussians (throws std::invalid_argument on a dimension mismatch).
double frechetDistance(const GaussianMoments& a, const GaussianMoments& b);

}  // namespace as::generator
