// Generator lab benchmarks (docs/performance.md, "Generator"): one training iteration as
// GeneratorTrainer::train does it (batch 128, d = 20, 100 Euler–Maruyama steps, encoder 784-400-20,
// decoder 20-400-784: forward, the eq 21 terms, backward through D, the SDE and E, Adam on every
// tensor), on 1 thread and on the threads OpenMP allows; and sampling + decoding 3,147 images
// (the digits 0-2 test-set size).
#include <benchmark/benchmark.h>
#include <omp.h>

#include <random>

#include "generator/GeneratorTrainer.h"
#include "generator/LatentSampling.h"

using namespace as::generator;

namespace {

Eigen::MatrixXf images(int n) {
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    Eigen::MatrixXf x(784, n);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = u(rng) < 0.8f ? 0.0f : u(rng);
    return x;
}

void trainIteration(benchmark::State& state) {
    const int threads = int(state.range(0));
    const int saved = omp_get_max_threads();
    omp_set_num_threads(threads);
    GeneratorModel m(GeneratorParams{}, 784, {0, 1, 2});
    const Eigen::MatrixXf x = images(128 * 8);
    Eigen::VectorXi y(x.cols());
    for (Eigen::Index j = 0; j < y.size(); ++j) y[j] = int(j % 3);
    GeneratorTrainParams tp;
    tp.maxIterations = 1;
    for (auto _ : state) {
        state.PauseTiming();
        GeneratorTrainer t(m, tp);
        state.ResumeTiming();
        benchmark::DoNotOptimize(t.train(x, y).final.total);
    }
    omp_set_num_threads(saved);
}

void sampleAndDecode(benchmark::State& state) {
    GeneratorModel m(GeneratorParams{}, 784, {0, 1, 2});
    const Eigen::MatrixXf x = images(600);
    Eigen::VectorXi y(x.cols());
    for (Eigen::Index j = 0; j < y.size(); ++j) y[j] = int(j % 3);
    m.setStats(m.measureStats(x, y, 1));
    for (auto _ : state) {
        Eigen::MatrixXf latent(20, 3147);
        for (int l = 0; l < 3; ++l)
            latent.middleCols(l * 1049, 1049) =
                sampleGaussian(m.stats().at(l), LatentCentre::Attractor, 1049, 1, std::uint64_t(l));
        benchmark::DoNotOptimize(m.decode(latent).data());
    }
}

}  // namespace

BENCHMARK(trainIteration)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(sampleAndDecode)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
