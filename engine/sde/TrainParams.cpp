#include "sde/TrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"

namespace as::sde {}  // namespace as::sde

namespace as {

template <>
void ParamKeys<sde::TrainParams>::describe(ParamTable<sde::TrainParams>& t) {
    t.add<&sde::TrainParams::batch>(batchSpec(128, "Items per mini-batch."));
    t.add<&sde::TrainParams::learningRate>(learningRateSpec(1e-3, "Adam step size for Atilde."));
    t.add<&sde::TrainParams::epochs>(epochsSpec(10, 100000, "Passes over the training set."));
    t.add<&sde::TrainParams::maxIterations>(maxIterationsSpec());
    t.add<&sde::TrainParams::trainG>(
        choiceSpec("train_g", "Train G", 0, {"off", "on"},
                   "Also train the noise matrix G (from G = I), with the alpha / sum|G| term."));
    t.add<&sde::TrainParams::alpha>(realSpec("alpha", "alpha", "", 1, 0, 1e6, 0.1, 4,
                                             "Weight of the alpha / sum_ij |G_ij| term that "
                                             "keeps G from vanishing (train_g only)."));
    ParamSpec gLearningRate = learningRateSpec(1e-3, "Adam step size for G.");
    gLearningRate.key = "g_lr";
    gLearningRate.label = "G learning rate";
    t.add<&sde::TrainParams::gLearningRate>(gLearningRate);
    t.add<&sde::TrainParams::clip>(
        realSpec("clip", "Gradient clip", "", 0, 0, 1e6, 0.1, 3,
                 "Scale each gradient down to this L2 norm before Adam; 0: off."));
    t.add<&sde::TrainParams::evalEvery>(
        integerSpec("eval_every", "Validate every", "iterations", 100, 0, 1e6, 10,
                    "Validation accuracy every this many mini-batches; 0: at the end only."));
    t.add<&sde::TrainParams::validationCount>(
        integerSpec("validation_count", "Validation items", "", 1000, 0, 1e7, 100,
                    "Validation uses the first this many items; 0: all."));
    t.add<&sde::TrainParams::seed>(
        seedSpec("Seed", "Seed of the mini-batch shuffling and of the training noise."));
    t.add<&sde::TrainParams::checkpointEvery>(checkpointEverySpec(ParamSpec::kInf));
    t.add<&sde::TrainParams::shift>(integerSpec(
        "shift", "Shift augmentation", "pixels", 0, 0, 4, 1,
        "Move each training image by a random whole-pixel offset in [-shift, shift] in x "
        "and y (zero fill), drawn per item and iteration; 0: off. Square images only."));
}

template struct ParamKeys<sde::TrainParams>;

}  // namespace as

namespace as::sde {

void TrainParams::check() const {
    table().checkRanges(*this);
}

}  // namespace as::sde
