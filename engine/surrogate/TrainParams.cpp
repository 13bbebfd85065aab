#include "surrogate/TrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"

namespace as::surrogate {}  // namespace as::surrogate

namespace as {

template <>
void ParamKeys<surrogate::TrainParams>::describe(ParamTable<surrogate::TrainParams>& t) {
    // Layer widths: [2, 1024] units.
    auto layer = [](const char* key, const char* label, double defaultValue, const char* tooltip) {
        return integerSpec(key, label, "", defaultValue, 2, 1024, 4, tooltip);
    };
    t.add<&surrogate::TrainParams::cell>(
        choiceSpec("cell", "Recurrent cell", 0, {"gru", "lstm", "rnn"},
                   "The dynamics layer: GRU (default), LSTM or plain RNN."));
    t.add<&surrogate::TrainParams::bins>(
        integerSpec("bins", "Encoder bins M", "", 32, 4, 1024, 4,
                    "Bins of the one-hot + interpolation input encoding."));
    t.add<&surrogate::TrainParams::features>(
        layer("features", "Feature units F", 32, "Units of the nonlinear feature layer."));
    t.add<&surrogate::TrainParams::hidden>(
        layer("hidden", "Recurrent units H", 32, "Units of the recurrent dynamics layer."));
    t.add<&surrogate::TrainParams::head>(layer(
        "head", "Decoder units K", 16, "Units of the first time-distributed decoding layer."));
    t.add<&surrogate::TrainParams::lr>(learningRateSpec(3e-3, "Adam step size.", 1e-3, 5, 1e-6));
    t.add<&surrogate::TrainParams::batch>(batchSpec(16, "Sequences per mini-batch.", 1024));
    t.add<&surrogate::TrainParams::bptt>(
        integerSpec("bptt", "BPTT length", "steps", 100, 2, 10000, 10,
                    "Truncated backpropagation chunk in input steps."));
    t.add<&surrogate::TrainParams::max_epochs>(
        integerSpec("max_epochs", "Max epochs", "", 200, 1, 100000, 10,
                    "Maximum passes over the training sequences."));
    t.add<&surrogate::TrainParams::patience>(
        integerSpec("patience", "Patience", "epochs", 12, 1, 10000, 1,
                    "Early stopping after this many epochs without a "
                    "better validation loss; lr halves after half."));
    t.add<&surrogate::TrainParams::clip>(realSpec("clip", "Gradient clip", "", 1.0, 0, 1e6, 0.1, 3,
                                                  "Global gradient L2-norm clip; 0 disables."));
    t.add<&surrogate::TrainParams::target_mse>(
        realSpec("target_mse", "Target angle MSE", "rad^2", 0, 0, 10, 1e-4, 6,
                 "Stop once the validation angle MSE reaches "
                 "this, [0, 10]; 0: early stopping only."));
    t.add<&surrogate::TrainParams::max_seconds>(
        realSpec("max_seconds", "Time budget", "s", 0, 0, 1e6, 10, 0,
                 "Wall-time budget; 0: none. Reaching it ends as MaxIterations."));
    t.add<&surrogate::TrainParams::seed>(
        seedSpec("Seed", "Seed of initialisation and shuffling.", 2147483647));
}

template struct ParamKeys<surrogate::TrainParams>;

}  // namespace as

namespace as::surrogate {

void TrainParams::check() const {
    table().checkRanges(*this);
}

}  // namespace as::surrogate
