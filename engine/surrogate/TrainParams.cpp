#include "surrogate/TrainParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as::surrogate {
namespace {

const ParamTable<TrainParams>& table() {
    static const ParamTable<TrainParams> t = [] {
        ParamTable<TrainParams> t;
        t.add(
            {"cell",
             "Recurrent cell",
             "",
             0,
             0,
             2,
             1,
             0,
             true,
             {"gru", "lstm", "rnn"},
             "The dynamics layer: GRU (default), LSTM or plain RNN."},
            [](const TrainParams& p) { return double(int(p.cell)); },
            [](TrainParams& p, double v) { p.cell = CellType(int(v)); });
        t.add(
            {"bins",
             "Encoder bins M",
             "",
             32,
             4,
             1024,
             4,
             0,
             true,
             {},
             "Bins of the one-hot + interpolation input encoding, [4, 1024]."},
            [](const TrainParams& p) { return double(p.bins); },
            [](TrainParams& p, double v) { p.bins = int(v); });
        t.add(
            {"features",
             "Feature units F",
             "",
             32,
             2,
             1024,
             4,
             0,
             true,
             {},
             "Units of the nonlinear feature layer, [2, 1024]."},
            [](const TrainParams& p) { return double(p.features); },
            [](TrainParams& p, double v) { p.features = int(v); });
        t.add(
            {"hidden",
             "Recurrent units H",
             "",
             32,
             2,
             1024,
             4,
             0,
             true,
             {},
             "Units of the recurrent dynamics layer, [2, 1024]."},
            [](const TrainParams& p) { return double(p.hidden); },
            [](TrainParams& p, double v) { p.hidden = int(v); });
        t.add(
            {"head",
             "Decoder units K",
             "",
             16,
             2,
             1024,
             4,
             0,
             true,
             {},
             "Units of the first time-distributed decoding layer, [2, 1024]."},
            [](const TrainParams& p) { return double(p.head); },
            [](TrainParams& p, double v) { p.head = int(v); });
        t.add(
            {"lr",
             "Learning rate",
             "",
             3e-3,
             1e-6,
             1,
             1e-3,
             5,
             false,
             {},
             "Adam step size, (0, 1]."},
            [](const TrainParams& p) { return p.lr; }, [](TrainParams& p, double v) { p.lr = v; });
        t.add(
            {"batch",
             "Batch size",
             "",
             16,
             1,
             1024,
             1,
             0,
             true,
             {},
             "Sequences per mini-batch, [1, 1024]."},
            [](const TrainParams& p) { return double(p.batch); },
            [](TrainParams& p, double v) { p.batch = int(v); });
        t.add(
            {"bptt",
             "BPTT length",
             "steps",
             100,
             2,
             10000,
             10,
             0,
             true,
             {},
             "Truncated backpropagation chunk in input steps, [2, 10000]."},
            [](const TrainParams& p) { return double(p.bptt); },
            [](TrainParams& p, double v) { p.bptt = int(v); });
        t.add(
            {"max_epochs",
             "Max epochs",
             "",
             200,
             1,
             100000,
             10,
             0,
             true,
             {},
             "Maximum passes over the training sequences, [1, 100000]."},
            [](const TrainParams& p) { return double(p.max_epochs); },
            [](TrainParams& p, double v) { p.max_epochs = int(v); });
        t.add(
            {"patience",
             "Patience",
             "epochs",
             12,
             1,
             10000,
             1,
             0,
             true,
             {},
             "Early stopping after this many epochs without a better validation loss; lr halves "
             "after half."},
            [](const TrainParams& p) { return double(p.patience); },
            [](TrainParams& p, double v) { p.patience = int(v); });
        t.add(
            {"clip",
             "Gradient clip",
             "",
             1.0,
             0,
             1e6,
             0.1,
             3,
             false,
             {},
             "Global gradient L2-norm clip, [0, 1e6]; 0 disables."},
            [](const TrainParams& p) { return p.clip; },
            [](TrainParams& p, double v) { p.clip = v; });
        t.add(
            {"target_mse",
             "Target angle MSE",
             "rad^2",
             0,
             0,
             10,
             1e-4,
             6,
             false,
             {},
             "Stop once the validation angle MSE reaches this, [0, 10]; 0: early stopping only."},
            [](const TrainParams& p) { return p.target_mse; },
            [](TrainParams& p, double v) { p.target_mse = v; });
        t.add(
            {"max_seconds",
             "Time budget",
             "s",
             0,
             0,
             1e6,
             10,
             0,
             false,
             {},
             "Wall-time budget in s, [0, 1e6]; 0: none. Reaching it ends as MaxIterations."},
            [](const TrainParams& p) { return p.max_seconds; },
            [](TrainParams& p, double v) { p.max_seconds = v; });
        t.add(
            {"seed",
             "Seed",
             "",
             1,
             0,
             1e9,
             1,
             0,
             true,
             {},
             "Seed of initialisation and shuffling."},
            [](const TrainParams& p) { return double(p.seed); },
            [](TrainParams& p, double v) { p.seed = std::uint64_t(v); });
        return t;
    }();
    return t;
}

}  // namespace

void TrainParams::check() const {
    auto in = [](double v, double lo, double hi, const char* key) {
        if (!std::isfinite(v) || v < lo || v > hi)
            throw ParamError(std::string(key) + " must be in [" + std::to_string(lo) + ", " +
                             std::to_string(hi) + "] (got " + std::to_string(v) + ")");
    };
    in(bins, 4, 1024, "bins");
    in(features, 2, 1024, "features");
    in(hidden, 2, 1024, "hidden");
    in(head, 2, 1024, "head");
    if (!(lr > 0 && lr <= 1))
        throw ParamError("lr must be in (0, 1] (got " + std::to_string(lr) + ")");
    in(batch, 1, 1024, "batch");
    in(bptt, 2, 10000, "bptt");
    in(max_epochs, 1, 100000, "max_epochs");
    in(patience, 1, 10000, "patience");
    in(clip, 0, 1e6, "clip");
    in(target_mse, 0, 10, "target_mse");
    in(max_seconds, 0, 1e6, "max_seconds");
}

const std::vector<ParamSpec>& TrainParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
double TrainParams::get(const std::string& key) const {
    return table().get(*this, key);
}
void TrainParams::set(const std::string& key, double value) {
    table().set(*this, key, value);
}
double TrainParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as::surrogate
