#pragma once
// One mini-batch of the generator (seed 002 §VI.1): forward X -> E -> x(0) -> stochastic CVFR to T
// (sde::bpttForward, noise fixed by its seed: the reparametrisation trick) -> x(T) -> D -> Xhat,
// the three loss terms of eq 21 (GeneratorTrainParams.h), and, if asked, the gradient of the
// weighted loss by backpropagation: D, then through the unrolled Euler–Maruyama steps
// (sde::bpttBackward, which also returns dL/dx(0)), then E. Float for training, double for the
// finite-difference tests; GeneratorTrainer wraps it.
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
};

template <class S>
struct GeneratorGradient {
    MlpWeights<S> encoder, decoder;
    MatS<S> dA;  ///< dL/dA (pull back to Atilde with AttractorSet::pullBack)
};

/// Reused storage.
template <class S>
struct GeneratorBuffers {
    MlpCache<S> enc, dec;
    sde::BpttBuffers<S> sde;
    MatS<S> dxT, dx0, dOut, dDecIn;
};

/// Loss terms of the batch X (D x B, pixels in [0, 1]) with labels (class indices in [0, C)); fills
/// grad if not nullptr. Throws std::invalid_argument on shapes or labels.
template <class S>
LossTerms generatorLossAndGradient(const GeneratorProblem<S>& problem, const MatS<S>& X,
                                   const Eigen::VectorXi& labels, std::uint64_t noiseSeed,
                                   GeneratorBuffers<S>& buf, GeneratorGradient<S>* grad);

}  // namespace as::generator
