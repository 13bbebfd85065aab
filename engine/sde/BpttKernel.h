#pragma once
// The loss of eq 18 and its gradient by backpropagation through the unrolled Euler–Maruyama steps,
// for one batch, in float (training) or double (the finite-difference tests). BpttTrainer wraps it.
//
// Forward (t = 0 .. T-1), x_0 the images:
//   x_{t+1} = (1 - dt r) x_t + dt A g(x_t) + s G eta_t,      s = sqrt(dt) eps
// Backward, delta_t = dL/dx_t, delta_T = (2/B) (x_T - xbar_label):
//   delta_t = (1 - dt r) delta_{t+1} + dt g'(x_t) .* (A^T delta_{t+1})
//   dL/dA = dt sum_t delta_{t+1} g(x_t)^T,   dL/dG = s sum_t delta_{t+1} eta_t^T
// g(x_t) and g'(x_t) of all steps are kept as N x (B T) matrices; the backward pass overwrites
// g'(x_t) with delta_{t+1}, so both sums are single large matrix products at the end.
#include <Eigen/Core>
#include <cstdint>

#include "sde/AttractorSet.h"
#include "sde/SdeParams.h"

namespace as::sde {

template <class S>
using MatS = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

/// Reused storage (about 2 N B T scalars, twice that with a trained G).
template <class S>
struct BpttBuffers {
    MatS<S> g, slope;              ///< N x (B T): g(x_t), then g'(x_t) overwritten by delta_{t+1}
    MatS<S> eta, geta;             ///< N x (B T): the noise and G eta (trained G only)
    MatS<S> x, drive, delta, avg;  ///< N x B
};

template <class S>
struct BpttProblem {
    const SdeParams* params = nullptr;
    const AttractorSet* attractors = nullptr;
    const MatS<S>* A = nullptr;  ///< the assembled coupling (N x N)
    const MatS<S>* G = nullptr;  ///< noise matrix (nullptr: identity)
    bool gradG = false;          ///< compute dL/dG and add alpha / sum|G| to the loss (needs G)
    double alpha = 0.0;
};

/// Returns the loss; fills dA (= dL/dA, N x N), dG if problem.gradG and dG != nullptr, and
/// predicted (nearest attractor to the late-time average) if given. A non-finite loss is returned
/// as is (the gradients are then meaningless).
template <class S>
double bpttLossAndGradient(const BpttProblem<S>& problem, const MatS<S>& x0,
                           const Eigen::VectorXi& labels, std::uint64_t noiseSeed, MatS<S>& dA,
                           MatS<S>* dG, BpttBuffers<S>& buf, Eigen::VectorXi* predicted = nullptr);

/// The two halves for a loss of the caller's (the generator's latent SDE, engine/generator):
/// bpttForward integrates x0 (N x B) with the noise of noiseSeed, keeping every step, and leaves
/// x(T) in buf.x; bpttBackward then takes dL/dx(T) (N x B) and returns dL/dA, dL/dG (with the
/// alpha term, if problem.gradG and dG != nullptr) and, if dx0 != nullptr, dL/dx(0) (the
/// reparametrisation trick: the noise of the forward pass is held fixed). labels are not used.
template <class S>
void bpttForward(const BpttProblem<S>& problem, const MatS<S>& x0, std::uint64_t noiseSeed,
                 BpttBuffers<S>& buf);
template <class S>
void bpttBackward(const BpttProblem<S>& problem, const MatS<S>& dxT, BpttBuffers<S>& buf,
                  MatS<S>& dA, MatS<S>* dG, MatS<S>* dx0);

/// Forward pass only (the same arithmetic): the loss, and predicted if given.
template <class S>
double bpttLoss(const BpttProblem<S>& problem, const MatS<S>& x0, const Eigen::VectorXi& labels,
                std::uint64_t noiseSeed, BpttBuffers<S>& buf, Eigen::VectorXi* predicted = nullptr);

}  // namespace as::sde
