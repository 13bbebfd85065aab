#include "generator/GeneratorTrainParams.h"

#include <cmath>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"

namespace as {

template <>
void ParamKeys<generator::GeneratorTrainParams>::describe(
    ParamTable<generator::GeneratorTrainParams>& t) {
    using P = generator::GeneratorTrainParams;
    t.add<&P::batch>(batchSpec(128, "Images per mini-batch, [1, 4096]."));
    t.add<&P::learningRate>(
        learningRateSpec(1e-3, "Adam step size for the encoder, the decoder and Atilde, (0, 1]."));
    t.add<&P::epochs>(epochsSpec(10, 100000, "Passes over the training set, [1, 100000]."));
    t.add<&P::maxIterations>(maxIterationsSpec());
    t.add<&P::wConv>(
        lossWeightSpec("w_conv", "Weight: convergence", 1,
                       "Weight of L_conv = 1/(B d) sum |x(T) - xbar_label|^2 (eq 21)."));
    t.add<&P::wRec>(lossWeightSpec("w_rec", "Weight: reconstruction", 1,
                                   "Weight of L_rec = 1/(B D) sum |X - D(x(T))|^2 (eq 21)."));
    t.add<&P::wCentroid>(lossWeightSpec(
        "w_centroid", "Weight: centroid", 1,
        "Weight of L_centroid = 1/(d C) sum_l |class mean of x(T) - xbar_l|^2 (eq 20)."));
    t.add<&P::seed>(seedSpec(
        "Seed", "Seed of the mini-batch order and of the Euler–Maruyama noise of training.",
        4294967295.0));
    t.add<&P::checkpointEvery>(checkpointEverySpec(1e9));
}

template struct ParamKeys<generator::GeneratorTrainParams>;

}  // namespace as

namespace as::generator {

void GeneratorTrainParams::check() const {
    auto w = [](double v) { return std::isfinite(v) && v >= 0 && v <= 1e6; };
    requireRule(batch >= 1 && batch <= 4096, "batch must be in [1, 4096]", batch);
    requireRule(std::isfinite(learningRate) && learningRate > 0 && learningRate <= 1,
                "lr must be in (0, 1]", learningRate);
    requireRule(epochs >= 1 && epochs <= 100000, "epochs must be in [1, 100000]", epochs);
    requireRule(maxIterations >= 0 && maxIterations <= 1000000000L,
                "max_iterations must be in [0, 1e9]", double(maxIterations));
    requireRule(w(wConv), "w_conv must be in [0, 1e6]", wConv);
    requireRule(w(wRec), "w_rec must be in [0, 1e6]", wRec);
    requireRule(w(wCentroid), "w_centroid must be in [0, 1e6]", wCentroid);
    requireRule(wConv + wRec + wCentroid > 0, "at least one loss weight must be > 0",
                wConv + wRec + wCentroid);
    requireRule(checkpointEvery >= 0 && checkpointEvery <= 1000000000,
                "checkpoint_every must be in [0, 1e9]", checkpointEvery);
}

}  // namespace as::generator
