// Step time of the CANN on a 3D torus (LatticeCann, float32 convolution) at 32^3 and 64^3 with each
// convolution method (auto, fft, separable, pruned; the label names the one used), the convolution
// alone, the bare FFTW r2c+c2r float pair of the same size, a full TorusSimulation step (moving
// input, per-axis decoding, recording, watchdog), and the 2D head-direction models (two rings vs
// one sheet). One thread throughout. Results are quoted in docs/performance.md.
#include <benchmark/benchmark.h>

#include <cmath>

#include "AnalyticBump.h"
#include "FftwPair.h"
#include "cann/Hd2dSimulation.h"
#include "cann/LatticeCann.h"
#include "cann/SeparableConvolver.h"
#include "cann/TorusSimulation.h"
#include "core/FlushDenormals.h"

using namespace as;

namespace {

/// Args: n, method (0 auto, 1 fft, 2 separable, 3 pruned).
void BM_TorusStep(benchmark::State& state) {
    const TorusParams p = bench::torusOfSize(int(state.range(0)));
    LatticeCann m(p.shape(), p.dynamics(), ConvolutionPrecision::Float32,
                  ConvolutionMethod(state.range(1)));
    m.setState(bench::analyticBump(p));
    std::vector<double> input(m.size(), 0.0);
    for (auto _ : state) {
        m.step(input.data());
        benchmark::DoNotOptimize(m.u().data());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(m.convolution().name());
}

/// The float32 convolution J * q alone (no elementwise pass), q the analytic bump's [u]_+^2.
void BM_TorusConvolution(benchmark::State& state) {
    const TorusParams p = bench::torusOfSize(int(state.range(0)));
    const auto factors = latticeKernelFactors(p.shape(), p.a, p.J0);
    const ConvolutionChoice c =
        convolutionChoice(p.shape(), factors, ConvolutionMethod(state.range(1)));
    const auto u = bench::analyticBump(p);
    auto run = [&](auto& conv) {
        float* b = conv.buffer();
        FlushDenormals ftz;
        for (auto _ : state) {
            state.PauseTiming();  // refill: execute() overwrites its input
            for (std::size_t i = 0; i < u.size(); ++i) b[i] = float(u[i] * u[i]);
            state.ResumeTiming();
            conv.execute();
            benchmark::DoNotOptimize(b);
        }
    };
    if (c.method == ConvolutionMethod::Fft) {
        const auto k = latticeKernel(p.shape(), p.a, p.J0);
        FftConvolver<float> conv(p.shape(), std::vector<float>(k.begin(), k.end()));
        run(conv);
    } else {
        SeparableConvolver<float> conv(p.shape(), factors, c.bandLimit);
        run(conv);
    }
    state.SetLabel(c.name());
}

void BM_FftwPair3dFloat(benchmark::State& state) {
    const int n = int(state.range(0));
    as::bench::timeFftwPair(state, {n, n, n},
                            [](std::size_t i) { return float(std::exp(-0.001 * double(i % 97))); });
}

/// Args: n, method (0 auto, 1 fft).
void BM_TorusSimulationStep(benchmark::State& state) {
    TorusParams p = bench::torusOfSize(int(state.range(0)));
    p.convolution = ConvolutionMethod(state.range(1));
    TrajectoryParams tp;  // random walk: the input moves every step
    TorusSimulation sim(p, tp, 1 << 16);
    sim.step(200);
    for (auto _ : state) {
        sim.step(1);
        benchmark::DoNotOptimize(sim.estimate().data());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(sim.model().convolution().name());
}

void BM_Hd2dStep(benchmark::State& state) {
    TorusParams p;
    p.n = int(state.range(0));
    TrajectoryParams h;
    h.speed = 0.005;
    p.convolution = ConvolutionMethod(state.range(1));
    Hd2dSimulation sim(p, h, 1 << 16);
    sim.step(100);
    for (auto _ : state) sim.step(1);
    state.SetLabel("sheet " + sim.sheet().convolution().name());
    state.counters["rings_steps_per_s"] = sim.ringsStepsPerSecond();
    state.counters["sheet_steps_per_s"] = sim.sheetStepsPerSecond();
}

}  // namespace

// Methods: 0 auto, 1 fft, 2 separable, 3 pruned.
BENCHMARK(BM_TorusStep)->ArgsProduct({{32, 64}, {0, 1, 2, 3}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TorusConvolution)->ArgsProduct({{32, 64}, {1, 2, 3}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FftwPair3dFloat)->Arg(32)->Arg(64)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TorusSimulationStep)->ArgsProduct({{32, 64}, {0, 1}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Hd2dStep)->ArgsProduct({{64, 128}, {0, 1}})->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
