#pragma once
// One mini-batch of the generator (seed 002 §VI.1): forward X -> E -> x(0) -> stochastic CVFR to T
// (sde::bpttForward, noise fixed by its seed: the reparametrisation trick) -> x(T) -> D -> Xhat,
// the three loss terms of eq 21 (GeneratorTrainParams.h), and, if asked, the gradient of the
// weighted loss by backpropagation: D, then through the unrolled Euler–Maruyama steps
// (sde::bpttBackward, which also returns dL/dx(0)), then E. With a second CVFR (§VI.2) the decoder
// reads its state y(T') and the reconstruction gradient flows back through it to x(T) first.
// Float for training, double for the finite-difference tests; GeneratorTrainer wraps it.
#include <Eigen/Core>
#include <cstdint>

#include "generator/Mlp.h"
#include "sde/AttractorSet.h"
#include "sde/BpttKernel.h"
#include "sde/SdeParams.h"

namespace as::generator {

/// The loss terms of one batch (unweighted) and their weighted sum.
struct LossTerms {
    double total = 0.0, conv = 0.0, rec = 0.0, centroid = 0.0;
};

template <class S>
struct GeneratorProblem {
    const sde::SdeParams* latent = nullptr;  ///< n = d, classes = C
    const sde::AttractorSet* attractors = nullptr;
    const MatS<S>* A = nullptr;              ///< the assembled latent coupling (d x d)
    const MlpWeights<S>* encoder = nullptr;  ///< D -> d
    const MlpWeights<S>* decoder = nullptr;  ///< d_in -> D
    double wConv = 1.0, wRec = 1.0, wCentroid = 1.0;
    /// §VI.2, the fully dynamical generator: a second CVFR (r = 0, its own coupling A2, noise
    /// keyed by stage2Seed(noiseSeed)) carries x(T) on to y(T'), which the decoder reads instead
    /// of x(T). nullptr: the §VI.1 model.
    const sde::SdeParams* stage2 = nullptr;
    const MatS<S>* A2 = nullptr;
    /// false: the encoder and decoder are frozen (pretrained); their gradients are not computed
    /// (grad->encoder and grad->decoder are left as they are).
    bool trainCoders = true;
};

/// The noise seed of the second CVFR for a batch whose first CVFR uses `seed`.
inline std::uint64_t stage2Seed(std::uint64_t seed) {
    return seed ^ 0x9E3779B97F4A7C15ULL;
}

template <class S>
struct GeneratorGradient {
    MlpWeights<S> encoder, decoder;
    MatS<S> dA;   ///< dL/dA (pull back to Atilde with AttractorSet::pullBack)
    MatS<S> dA2;  ///< dL/dA2 of the second CVFR (problem.stage2 only)
};

/// Reused storage.
template <class S>
struct GeneratorBuffers {
    MlpCache<S> enc, dec;
    sde::BpttBuffers<S> sde, sde2;
    MatS<S> dxT, dx0, dOut, dDecIn, dyT, dxT2;
};

/// Loss terms of the batch X (D x B, pixels in [0, 1]) with labels (class indices in [0, C)); fills
/// grad if not nullptr. Throws std::invalid_argument on shapes or labels.
template <class S>
LossTerms generatorLossAndGradient(const GeneratorProblem<S>& problem, const MatS<S>& X,
                                   const Eigen::VectorXi& labels, std::uint64_t noiseSeed,
                                   GeneratorBuffers<S>& buf, GeneratorGradient<S>* grad);

}  // namespace as::generator
