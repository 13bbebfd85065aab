#include "generator/GeneratorTrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"

namespace as {

template <>
const ParamTable<generator::GeneratorTrainParams>&
ParamKeys<generator::GeneratorTrainParams>::table() {
    using P = generator::GeneratorTrainParams;
    static const ParamTable<P> t = [] {
        ParamTable<P> t;
        t.add<&P::batch>({.key = "batch",
                          .label = "Batch size",
                          .defaultValue = 128,
                          .min = 1,
                          .max = 4096,
                          .integer = true,
                          .tooltip = "Images per mini-batch, [1, 4096]."});
        t.add<&P::learningRate>(
            {.key = "lr",
             .label = "Learning rate",
             .defaultValue = 1e-3,
             .min = 1e-7,
             .max = 1,
             .step = 1e-4,
             .decimals = 6,
             .tooltip = "Adam step size for the encoder, the decoder and Atilde, (0, 1]."});
        t.add<&P::epochs>({.key = "epochs",
                           .label = "Epochs",
                           .defaultValue = 10,
                           .min = 1,
                           .max = 100000,
                           .integer = true,
                           .tooltip = "Passes over the training set, [1, 100000]."});
        t.add<&P::maxIterations>(
            {.key = "max_iterations",
             .label = "Max iterations",
             .defaultValue = 0,
             .min = 0,
             .max = 1e9,
             .step = 100,
             .integer = true,
             .tooltip = "Stop after this many mini-batches; 0 runs all epochs."});
        t.add<&P::wConv>(
            {.key = "w_conv",
             .label = "Weight: convergence",
             .defaultValue = 1,
             .min = 0,
             .max = 1e6,
             .step = 0.1,
             .decimals = 3,
             .tooltip = "Weight of L_conv = 1/(B d) sum |x(T) - xbar_label|^2 (eq 21)."});
        t.add<&P::wRec>({.key = "w_rec",
                         .label = "Weight: reconstruction",
                         .defaultValue = 1,
                         .min = 0,
                         .max = 1e6,
                         .step = 0.1,
                         .decimals = 3,
                         .tooltip = "Weight of L_rec = 1/(B D) sum |X - D(x(T))|^2 (eq 21)."});
        t.add<&P::wCentroid>(
            {.key = "w_centroid",
             .label = "Weight: centroid",
             .defaultValue = 1,
             .min = 0,
             .max = 1e6,
             .step = 0.1,
             .decimals = 3,
             .tooltip =
                 "Weight of L_centroid = 1/(d C) sum_l |class mean of x(T) - xbar_l|^2 (eq 20)."});
        t.add<&P::seed>(
            {.key = "seed",
             .label = "Seed",
             .defaultValue = 1,
             .min = 0,
             .max = 4294967295.0,
             .integer = true,
             .tooltip =
                 "Seed of the mini-batch order and of the Euler–Maruyama noise of training."});
        t.add<&P::checkpointEvery>(
            {.key = "checkpoint_every",
             .label = "Checkpoint every",
             .unit = "iterations",
             .defaultValue = 0,
             .min = 0,
             .max = 1e9,
             .step = 100,
             .integer = true,
             .tooltip =
                 "Write a checkpoint every this many mini-batches (needs a checkpoint path); 0: "
                 "never."});
        return t;
    }();
    return t;
}

template struct ParamKeys<generator::GeneratorTrainParams>;

}  // namespace as

namespace as::generator {
namespace {

void need(bool ok, const std::string& rule, double got) {
    if (!ok) throw ParamError(rule + " (got " + formatNumber(got) + ")");
}

}  // namespace

void GeneratorTrainParams::check() const {
    auto w = [](double v) { return std::isfinite(v) && v >= 0 && v <= 1e6; };
    need(batch >= 1 && batch <= 4096, "batch must be in [1, 4096]", batch);
    need(std::isfinite(learningRate) && learningRate > 0 && learningRate <= 1,
         "lr must be in (0, 1]", learningRate);
    need(epochs >= 1 && epochs <= 100000, "epochs must be in [1, 100000]", epochs);
    need(maxIterations >= 0 && maxIterations <= 1000000000L, "max_iterations must be in [0, 1e9]",
         double(maxIterations));
    need(w(wConv), "w_conv must be in [0, 1e6]", wConv);
    need(w(wRec), "w_rec must be in [0, 1e6]", wRec);
    need(w(wCentroid), "w_centroid must be in [0, 1e6]", wCentroid);
    need(wConv + wRec + wCentroid > 0, "at least one loss weight must be > 0",
         wConv + wRec + wCentroid);
    need(checkpointEvery >= 0 && checkpointEvery <= 1000000000,
         "checkpoint_every must be in [0, 1e9]", checkpointEvery);
}

}  // namespace as::generator
