#pragma once
// Hyper-parameters of the BPTT training of the SDE classifier (seed 002 §IV; docs/models/
// sde-classifier.md), described once for the CLI's --set and the GUI's training form.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as::sde {

struct TrainParams : ParamKeys<TrainParams> {
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (TrainParams.cpp); check() enforces them and the rules between members.
    int batch = 128;             ///< items per mini-batch. Default 128, [1, 4096]
    double learningRate = 1e-3;  ///< Adam step size for Atilde. Default 1e-3, (0, 1]
    int epochs = 10;             ///< passes over the training set. Default 10, [1, 100000]
    long maxIterations = 0;      ///< stop after this many iterations (0: run all epochs). [0, 1e9]
    bool trainG = false;         ///< also train the noise matrix G (initialised to I). Default off
    double alpha =
        1.0;  ///< weight of the alpha / sum_ij |G_ij| term (trainG only). Default 1, [0, 1e6]
    double gLearningRate = 1e-3;  ///< Adam step size for G. Default 1e-3, (0, 1]
    double clip = 0.0;  ///< global gradient-norm clip per matrix (0: off). Default 0, [0, 1e6]
    int evalEvery =
        100;  ///< validation accuracy every this many iterations (0: end only). [0, 1e6]
    int validationCount = 1000;  ///< validation items evaluated (the first ones; 0: all). [0, 1e7]
    std::uint64_t seed = 1;      ///< seed of the batch shuffling and the training noise. Default 1
    std::string checkpointPath;  ///< checkpoint file (empty: none); not in the parameter table
    int checkpointEvery =
        0;          ///< write a checkpoint every this many iterations (0: never). [0, 1e9]
    int shift = 0;  ///< augmentation: each training image moved by up to this many pixels
                    ///< in x and y (zero fill), per item and iteration. Default 0 (off), [0, 4]

    /// Throws ParamError (std::invalid_argument) naming the violated rule.
    void check() const;
};

}  // namespace as::sde
