#include "surrogate/TrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"

namespace as::surrogate {}  // namespace as::surrogate

namespace as {

template <>
const ParamTable<surrogate::TrainParams>& ParamKeys<surrogate::TrainParams>::table() {
    static const ParamTable<surrogate::TrainParams> t = [] {
        ParamTable<surrogate::TrainParams> t;
        // Layer widths: [2, 1024] units.
        auto layer = [](ParamSpec s) {
            s.min = 2;
            s.max = 1024;
            s.step = 4;
            s.integer = true;
            return s;
        };
        t.add<&surrogate::TrainParams::cell>(
            {.key = "cell",
             .label = "Recurrent cell",
             .defaultValue = 0,
             .choices = {"gru", "lstm", "rnn"},
             .tooltip = "The dynamics layer: GRU (default), LSTM or plain RNN."});
        t.add<&surrogate::TrainParams::bins>(
            {.key = "bins",
             .label = "Encoder bins M",
             .defaultValue = 32,
             .min = 4,
             .max = 1024,
             .step = 4,
             .integer = true,
             .tooltip = "Bins of the one-hot + interpolation input encoding."});
        t.add<&surrogate::TrainParams::features>(
            layer({.key = "features",
                   .label = "Feature units F",
                   .defaultValue = 32,
                   .tooltip = "Units of the nonlinear feature layer."}));
        t.add<&surrogate::TrainParams::hidden>(
            layer({.key = "hidden",
                   .label = "Recurrent units H",
                   .defaultValue = 32,
                   .tooltip = "Units of the recurrent dynamics layer."}));
        t.add<&surrogate::TrainParams::head>(
            layer({.key = "head",
                   .label = "Decoder units K",
                   .defaultValue = 16,
                   .tooltip = "Units of the first time-distributed decoding layer."}));
        t.add<&surrogate::TrainParams::lr>(
            learningRateSpec(3e-3, "Adam step size.", 1e-3, 5, 1e-6));
        t.add<&surrogate::TrainParams::batch>(batchSpec(16, "Sequences per mini-batch.", 1024));
        t.add<&surrogate::TrainParams::bptt>(
            {.key = "bptt",
             .label = "BPTT length",
             .unit = "steps",
             .defaultValue = 100,
             .min = 2,
             .max = 10000,
             .step = 10,
             .integer = true,
             .tooltip = "Truncated backpropagation chunk in input steps."});
        t.add<&surrogate::TrainParams::max_epochs>(
            {.key = "max_epochs",
             .label = "Max epochs",
             .defaultValue = 200,
             .min = 1,
             .max = 100000,
             .step = 10,
             .integer = true,
             .tooltip = "Maximum passes over the training sequences."});
        t.add<&surrogate::TrainParams::patience>(
            {.key = "patience",
             .label = "Patience",
             .unit = "epochs",
             .defaultValue = 12,
             .min = 1,
             .max = 10000,
             .integer = true,
             .tooltip = "Early stopping after this many epochs without a "
                        "better validation loss; lr halves after half."});
        t.add<&surrogate::TrainParams::clip>(
            {.key = "clip",
             .label = "Gradient clip",
             .defaultValue = 1.0,
             .min = 0,
             .max = 1e6,
             .step = 0.1,
             .decimals = 3,
             .tooltip = "Global gradient L2-norm clip; 0 disables."});
        t.add<&surrogate::TrainParams::target_mse>(
            {.key = "target_mse",
             .label = "Target angle MSE",
             .unit = "rad^2",
             .defaultValue = 0,
             .min = 0,
             .max = 10,
             .step = 1e-4,
             .decimals = 6,
             .tooltip = "Stop once the validation angle MSE reaches "
                        "this, [0, 10]; 0: early stopping only."});
        t.add<&surrogate::TrainParams::max_seconds>(
            {.key = "max_seconds",
             .label = "Time budget",
             .unit = "s",
             .defaultValue = 0,
             .min = 0,
             .max = 1e6,
             .step = 10,
             .decimals = 0,
             .tooltip = "Wall-time budget; 0: none. Reaching it ends as MaxIterations."});
        t.add<&surrogate::TrainParams::seed>(
            seedSpec("Seed", "Seed of initialisation and shuffling.", 2147483647));
        return t;
    }();
    return t;
}

template struct ParamKeys<surrogate::TrainParams>;

}  // namespace as

namespace as::surrogate {

void TrainParams::check() const {
    table().checkRanges(*this);
}

}  // namespace as::surrogate
