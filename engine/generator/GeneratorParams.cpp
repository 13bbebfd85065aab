#include "generator/GeneratorParams.h"

#include <algorithm>

#include "core/ParamKeysImpl.h"

namespace as {

template <>
void ParamKeys<generator::GeneratorParams>::describe(ParamTable<generator::GeneratorParams>& t) {
    using P = generator::GeneratorParams;
    t.add<&P::latentDim>(
        integerSpec("latent_dim", "Latent dimension d", "", 20, 2, 512, 1,
                    "Nodes of the latent CVFR = the encoder's output size, [2, 512]; floor(d / "
                    "C) >= 1."));
    t.add<&P::hidden>(
        integerSpec("hidden", "Hidden units", "", 400, 4, 4096, 10,
                    "Width of the one hidden layer of the encoder and of the decoder, [4, 4096]."));
    t.add<&P::decoderInputs>(
        integerSpec("decoder_inputs", "Decoder inputs", "", 0, 0, 512, 1,
                    "Latent components the decoder reads, the first ones; 0: all d (3: the "
                    "Fig. 8 view)."));
    t.add<&P::initSeed>(integerSpec("init_seed", "Initialisation seed", "", 1, 0, 4294967295.0, 1,
                                    "Seed of the initial encoder and decoder weights."));
}

template struct ParamKeys<generator::GeneratorParams>;

}  // namespace as

namespace as::generator {

sde::SdeParams GeneratorParams::defaultLatent() {
    sde::SdeParams p;
    p.n = 20;
    p.classes = 3;
    p.eps = 0.05;
    p.dt = 0.03;
    p.steps = 100;
    return p;
}

sde::SdeParams GeneratorParams::latentParams(int classes) const {
    sde::SdeParams p = latent;
    p.n = latentDim;
    p.classes = classes;
    p.noise = sde::NoiseKind::Identity;
    p.averageSteps = std::clamp(p.averageSteps, 1, std::max(1, p.steps));
    return p;
}

void GeneratorParams::check(int classes) const {
    requireRule(latentDim >= 2 && latentDim <= 512, "latent_dim must be in [2, 512]", latentDim);
    requireRule(hidden >= 4 && hidden <= 4096, "hidden must be in [4, 4096]", hidden);
    requireRule(decoderInputs >= 0 && decoderInputs <= latentDim,
                "decoder_inputs must be in [0, latent_dim]", decoderInputs);
    requireRule(classes >= 1 && classes <= latentDim,
                "the classes (digits) must number 1 .. latent_dim", classes);
    if (latent.noise != sde::NoiseKind::Identity)
        throw ParamError("the generator's latent SDE uses G = I (noise=identity)");
    latentParams(classes).check();
}

}  // namespace as::generator
