// Step time of the ring CANN: FFT (float32 and float64 convolution) vs the dense GEMV baseline,
// a bare FFTW r2c+c2r pair of the same size (the floor), and a full RingSimulation step
// (stimulus, decoding, recording, watchdog). Results are quoted in docs/performance.md.
#include <benchmark/benchmark.h>

#include <cmath>

#include "AnalyticBump.h"
#include "FftwPair.h"
#include "cann/DenseRingCann.h"
#include "cann/RingSimulation.h"
#include "core/FlushDenormals.h"

using namespace as;

namespace {

void ringStep(benchmark::State& state, ConvolutionPrecision precision) {
    const CannParams p = bench::ringOfSize(int(state.range(0)));
    RingCann m(p, precision);
    m.setState(bench::analyticBump(p));
    std::vector<double> input(p.N, 0.0);
    for (auto _ : state) {
        m.step(input.data());
        benchmark::DoNotOptimize(m.u().data());
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_RingStepFft32(benchmark::State& s) {
    ringStep(s, ConvolutionPrecision::Float32);
}
void BM_RingStepFft64(benchmark::State& s) {
    ringStep(s, ConvolutionPrecision::Float64);
}

void BM_RingStepDense(benchmark::State& state) {
    const CannParams p = bench::ringOfSize(int(state.range(0)));
    DenseRingCann m(p);
    const auto u = bench::analyticBump(p);
    m.setState(Eigen::Map<const Eigen::VectorXd>(u.data(), p.N));
    std::vector<double> input(p.N, 0.0);
    FlushDenormals ftz;
    for (auto _ : state) {
        m.step(input.data());
        benchmark::DoNotOptimize(m.u().data());
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_FftwPairFloat(benchmark::State& state) {
    const int n = int(state.range(0));
    as::bench::timeFftwPair(state, {n}, [n](std::size_t i) {
        const double x = double(i) - n / 2;
        return float(std::exp(-0.001 * x * x));
    });
}

void BM_RingSimulationStep(benchmark::State& state) {
    const CannParams p = bench::ringOfSize(int(state.range(0)));
    StimulusParams s;
    s.protocol = Protocol::Moving;  // the stimulus profile is recomputed every step
    RingSimulation sim(p, s, 100000);
    sim.step(200);
    for (auto _ : state) {
        sim.step(1);
        benchmark::DoNotOptimize(sim.time());
    }
    state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_RingStepFft32)->RangeMultiplier(2)->Range(256, 4096);
BENCHMARK(BM_RingStepFft64)->RangeMultiplier(2)->Range(256, 4096);
BENCHMARK(BM_FftwPairFloat)->RangeMultiplier(2)->Range(256, 4096);
BENCHMARK(BM_RingStepDense)->RangeMultiplier(2)->Range(256, 4096);
BENCHMARK(BM_RingSimulationStep)->RangeMultiplier(2)->Range(256, 4096);
BENCHMARK_MAIN();
