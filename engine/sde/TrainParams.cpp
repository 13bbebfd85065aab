#include "sde/TrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"

namespace as::sde {}  // namespace as::sde

namespace as {

template <>
const ParamTable<sde::TrainParams>& ParamKeys<sde::TrainParams>::table() {
    static const ParamTable<sde::TrainParams> t = [] {
        ParamTable<sde::TrainParams> t;
        // Adam step sizes: (0, 1].
        auto stepSize = [](ParamSpec s) {
            s.min = 0;
            s.max = 1;
            s.minOpen = true;
            s.step = 1e-4;
            s.decimals = 6;
            s.formMin = 1e-7;
            return s;
        };
        t.add<&sde::TrainParams::batch>({.key = "batch",
                                         .label = "Batch size",
                                         .defaultValue = 128,
                                         .min = 1,
                                         .max = 4096,
                                         .integer = true,
                                         .tooltip = "Items per mini-batch."});
        t.add<&sde::TrainParams::learningRate>(stepSize({.key = "lr",
                                                         .label = "Learning rate",
                                                         .defaultValue = 1e-3,
                                                         .tooltip = "Adam step size for Atilde."}));
        t.add<&sde::TrainParams::epochs>({.key = "epochs",
                                          .label = "Epochs",
                                          .defaultValue = 10,
                                          .min = 1,
                                          .max = 100000,
                                          .integer = true,
                                          .tooltip = "Passes over the training set."});
        t.add<&sde::TrainParams::maxIterations>(
            {.key = "max_iterations",
             .label = "Max iterations",
             .defaultValue = 0,
             .min = 0,
             .max = 1e9,
             .step = 100,
             .integer = true,
             .tooltip = "Stop after this many mini-batches; 0 runs all epochs."});
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
        t.add<&sde::TrainParams::gLearningRate>(stepSize({.key = "g_lr",
                                                          .label = "G learning rate",
                                                          .defaultValue = 1e-3,
                                                          .tooltip = "Adam step size for G."}));
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
        t.add<&sde::TrainParams::checkpointEvery>(
            {.key = "checkpoint_every",
             .label = "Checkpoint every",
             .unit = "iterations",
             .defaultValue = 0,
             .min = 0,
             .max = ParamSpec::kInf,
             .step = 100,
             .integer = true,
             .tooltip = "Write a checkpoint every this many mini-batches (needs a checkpoint "
                        "path); 0: never.",
             .formMax = 1e9});
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
