#pragma once
// Architecture of the generator lab (seed 002 §VI.1; docs/models/generator.md): encoder MLP
// input -> hidden -> d (ReLU, linear output), the latent CVFR SDE (its own SdeParams: c, beta,
// lambda, r, dt, steps, eps, pattern; n = d and classes = C are set from here), decoder MLP
// d_in -> hidden -> input (ReLU, sigmoid output) reading the first d_in = decoder_inputs latent
// components (0: all d; 3 is the paper's Fig. 8 view). Described once (ParamSpec) for --set,
// --list-params, the GUI form and the model file.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"
#include "sde/SdeParams.h"

namespace as::generator {

struct GeneratorParams : ParamKeys<GeneratorParams> {
    int latentDim = 20;  ///< d, the latent dimension = the SDE's nodes. Default 20, [2, 512]
    int hidden = 400;    ///< hidden units of the encoder and of the decoder. Default 400, [4, 4096]
    int decoderInputs = 0;       ///< latent components the decoder reads (0: all d). [0, d]
    std::uint64_t initSeed = 1;  ///< seed of the initial encoder and decoder weights

    /// The latent SDE's parameters apart from n and classes (set by latentParams()). Defaults of
    /// §VI: dt = 0.03, 100 steps (T = 3), G = I, eps = 0.05 (the paper does not give its value).
    sde::SdeParams latent = defaultLatent();

    /// latent with n = latentDim, classes = C and average_steps clamped to steps.
    sde::SdeParams latentParams(int classes) const;
    int decoderWidth() const { return decoderInputs > 0 ? decoderInputs : latentDim; }

    /// Throws ParamError (std::invalid_argument) naming the violated rule (also latentParams(C)'s).
    void check(int classes) const;
    static sde::SdeParams defaultLatent();
};

}  // namespace as::generator
