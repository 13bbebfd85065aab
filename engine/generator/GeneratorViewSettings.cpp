#include "generator/GeneratorViewSettings.h"

#include "core/ParamKeysImpl.h"

namespace as {

template <>
void ParamKeys<generator::GeneratorViewSettings>::describe(
    ParamTable<generator::GeneratorViewSettings>& t) {
    using S = generator::GeneratorViewSettings;
    t.add<&S::perClass>(integerSpec("per_class", "Images per class", "", 24, 1, 1000, 1,
                                    "Gallery images drawn per class (More adds as many)."));
    t.add<&S::seed>(integerSpec("seed", "Gallery seed", "", 1, 0, 4294967295.0, 1,
                                "Seed of the gallery's Gaussian draws: the same seed gives "
                                "the same images."));
    t.add<&S::centre>(
        choiceSpec("centre", "Centre", 0, {"attractor", "mean"},
                   "Sample N(xbar_l, Sigma_T^l) about the attractor (eq 22), or about the "
                   "sample mean of x(T) with its own covariance."));
    t.add<&S::exportScale>(integerSpec("export_scale", "PNG scale", "x", 4, 1, 16, 1,
                                       "Magnification of the exported PNG images."));
    t.add<&S::filmEvery>(integerSpec("film_every", "Filmstrip every", "steps", 10, 1, 100, 1,
                                     "Reconstruct: decode the latent state every k-th "
                                     "Euler–Maruyama step."));
    t.add<&S::langevinSteps>(integerSpec("langevin_steps", "Langevin steps", "", 300, 10, 100000, 1,
                                         "Length of the Langevin chain in steps of dt."));
    t.add<&S::langevinEvery>(integerSpec("langevin_every", "Langevin: decode every", "steps", 10, 1,
                                         1000, 1, "Decode every k-th state of the chain."));
    t.add<&S::langevinSeed>(integerSpec("langevin_seed", "Langevin seed", "", 1, 0, 4294967295.0, 1,
                                        "Seed of the chain's noise."));
    t.add<&S::langevinTargetScale>(openBelow(
        realSpec("langevin_target_scale", "Langevin target scale", "", 1, 0, 1000, 0.05, 3,
                 "s: the chain samples s^2 Sigma_T (noise s G_T). Small s keeps it in the "
                 "linear-noise regime (s <= 0.1 for gen_012.h5); at 1 chains leave the basin.")));
    t.add<&S::interpSteps>(integerSpec("interp_steps", "Interpolation images", "", 10, 2, 64, 1,
                                       "Images along an interpolation or a traversal."));
    t.add<&S::traverseRange>(realSpec("traverse_range", "Traversal range", "sd", 2.5, 0.1, 6, 0.1,
                                      2,
                                      "A traversal runs from -range to +range standard "
                                      "deviations along the principal axis."));
}

template struct ParamKeys<generator::GeneratorViewSettings>;

}  // namespace as

namespace as::generator {

void GeneratorViewSettings::check() const {
    table().checkRanges(*this);
    if (langevinEvery > langevinSteps)
        throw ParamError("langevin_every must be <= langevin_steps (got " +
                         formatNumber(langevinEvery) + ")");
    if (langevinSteps / langevinEvery > kMaxLangevinFrames)
        throw ParamError(
            "langevin_steps / langevin_every must be <= " + std::to_string(kMaxLangevinFrames) +
            " decoded states (got " + formatNumber(langevinSteps / langevinEvery) + ")");
}

}  // namespace as::generator
