#include "generator/GeneratorTrainSettings.h"

#include <cmath>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"

namespace as {

template <>
void ParamKeys<generator::GeneratorTrainSettings>::describe(
    ParamTable<generator::GeneratorTrainSettings>& t) {
    using S = generator::GeneratorTrainSettings;
    t.add<&S::digits>(choiceSpec("digits", "Digits", 0, {"0-2", "0-9"},
                                 "Train on the digits 0, 1, 2 (C = 3 attractors) or on all "
                                 "ten (C = 10)."));
    t.add<&S::latentDim>(integerSpec("latent_dim", "Latent dimension d", "", 20, 3, 128, 1,
                                     "Nodes of the latent SDE; must be >= the classes."));
    t.add<&S::eps>(realSpec("eps", "Noise ε", "", 0.05, 0, 2, 0.01, 3,
                            "Strength of the latent noise ε G η (G = I)."));
    t.add<&S::horizon>(realSpec("horizon", "Horizon T", "", 3, 0.3, 30, 0.3, 2,
                                "Latent time x(0) -> x(T), in steps of dt = 0.03."));
    t.add<&S::wConv>(lossWeightSpec("w_conv", "Weight: convergence", 0.1,
                                    "Weight of the attractor-convergence term (eq 21); 0.1 as "
                                    "the shipped models were trained (the engine's default is "
                                    "1)."));
    t.add<&S::wRec>(lossWeightSpec("w_rec", "Weight: reconstruction", 1,
                                   "Weight of the reconstruction term (eq 21)."));
    t.add<&S::wCentroid>(lossWeightSpec("w_centroid", "Weight: centroid", 1,
                                        "Weight of the centroid-consistency term (eq 21)."));
    t.add<&S::epochs>(epochsSpec(3, 1000, "Passes over the training images."));
    t.add<&S::batch>(batchSpec(128, "Images per mini-batch."));
    t.add<&S::learningRate>(learningRateSpec(1e-3, "Adam step size."));
    t.add<&S::trainCount>(integerSpec("train_count", "Training images", "", 6000, 0, 60000, 1000,
                                      "The first N training images of the digits (0: all)."));
    t.add<&S::seed>(
        seedSpec("Seed", "Seed of the weights, the batch order and the noise.", 4294967295.0));
}

template struct ParamKeys<generator::GeneratorTrainSettings>;

}  // namespace as

namespace as::generator {

std::vector<int> GeneratorTrainSettings::digitList() const {
    return digits == 0 ? std::vector<int>{0, 1, 2} : std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

GeneratorParams GeneratorTrainSettings::model() const {
    GeneratorParams p;
    p.latentDim = latentDim;
    p.initSeed = seed;
    p.latent.eps = eps;
    p.latent.steps = std::max(1, int(std::lround(horizon / p.latent.dt)));
    return p;
}

GeneratorTrainParams GeneratorTrainSettings::training() const {
    GeneratorTrainParams tp;
    copySharedKeys(tp, *this);  // batch, lr, epochs, w_conv, w_rec, w_centroid, seed
    return tp;
}

void GeneratorTrainSettings::check() const {
    table().checkRanges(*this);
    model().check(int(digitList().size()));
    training().check();
}

}  // namespace as::generator
