#pragma once
// The descriptions of the parameters every trainer shares (mini-batch, Adam's step size, epochs,
// iteration cap, checkpoints, loss weights), so the SDE, surrogate and generator tables state only
// what differs: the default, the upper end and the tooltip.
#include <string>
#include <utility>

#include "core/ParamSpec.h"
#include "core/SpecKinds.h"

namespace as {

/// A whole number in [1, max]: a count of items or of passes.
inline ParamSpec countSpec(std::string key, std::string label, double defaultValue, double max,
                           std::string tooltip) {
    return integerSpec(std::move(key), std::move(label), "", defaultValue, 1, max, 1,
                       std::move(tooltip));
}

/// Mini-batch size: [1, max].
inline ParamSpec batchSpec(double defaultValue, std::string tooltip, double max = 4096) {
    return countSpec("batch", "Batch size", defaultValue, max, std::move(tooltip));
}

/// Adam's step size: (0, 1]; the form goes down to formMin.
inline ParamSpec learningRateSpec(double defaultValue, std::string tooltip, double step = 1e-4,
                                  int decimals = 6, double formMin = 1e-7) {
    ParamSpec s = openBelow(realSpec("lr", "Learning rate", "", defaultValue, 0, 1, step, decimals,
                                     std::move(tooltip)));
    s.formMin = formMin;
    return s;
}

/// Passes over the training set: [1, max].
inline ParamSpec epochsSpec(double defaultValue, double max, std::string tooltip) {
    return countSpec("epochs", "Epochs", defaultValue, max, std::move(tooltip));
}

/// A cap on the mini-batches of a run: [0, 1e9], 0 runs all epochs.
inline ParamSpec maxIterationsSpec() {
    return integerSpec("max_iterations", "Max iterations", "", 0, 0, 1e9, 100,
                       "Stop after this many mini-batches; 0 runs all epochs.");
}

/// Mini-batches between checkpoints: [0, max] (0: never); the form goes up to 1e9.
inline ParamSpec checkpointEverySpec(double max) {
    ParamSpec s = integerSpec("checkpoint_every", "Checkpoint every", "iterations", 0, 0, max, 100,
                              "Write a checkpoint every this many mini-batches (needs a "
                              "checkpoint path); 0: never.");
    s.formMax = 1e9;
    return s;
}

/// The weight of one term of a loss: [0, 1e6].
inline ParamSpec lossWeightSpec(std::string key, std::string label, double defaultValue,
                                std::string tooltip) {
    return realSpec(std::move(key), std::move(label), "", defaultValue, 0, 1e6, 0.1, 3,
                    std::move(tooltip));
}

}  // namespace as
