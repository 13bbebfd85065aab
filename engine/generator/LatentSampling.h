#pragma once
// Generation in the latent space (seed 002 §VI.1, Figs. 10 and 13): Gaussian samples
// N(centre_l, Sigma_l) of a class's latent statistics (LatentStats.h; the paper's N(xbar_l,
// Sigma_T^l) by default, or the sample mean with its own covariance), straight-line
// interpolation between two latent points, and traversal along a principal axis of Sigma_l. The
// square root of Sigma is V sqrt(max(Lambda, 0)) from a symmetric eigendecomposition, so a
// covariance that rounding left slightly indefinite still samples. Normals are counter-based
// (sde/GaussianNoise.h): sample k of a seed is the same whatever the count asked for.
#include <Eigen/Core>
#include <cstdint>

#include "generator/LatentStats.h"

namespace as::generator {

/// Principal axes of a symmetric matrix: eigenvalues descending, eigenvectors as columns.
struct PrincipalAxes {
    Eigen::VectorXd variances;
    Eigen::MatrixXd axes;
};
PrincipalAxes principalAxes(const Eigen::MatrixXd& covariance);

/// count samples (d x count) of N(s.centre(c), s.covariance(c)); sample k uses the normals of
/// (seed, stream, first + k). stream separates classes drawn with one seed.
Eigen::MatrixXf sampleGaussian(const ClassStats& s, LatentCentre c, int count, std::uint64_t seed,
                               std::uint64_t stream, long first = 0);

/// steps points from a to b inclusive (steps >= 2), as columns.
Eigen::MatrixXf interpolate(const Eigen::VectorXf& a, const Eigen::VectorXf& b, int steps);

/// steps points centre + t sqrt(variance_k) axis_k, t evenly from -range to +range (in standard
/// deviations), for principal axis k of the class covariance. Throws std::out_of_range for a bad k.
Eigen::MatrixXf traverse(const ClassStats& s, LatentCentre c, int axis, int steps, double range);

}  // namespace as::generator
