#pragma once
// Langevin sampling of a class's latent distribution (seed 002 §VI.1, Fig. 14): find a noise matrix
// G_T for which the linear noise approximation at the attractor xbar_l has the stationary
// covariance Sigma_T^l, i.e. J Sigma + Sigma J^T + G G^T = 0 with J the Jacobian of the drift at
// xbar_l (sde/Jacobian.h), then run the stochastic CVFR dx = (f(x) + A g(x)) dt + G_T dW from
// xbar_l and decode every k-th state.
//   Q = -(J Sigma + Sigma J^T);  G_T = the Cholesky factor of Q if Q is positive definite, else
//   V sqrt(max(Lambda, 0)) with Q = V Lambda V^T: the negative eigenvalues are clipped, and the
//   clipped fraction is reported. The forward Lyapunov equation is then solved with G_T G_T^T
//   (sde/LyapunovSolver.h) and its solution compared with Sigma: |S - Sigma|_F / |Sigma|_F.
// The linear-noise approximation holds only for a small Sigma: a target scale s samples
// Sigma = s^2 Sigma_T (G = s G_T). A trained Sigma_T is the spread of the x(T) of the training
// images, not a stationary covariance, and can be far wider than the attractor's basin allows
// (docs/models/generator.md, "Langevin").
#include <Eigen/Core>
#include <cstdint>
#include <string>

#include "generator/GeneratorModel.h"

namespace as::generator {

struct LangevinNoise {
    Eigen::MatrixXd J, Q, G;
    bool positiveDefinite = false;  ///< Q was (the Cholesky factor is G)
    int clippedCount = 0;           ///< negative eigenvalues of Q set to 0
    double clippedFraction = 0.0;   ///< clippedCount / d
    double clippedWeight = 0.0;     ///< sum of |clipped eigenvalues| / sum of |eigenvalues|
    bool solved = false;            ///< the forward Lyapunov equation was solved (J stable)
    double residual = 0.0;     ///< |S - Sigma|_F / |Sigma|_F, S the forward solution with G G^T
    double maxRealPart = 0.0;  ///< of J's eigenvalues
    std::string message;       ///< why not solved, or what was clipped
};

/// G_T for covariance Sigma at Jacobian J (both d x d). Throws std::invalid_argument on shapes.
LangevinNoise noiseForCovariance(const Eigen::MatrixXd& J, const Eigen::MatrixXd& sigma);

/// The same for class l of a model with statistics (centre: which Sigma of LatentStats), for the
/// target covariance scale^2 Sigma (so G = scale G_T). Throws std::invalid_argument unless scale >
/// 0 and finite.
LangevinNoise langevinNoise(const GeneratorModel& model, int l,
                            LatentCentre centre = LatentCentre::Attractor, double scale = 1.0);

/// Euler steps to discard at the start of a chain from xbar before its covariance is stationary:
/// 5 relaxation times of the slowest mode, 5 / (|max Re J| dt) (the covariance deficit is then
/// below e^-10). Throws std::invalid_argument unless J is stable (noise.maxRealPart < 0) and dt >
/// 0.
int langevinBurnIn(const LangevinNoise& noise, double dt);

/// The covariance about `centre` of the states of langevinChain (d x chains * per, chain after
/// chain), each chain's first `skip` states left out. Throws std::invalid_argument if the columns
/// do not split into `chains` equal parts or fewer than 2 states remain.
Eigen::MatrixXd chainCovariance(const Eigen::MatrixXf& states, int chains, int skip,
                                const Eigen::VectorXd& centre);

/// chains Langevin chains of `steps` Euler–Maruyama steps (the model's dt) from xbar_l with noise
/// G_T dW; returns the states after every `every` steps (d x (chains * (steps / every + 1)), chain
/// after chain, the first column of each chain xbar_l itself).
Eigen::MatrixXf langevinChain(const GeneratorModel& model, int l, const LangevinNoise& noise,
                              int steps, int every, std::uint64_t seed, int chains = 1);

}  // namespace as::generator
