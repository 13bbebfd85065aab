#include "generator/GeneratorViewSettings.h"

#include "core/ParamKeysImpl.h"

namespace as {

template <>
const ParamTable<generator::GeneratorViewSettings>&
ParamKeys<generator::GeneratorViewSettings>::table() {
    using S = generator::GeneratorViewSettings;
    static const ParamTable<S> t = [] {
        ParamTable<S> t;
        t.add<&S::perClass>({.key = "per_class",
                             .label = "Images per class",
                             .defaultValue = 24,
                             .min = 1,
                             .max = 1000,
                             .integer = true,
                             .tooltip = "Gallery images drawn per class (More adds as many)."});
        t.add<&S::seed>({.key = "seed",
                         .label = "Gallery seed",
                         .defaultValue = 1,
                         .min = 0,
                         .max = 4294967295.0,
                         .integer = true,
                         .tooltip = "Seed of the gallery's Gaussian draws: the same seed gives "
                                    "the same images."});
        t.add<&S::centre>(
            {.key = "centre",
             .label = "Centre",
             .defaultValue = 0,
             .choices = {"attractor", "mean"},
             .tooltip = "Sample N(xbar_l, Sigma_T^l) about the attractor (eq 22), or about the "
                        "sample mean of x(T) with its own covariance."});
        t.add<&S::exportScale>({.key = "export_scale",
                                .label = "PNG scale",
                                .unit = "x",
                                .defaultValue = 4,
                                .min = 1,
                                .max = 16,
                                .integer = true,
                                .tooltip = "Magnification of the exported PNG images."});
        t.add<&S::filmEvery>({.key = "film_every",
                              .label = "Filmstrip every",
                              .unit = "steps",
                              .defaultValue = 10,
                              .min = 1,
                              .max = 100,
                              .integer = true,
                              .tooltip = "Reconstruct: decode the latent state every k-th "
                                         "Euler–Maruyama step."});
        t.add<&S::langevinSteps>({.key = "langevin_steps",
                                  .label = "Langevin steps",
                                  .defaultValue = 300,
                                  .min = 10,
                                  .max = 100000,
                                  .integer = true,
                                  .tooltip = "Length of the Langevin chain in steps of dt."});
        t.add<&S::langevinEvery>({.key = "langevin_every",
                                  .label = "Langevin: decode every",
                                  .unit = "steps",
                                  .defaultValue = 10,
                                  .min = 1,
                                  .max = 1000,
                                  .integer = true,
                                  .tooltip = "Decode every k-th state of the chain."});
        t.add<&S::langevinSeed>({.key = "langevin_seed",
                                 .label = "Langevin seed",
                                 .defaultValue = 1,
                                 .min = 0,
                                 .max = 4294967295.0,
                                 .integer = true,
                                 .tooltip = "Seed of the chain's noise."});
        t.add<&S::interpSteps>({.key = "interp_steps",
                                .label = "Interpolation images",
                                .defaultValue = 10,
                                .min = 2,
                                .max = 64,
                                .integer = true,
                                .tooltip = "Images along an interpolation or a traversal."});
        t.add<&S::traverseRange>({.key = "traverse_range",
                                  .label = "Traversal range",
                                  .unit = "sd",
                                  .defaultValue = 2.5,
                                  .min = 0.1,
                                  .max = 6,
                                  .step = 0.1,
                                  .decimals = 2,
                                  .tooltip = "A traversal runs from -range to +range standard "
                                             "deviations along the principal axis."});
        return t;
    }();
    return t;
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
