#pragma once
// Architecture and training hyper-parameters of a surrogate (docs/models/surrogate.md), described
// once for the CLI's --set and the GUI's training form.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"
#include "surrogate/SurrogateNet.h"

namespace as::surrogate {

struct TrainParams : ParamKeys<TrainParams> {
    // Each member's unit, range, default and help text are described once, in the table behind
    // specs() (TrainParams.cpp; `attractor-cli surrogate --list-params` prints it); check()
    // enforces them and the rules between members.
    CellType cell = CellType::Gru;                           // gru, lstm or rnn
    int bins = 32, features = 32, hidden = 32, head = 16;    // layer sizes M, F, H, K
    double lr = 3e-3;                                        // Adam
    int batch = 16, bptt = 100, max_epochs = 200;            // sequences, steps, passes
    int patience = 12;                                       // early stopping (epochs)
    double clip = 1.0, target_mse = 0.0, max_seconds = 0.0;  // 0: off
    std::uint64_t seed = 1;                                  // initialisation and shuffling

    /// The architecture for a case with `axes` decoded angles (SurrogateDataset's caseAxes()).
    NetShape shape(int axes = 1) const { return {cell, bins, features, hidden, head, axes}; }
    void check() const;  ///< throws ParamError naming the violated rule
};

}  // namespace as::surrogate
