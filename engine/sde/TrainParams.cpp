#include "sde/TrainParams.h"

#include <cmath>

#include "core/ParamAccess.h"

namespace as::sde {
namespace {

const ParamTable<TrainParams>& table() {
    static const ParamTable<TrainParams> t = [] {
        ParamTable<TrainParams> t;
        t.add(
            {"batch",
             "Batch size",
             "",
             128,
             1,
             4096,
             1,
             0,
             true,
             {},
             "Items per mini-batch, [1, 4096]."},
            [](const TrainParams& p) { return double(p.batch); },
            [](TrainParams& p, double v) { p.batch = int(v); });
        t.add(
            {"lr",
             "Learning rate",
             "",
             1e-3,
             1e-7,
             1,
             1e-4,
             6,
             false,
             {},
             "Adam step size for Atilde, (0, 1]."},
            [](const TrainParams& p) { return p.learningRate; },
            [](TrainParams& p, double v) { p.learningRate = v; });
        t.add(
            {"epochs",
             "Epochs",
             "",
             10,
             1,
             100000,
             1,
             0,
             true,
             {},
             "Passes over the training set, [1, 100000]."},
            [](const TrainParams& p) { return double(p.epochs); },
            [](TrainParams& p, double v) { p.epochs = int(v); });
        t.add(
            {"max_iterations",
             "Max iterations",
             "",
             0,
             0,
             1e9,
             100,
             0,
             true,
             {},
             "Stop after this many mini-batches; 0 runs all epochs."},
            [](const TrainParams& p) { return double(p.maxIterations); },
            [](TrainParams& p, double v) { p.maxIterations = long(v); });
        t.add(
            {"train_g",
             "Train G",
             "",
             0,
             0,
             1,
             1,
             0,
             true,
             {"off", "on"},
             "Also train the noise matrix G (from G = I), with the alpha / sum|G| term."},
            [](const TrainParams& p) { return p.trainG ? 1.0 : 0.0; },
            [](TrainParams& p, double v) { p.trainG = v != 0.0; });
        t.add(
            {"alpha",
             "alpha",
             "",
             1,
             0,
             1e6,
             0.1,
             4,
             false,
             {},
             "Weight of the alpha / sum_ij |G_ij| term that keeps G from vanishing (train_g "
             "only)."},
            [](const TrainParams& p) { return p.alpha; },
            [](TrainParams& p, double v) { p.alpha = v; });
        t.add(
            {"g_lr",
             "G learning rate",
             "",
             1e-3,
             1e-7,
             1,
             1e-4,
             6,
             false,
             {},
             "Adam step size for G, (0, 1]."},
            [](const TrainParams& p) { return p.gLearningRate; },
            [](TrainParams& p, double v) { p.gLearningRate = v; });
        t.add(
            {"clip",
             "Gradient clip",
             "",
             0,
             0,
             1e6,
             0.1,
             3,
             false,
             {},
             "Scale each gradient down to this L2 norm before Adam; 0: off."},
            [](const TrainParams& p) { return p.clip; },
            [](TrainParams& p, double v) { p.clip = v; });
        t.add(
            {"eval_every",
             "Validate every",
             "iterations",
             100,
             0,
             1e6,
             10,
             0,
             true,
             {},
             "Validation accuracy every this many mini-batches; 0: at the end only."},
            [](const TrainParams& p) { return double(p.evalEvery); },
            [](TrainParams& p, double v) { p.evalEvery = int(v); });
        t.add(
            {"validation_count",
             "Validation items",
             "",
             1000,
             0,
             1e7,
             100,
             0,
             true,
             {},
             "Validation uses the first this many items; 0: all."},
            [](const TrainParams& p) { return double(p.validationCount); },
            [](TrainParams& p, double v) { p.validationCount = int(v); });
        t.add(
            {"seed",
             "Seed",
             "",
             1,
             0,
             4294967295.0,
             1,
             0,
             true,
             {},
             "Seed of the mini-batch shuffling and of the training noise."},
            [](const TrainParams& p) { return double(p.seed); },
            [](TrainParams& p, double v) { p.seed = std::uint64_t(v); });
        t.add(
            {"checkpoint_every",
             "Checkpoint every",
             "iterations",
             0,
             0,
             1e9,
             100,
             0,
             true,
             {},
             "Write a checkpoint every this many mini-batches (needs a checkpoint path); 0: "
             "never."},
            [](const TrainParams& p) { return double(p.checkpointEvery); },
            [](TrainParams& p, double v) { p.checkpointEvery = int(v); });
        t.add(
            {"shift",
             "Shift augmentation",
             "pixels",
             0,
             0,
             4,
             1,
             0,
             true,
             {},
             "Move each training image by a random whole-pixel offset in [-shift, shift] in x and "
             "y "
             "(zero fill), drawn per item and iteration; 0: off. Square images only."},
            [](const TrainParams& p) { return double(p.shift); },
            [](TrainParams& p, double v) { p.shift = int(v); });
        return t;
    }();
    return t;
}

void need(bool ok, const std::string& rule, double got) {
    if (!ok) throw ParamError(rule + " (got " + formatNumber(got) + ")");
}

}  // namespace

void TrainParams::check() const {
    auto fin = [](double v) { return std::isfinite(v); };
    need(batch >= 1 && batch <= 4096, "batch must be in [1, 4096]", batch);
    need(fin(learningRate) && learningRate > 0 && learningRate <= 1, "lr must be in (0, 1]",
         learningRate);
    need(epochs >= 1 && epochs <= 100000, "epochs must be in [1, 100000]", epochs);
    need(maxIterations >= 0 && maxIterations <= 1000000000L, "max_iterations must be in [0, 1e9]",
         double(maxIterations));
    need(fin(alpha) && alpha >= 0 && alpha <= 1e6, "alpha must be in [0, 1e6]", alpha);
    need(fin(gLearningRate) && gLearningRate > 0 && gLearningRate <= 1, "g_lr must be in (0, 1]",
         gLearningRate);
    need(fin(clip) && clip >= 0 && clip <= 1e6, "clip must be in [0, 1e6]", clip);
    need(evalEvery >= 0 && evalEvery <= 1000000, "eval_every must be in [0, 1e6]", evalEvery);
    need(validationCount >= 0 && validationCount <= 10000000,
         "validation_count must be in [0, 1e7]", validationCount);
    need(checkpointEvery >= 0, "checkpoint_every must be >= 0", checkpointEvery);
    need(shift >= 0 && shift <= 4, "shift must be in [0, 4]", shift);
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

}  // namespace as::sde
