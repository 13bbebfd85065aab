#include "sde/TrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"

namespace as::sde {}  // namespace as::sde

namespace as {

template <>
const ParamTable<sde::TrainParams>& ParamKeys<sde::TrainParams>::table() {
    static const ParamTable<sde::TrainParams> t = [] {
        ParamTable<sde::TrainParams> t;
        t.add<&sde::TrainParams::batch>(batchSpec(128, "Items per mini-batch."));
        t.add<&sde::TrainParams::learningRate>(
            learningRateSpec(1e-3, "Adam step size for Atilde."));
        t.add<&sde::TrainParams::epochs>(epochsSpec(10, 100000, "Passes over the training set."));
        t.add<&sde::TrainParams::maxIterations>(maxIterationsSpec());
        t.add<&sde::TrainParams::trainG>(
            {.key = "train_g",
             .label = "Train G",
             .defaultValue = 0,
             .choices = {"off", "on"},
             .tooltip =
                 "Also train the noise matrix G (from G = I), with the alpha / sum|G| term."});
        t.add<&sde::TrainParams::alpha>({.key = "alpha",
                                         .label = "alpha",
                                         .defaultValue = 1,
                                         .min = 0,
                                         .max = 1e6,
                                         .step = 0.1,
                                         .decimals = 4,
                                         .tooltip = "Weight of the alpha / sum_ij |G_ij| term that "
                                                    "keeps G from vanishing (train_g only)."});
        ParamSpec gLearningRate = learningRateSpec(1e-3, "Adam step size for G.");
        gLearningRate.key = "g_lr";
        gLearningRate.label = "G learning rate";
        t.add<&sde::TrainParams::gLearningRate>(gLearningRate);
        t.add<&sde::TrainParams::clip>(
            {.key = "clip",
             .label = "Gradient clip",
             .defaultValue = 0,
             .min = 0,
             .max = 1e6,
             .step = 0.1,
             .decimals = 3,
             .tooltip = "Scale each gradient down to this L2 norm before Adam; 0: off."});
        t.add<&sde::TrainParams::evalEvery>(
            {.key = "eval_every",
             .label = "Validate every",
             .unit = "iterations",
             .defaultValue = 100,
             .min = 0,
             .max = 1e6,
             .step = 10,
             .integer = true,
             .tooltip = "Validation accuracy every this many mini-batches; 0: at the end only."});
        t.add<&sde::TrainParams::validationCount>(
            {.key = "validation_count",
             .label = "Validation items",
             .defaultValue = 1000,
             .min = 0,
             .max = 1e7,
             .step = 100,
             .integer = true,
             .tooltip = "Validation uses the first this many items; 0: all."});
        t.add<&sde::TrainParams::seed>(
            seedSpec("Seed", "Seed of the mini-batch shuffling and of the training noise."));
        t.add<&sde::TrainParams::checkpointEvery>(checkpointEverySpec(ParamSpec::kInf));
        t.add<&sde::TrainParams::shift>(
            {.key = "shift",
             .label = "Shift augmentation",
             .unit = "pixels",
             .defaultValue = 0,
             .min = 0,
             .max = 4,
             .integer = true,
             .tooltip =
                 "Move each training image by a random whole-pixel offset in [-shift, shift] in x "
                 "and y (zero fill), drawn per item and iteration; 0: off. Square images only."});
        return t;
    }();
    return t;
}

template struct ParamKeys<sde::TrainParams>;

}  // namespace as

namespace as::sde {

void TrainParams::check() const {
    table().checkRanges(*this);
}

}  // namespace as::sde
