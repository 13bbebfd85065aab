// SDE classifier benchmarks (docs/performance.md, "SDE classifier"): one BPTT training iteration
// as BpttTrainer::train does it (forward 100 Euler steps, backward, pull-back through eq 2, Adam,
// re-assembly of A) at N = 784, C = 10 for batch 128 and 1, with noise (eps = 0.1) and with a
// trained G; and the forward pass alone (classification of a batch).
#include <benchmark/benchmark.h>

#include <random>

#include "sde/AdamOptimizer.h"
#include "sde/BpttTrainer.h"
#include "sde/SdeIntegrator.h"
#include "sde/SdeModel.h"
#include "sde/ThreadBudget.h"

using namespace as::sde;

namespace {

struct Setup {
    SdeModel model;
    Eigen::MatrixXf x0;
    Eigen::VectorXi labels;
    Setup(int batch, double eps) : model(params(eps)) {
        std::mt19937_64 rng(1);
        std::normal_distribution<float> w(0.0f, 0.01f);
        Eigen::MatrixXf at(784, 784);
        for (Eigen::Index i = 0; i < at.size(); ++i) at.data()[i] = w(rng);
        model.setAtilde(at);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        x0.resize(784, batch);
        for (Eigen::Index i = 0; i < x0.size(); ++i) x0.data()[i] = u(rng) < 0.8f ? 0.0f : u(rng);
        labels.resize(batch);
        for (int j = 0; j < batch; ++j) labels[j] = j % 10;
    }
    static SdeParams params(double eps) {
        SdeParams p;  // N = 784, C = 10, 100 steps
        p.dt = 0.1;
        p.eps = eps;
        return p;
    }
};

void trainIteration(benchmark::State& state, double eps, bool trainG) {
    Setup s(int(state.range(0)), eps);
    TrainParams tp;
    tp.trainG = trainG;
    BpttTrainer trainer(s.model, tp);
    if (trainG) s.model.setTrainedG(Eigen::MatrixXf::Identity(784, 784));
    AdamOptimizer adamA(784, 784, {}), adamG(784, 784, {});
    Eigen::MatrixXf atilde = s.model.atilde(), G = Eigen::MatrixXf::Identity(784, 784), dAtilde, dG;
    std::uint64_t seed = 1;
    auto iteration = [&] {
        // The thread rule of BpttTrainer::train for the whole iteration (ThreadBudget.h).
        const int b = int(s.x0.cols());
        const ThreadBudget budget(b <= 8 ? ThreadBudget::smallBatchWork() : 784.0 * 784.0 * b);
        const double loss =
            trainer.lossAndGradient(s.x0, s.labels, seed++, dAtilde, trainG ? &dG : nullptr);
        benchmark::DoNotOptimize(loss);
        adamA.step(atilde, dAtilde);
        s.model.setAtilde(atilde);
        if (trainG) {
            adamG.step(G, dG);
            s.model.setTrainedG(G);
        }
    };
    iteration();  // warm-up: the first call allocates the 2 N B T stash
    for (auto _ : state) iteration();
    state.counters["items/s"] = benchmark::Counter(
        double(state.iterations()) * double(state.range(0)), benchmark::Counter::kIsRate);
}

}  // namespace

static void BM_SdeTrainIteration(benchmark::State& state) {
    trainIteration(state, 0.0, false);
}
BENCHMARK(BM_SdeTrainIteration)->Arg(128)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_SdeTrainIterationNoisy(benchmark::State& state) {
    trainIteration(state, 0.1, false);
}
BENCHMARK(BM_SdeTrainIterationNoisy)->Arg(128)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_SdeTrainIterationTrainedG(benchmark::State& state) {
    trainIteration(state, 0.1, true);
}
BENCHMARK(BM_SdeTrainIterationTrainedG)->Arg(128)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_SdeForward(benchmark::State& state) {
    Setup s(int(state.range(0)), 0.0);
    SdeIntegrator integ(s.model);
    benchmark::DoNotOptimize(integ.run(s.x0).predicted.data());
    for (auto _ : state) benchmark::DoNotOptimize(integ.run(s.x0).predicted.data());
    state.counters["items/s"] = benchmark::Counter(
        double(state.iterations()) * double(state.range(0)), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SdeForward)->Arg(128)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
