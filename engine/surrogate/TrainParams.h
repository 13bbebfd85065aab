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
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (TrainParams.cpp); check() enforces them and the rules between members.
    /// Recurrent cell: gru (default), lstm or rnn.
    CellType cell = CellType::Gru;
    /// Encoder bins M, [4, 1024]. Default 32.
    int bins = 32;
    /// Feature units F, [2, 1024]. Default 32.
    int features = 32;
    /// Recurrent units H, [2, 1024]. Default 32.
    int hidden = 32;
    /// Units K of the first decoding layer, [2, 1024]. Default 16.
    int head = 16;
    /// Adam learning rate, (0, 1]. Default 0.003.
    double lr = 3e-3;
    /// Sequences per mini-batch, [1, 1024]. Default 16.
    int batch = 16;
    /// Truncated-BPTT chunk length in input steps, [2, 10000]. Default 100.
    int bptt = 100;
    /// Maximum passes over the training sequences, [1, 100000]. Default 200.
    int max_epochs = 200;
    /// Early stopping: stop after this many epochs without a better validation loss, [1, 10000];
    /// the learning rate halves after half as many. Default 12.
    int patience = 12;
    /// Global gradient-norm clip, [0, 1e6] (0: off). Default 1.
    double clip = 1.0;
    /// Stop as converged once the validation angle MSE (rad^2) is at or below this, [0, 10]
    /// (0: only early stopping). Default 0.
    double target_mse = 0.0;
    /// Wall-time budget in seconds, [0, 1e6] (0: none); reaching it ends as MaxIterations. Default
    /// 0.
    double max_seconds = 0.0;
    /// Seed of the weight initialisation and the batch shuffling. Default 1.
    std::uint64_t seed = 1;

    /// The architecture for a case with `axes` decoded angles (SurrogateDataset's caseAxes()).
    NetShape shape(int axes = 1) const { return {cell, bins, features, hidden, head, axes}; }
    void check() const;  ///< throws ParamError naming the violated rule
};

}  // namespace as::surrogate
