#pragma once
// The linear noise approximation around the planted attractors (seed 002 §IV, eq 12–17, 19;
// Appendix B). Near x_l write x = x_l + eps xi; to leading order
//   d xi = J xi dt + G dW,    J = Jacobian of the drift at x_l (sde/Jacobian.h),
// whose stationary covariance Sigma_xi solves J Sigma_xi + Sigma_xi J^T + G G^T = 0 (the paper's
// D = G G^T is the diffusion of xi, not of x). The covariance of the state x itself is therefore
//   Sigma_l = eps^2 Sigma_xi,  i.e.  J Sigma_l + Sigma_l J^T + eps^2 G G^T = 0,
// which is what late-time samples of the integrated model measure. G is the identity or a trained
// G.
//
// The Mahalanobis separation (eq 19) Delta_lm = (x_l - x_m)^T Sigma_l^{-1} (x_l - x_m) uses an LDLT
// solve, never an explicit inverse. With eps = 0 the state covariance vanishes; the Mahalanobis
// matrix then uses the noise *shape* Sigma_xi (eps = 1), and says so (MahalanobisResult::unitEps).
// Delta scales as 1 / eps^2, so the shape result divided by eps^2 is the result at any eps.
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sde/AttractorSet.h"
#include "sde/Jacobian.h"
#include "sde/LyapunovSolver.h"

namespace as::sde {

/// The analysis at one planted attractor.
struct AttractorNoise {
    int attractor = 0;
    Spectrum spectrum;           ///< of the Jacobian at x_l
    LyapunovResult shape;        ///< Sigma_xi: J S + S J^T + G G^T = 0 (eps = 1)
    Eigen::MatrixXd covariance;  ///< Sigma_l = eps^2 Sigma_xi (empty when shape is not solved)
};

struct MahalanobisResult {
    Eigen::MatrixXd
        delta;  ///< C x C, Delta_lm (row l uses Sigma_l); NaN where Sigma_l is missing or singular
    bool unitEps = false;  ///< eps = 0: the noise shape (eps = 1) was used
    std::string note;      ///< what was substituted or could not be computed (empty if nothing)
};

/// Late-time samples of the integrated stochastic model started at x_l.
struct EmpiricalOptions {
    double dt = 0.01;  ///< Euler–Maruyama step; the sampled covariance is biased by O(dt |J|)
    double burnTime = 10.0;  ///< model time discarded before sampling (covariance builds up from 0)
    int sampleEvery = 10;    ///< steps between samples
    int samples = 200;       ///< samples per trajectory
    int trajectories = 64;   ///< independent trajectories integrated as one N x B batch
    std::uint64_t seed = 1;
};

struct EmpiricalCovariance {
    Eigen::MatrixXd covariance;  ///< about the sample mean (N x N)
    Eigen::VectorXd mean;
    long samples = 0;       ///< trajectories x samples
    bool diverged = false;  ///< a state became non-finite (covariance then empty)
};

class LinearNoise {
  public:
    /// A: the coupling (N x N); set: the planted points and f, g; G: N x N, or empty for the
    /// identity; eps >= 0. Throws std::invalid_argument on sizes or a negative/non-finite eps.
    LinearNoise(Eigen::MatrixXd A, std::shared_ptr<const AttractorSet> set, Eigen::MatrixXd G,
                double eps);

    int n() const { return int(A_.rows()); }
    int classes() const { return set_->classes(); }
    double eps() const { return eps_; }
    /// G G^T (the identity when G is).
    const Eigen::MatrixXd& diffusion() const { return D_; }

    /// Jacobian, spectrum and covariance at attractor l (throws std::out_of_range for a bad l).
    AttractorNoise analyse(int l) const;

    /// The exact stationary covariance of the Euler–Maruyama map linearised at x_l,
    ///   S = M S M^T + dt eps^2 G G^T,   M = I + dt J   (a Stein equation),
    /// which is what empirical() estimates at step dt (the continuous Sigma_l is its dt -> 0
    /// limit). Solved as the continuous Lyapunov equation of the Cayley transform
    ///   Jc = dt J (2 I + dt J)^{-1},  Qc = 2 dt eps^2 B^{-1} G G^T B^{-T},  B = 2 I + dt J.
    /// Not solved (message) when some |eigenvalue of M| >= 1. Throws std::invalid_argument for dt
    /// <= 0.
    LyapunovResult eulerCovariance(int l, double dt) const;

    /// Late-time empirical covariance of the stochastic model started at x_l (eps > 0 needed;
    /// throws std::invalid_argument for eps = 0 or bad options).
    EmpiricalCovariance empirical(int l, const EmpiricalOptions& options) const;

    /// eq 19 for all pairs; covariances[l] may be empty (that row is NaN). Uses the state
    /// covariances eps^2 Sigma_xi when eps > 0, the shapes Sigma_xi otherwise.
    MahalanobisResult mahalanobis(const std::vector<AttractorNoise>& analyses) const;
    /// eq 19 for given points (N x C) and covariances (one per column; empty = missing).
    static MahalanobisResult mahalanobis(const Eigen::MatrixXd& points,
                                         const std::vector<Eigen::MatrixXd>& covariances);

    /// Appendix B: the isotropic strength with the same total noise, sqrt(Tr(G G^T) / N).
    static double effectiveEps(const Eigen::MatrixXd& G);
    /// |a - b|_F / |b|_F.
    static double relativeDifference(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);

  private:
    Eigen::MatrixXd A_, G_, D_;
    std::shared_ptr<const AttractorSet> set_;
    double eps_ = 0.0;
};

}  // namespace as::sde
