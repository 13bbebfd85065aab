#pragma once
// The latent distribution at time T, per class (seed 002 eq 22): with x_i(T) the latent states of
// the N_l training images of class l and xbar_l its planted attractor,
//   Sigma_T^l = 1/(N_l - 1) sum_i (x_i(T) - xbar_l)(x_i(T) - xbar_l)^T       (about the attractor)
//   S_T^l     = 1/(N_l - 1) sum_i (x_i(T) - m_l)(x_i(T) - m_l)^T             (about the sample mean
//   m_l)
// so Sigma_T^l = S_T^l + N_l/(N_l - 1) (m_l - xbar_l)(m_l - xbar_l)^T. Both are stored, with
// |m_l - xbar_l|. Double precision.
#include <Eigen/Core>
#include <vector>

namespace as::generator {

/// Which centre (and covariance) a Gaussian of the latent distribution uses.
enum class LatentCentre { Attractor = 0, SampleMean = 1 };

struct ClassStats {
    long count = 0;                  ///< N_l
    Eigen::VectorXd attractor;       ///< xbar_l
    Eigen::VectorXd mean;            ///< m_l
    Eigen::MatrixXd aboutAttractor;  ///< Sigma_T^l (eq 22)
    Eigen::MatrixXd aboutMean;       ///< S_T^l
    double meanDistance = 0.0;       ///< |m_l - xbar_l|

    const Eigen::VectorXd& centre(LatentCentre c) const {
        return c == LatentCentre::Attractor ? attractor : mean;
    }
    const Eigen::MatrixXd& covariance(LatentCentre c) const {
        return c == LatentCentre::Attractor ? aboutAttractor : aboutMean;
    }
};

class LatentStats {
  public:
    LatentStats() = default;
    /// Estimates from states (d x M, the x(T) of M images), labels (M, in [0, C)) and the
    /// attractors (d x C). Throws std::invalid_argument on shapes, labels, or a class with fewer
    /// than 2 states.
    static LatentStats estimate(const Eigen::MatrixXf& states, const Eigen::VectorXi& labels,
                                const Eigen::MatrixXd& attractors);

    int dim() const { return perClass_.empty() ? 0 : int(perClass_.front().mean.size()); }
    int classes() const { return int(perClass_.size()); }
    const ClassStats& at(int l) const { return perClass_.at(std::size_t(l)); }
    /// Builds from stored parts (the model file); throws std::invalid_argument on inconsistent
    /// shapes.
    static LatentStats fromParts(std::vector<ClassStats> parts);

  private:
    std::vector<ClassStats> perClass_;
};

}  // namespace as::generator
