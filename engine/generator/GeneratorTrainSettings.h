#pragma once
// The Generator lab's Train page (docs/guide/generator.md): which digits, the latent dimension d,
// the latent noise eps, the horizon T (steps of the default dt = 0.03), the eq 21 loss weights,
// epochs, batch, learning rate, training images and seed; described once (ParamSpec) for the
// form, its undo steps and the session group. model() and training() turn them into the engine's
// GeneratorParams and GeneratorTrainParams.
#include <cstdint>
#include <vector>

#include "core/ParamSpec.h"
#include "generator/GeneratorParams.h"
#include "generator/GeneratorTrainParams.h"

namespace as::generator {

struct GeneratorTrainSettings : ParamKeys<GeneratorTrainSettings> {
    int digits = 0;        ///< 0: digits 0–2 (C = 3); 1: all ten (C = 10)
    int latentDim = 20;    ///< d, [3, 128]
    double eps = 0.05;     ///< latent noise, [0, 2]
    double horizon = 3.0;  ///< T = steps * 0.03, [0.3, 30]
    double wConv = 0.1;    ///< eq 21 weight of L_conv, [0, 1e6] (the shipped models' 0.1)
    double wRec = 1.0, wCentroid = 1.0;  ///< eq 21 weights, [0, 1e6]
    int epochs = 3;                      ///< [1, 1000]
    int batch = 128;                     ///< [1, 4096]
    double learningRate = 1e-3;          ///< (0, 1]
    int trainCount = 6000;   ///< first N training images of the digits (0: all), [0, 60000]
    std::uint64_t seed = 1;  ///< batch order, training noise and initial weights

    std::vector<int> digitList() const;
    GeneratorParams model() const;
    GeneratorTrainParams training() const;
    /// Throws ParamError naming the violated rule (also the engine's own checks).
    void check() const;
};

}  // namespace as::generator
