#pragma once
// Training of the generator (seed 002 §VI.1, eq 21; docs/models/generator.md): Adam on mini-batches
// of the weighted loss
//   L = w_conv L_conv + w_rec L_rec + w_centroid L_centroid,
//   L_conv = 1/(B d) sum_i |x_i(T) - xbar_{y_i}|^2,   L_rec = 1/(B D) sum_i |X_i - D(x_i(T))|^2,
//   L_centroid = 1/(d C) sum_l |mean_{i: y_i = l} x_i(T) - xbar_l|^2  (classes present in the
//   batch),
// the paper's 1/N over the training set taken per mini-batch. Described once (ParamSpec).
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as::generator {

struct GeneratorTrainParams : ParamKeys<GeneratorTrainParams> {
    int batch = 128;  ///< images per mini-batch. Default 128, [1, 4096]
    double learningRate =
        1e-3;                ///< Adam step size (encoder, decoder and Atilde). Default 1e-3, (0, 1]
    int epochs = 10;         ///< passes over the training set. Default 10, [1, 100000]
    long maxIterations = 0;  ///< stop after this many mini-batches (0: all epochs). [0, 1e9]
    double wConv = 1.0;      ///< weight of the attractor-convergence term. Default 1, [0, 1e6]
    double wRec = 1.0;       ///< weight of the reconstruction term. Default 1, [0, 1e6]
    double wCentroid = 1.0;  ///< weight of the centroid-consistency term. Default 1, [0, 1e6]
    std::uint64_t seed = 1;  ///< seed of the batch order and of the training noise
    int checkpointEvery = 0;     ///< checkpoint every this many mini-batches (0: never). [0, 1e9]
    std::string checkpointPath;  ///< checkpoint file (empty: none); not in the parameter table

    /// Throws ParamError (std::invalid_argument) naming the violated rule.
    void check() const;
};

}  // namespace as::generator
