#pragma once
// The descriptions of the parameters every trainer shares (mini-batch, Adam's step size, epochs,
// iteration cap, checkpoints, loss weights), so the SDE, surrogate and generator tables state only
// what differs: the default, the upper end and the tooltip.
#include <string>
#include <utility>

#include "core/ParamSpec.h"

namespace as {

/// A whole number in [1, max]: a count of items or of passes.
inline ParamSpec countSpec(std::string key, std::string label, double defaultValue, double max,
                           std::string tooltip) {
    return {.key = std::move(key),
            .label = std::move(label),
            .defaultValue = defaultValue,
            .min = 1,
            .max = max,
            .integer = true,
            .tooltip = std::move(tooltip)};
}

/// Mini-batch size: [1, max].
inline ParamSpec batchSpec(double defaultValue, std::string tooltip, double max = 4096) {
    return countSpec("batch", "Batch size", defaultValue, max, std::move(tooltip));
}

/// Adam's step size: (0, 1]; the form goes down to formMin.
inline ParamSpec learningRateSpec(double defaultValue, std::string tooltip, double step = 1e-4,
                                  int decimals = 6, double formMin = 1e-7) {
    return {.key = "lr",
            .label = "Learning rate",
            .defaultValue = defaultValue,
            .min = 0,
            .max = 1,
            .minOpen = true,
            .step = step,
            .decimals = decimals,
            .tooltip = std::move(tooltip),
            .formMin = formMin};
}

/// Passes over the training set: [1, max].
inline ParamSpec epochsSpec(double defaultValue, double max, std::string tooltip) {
    return countSpec("epochs", "Epochs", defaultValue, max, std::move(tooltip));
}

/// A cap on the mini-batches of a run: [0, 1e9], 0 runs all epochs.
inline ParamSpec maxIterationsSpec() {
    return {.key = "max_iterations",
            .label = "Max iterations",
            .defaultValue = 0,
            .min = 0,
            .max = 1e9,
            .step = 100,
            .integer = true,
            .tooltip = "Stop after this many mini-batches; 0 runs all epochs."};
}

/// Mini-batches between checkpoints: [0, max] (0: never); the form goes up to 1e9.
inline ParamSpec checkpointEverySpec(double max) {
    return {.key = "checkpoint_every",
            .label = "Checkpoint every",
            .unit = "iterations",
            .defaultValue = 0,
            .min = 0,
            .max = max,
            .step = 100,
            .integer = true,
            .tooltip =
                "Write a checkpoint every this many mini-batches (needs a checkpoint path); "
                "0: never.",
            .formMax = 1e9};
}

/// The weight of one term of a loss: [0, 1e6].
inline ParamSpec lossWeightSpec(std::string key, std::string label, double defaultValue,
                                std::string tooltip) {
    return {.key = std::move(key),
            .label = std::move(label),
            .defaultValue = defaultValue,
            .min = 0,
            .max = 1e6,
            .step = 0.1,
            .decimals = 3,
            .tooltip = std::move(tooltip)};
}

}  // namespace as
