// Surrogate lab benchmarks (docs/performance.md):
//  - one GRU training iteration (input 32, hidden 128, 100 steps, forward + backward + Adam) at
//    batch 1 and 32, the figure compared with PyTorch's nn.GRU;
//  - per input step at N = 512: our FFT ODE, the dense ODE (the paper's baseline) and the default
//    surrogate (streaming, batch 1), each doing the same work the CLI's bench and the GUI do.
#include <benchmark/benchmark.h>

#include <random>

#include "surrogate/Adam.h"
#include "surrogate/GruLayer.h"
#include "surrogate/InputProcess.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/SurrogateTrainer.h"
#include "surrogate/TrainParams.h"

using namespace as::surrogate;

static void BM_GruTrainingIteration(benchmark::State& state) {
    singleThreadedEigen();
    const int B = int(state.range(0)), T = 100, In = 32, H = 128;
    GruLayer<float> gru(In, H);
    std::mt19937_64 rng(1);
    gru.initialise(rng);
    Adam<float> adam(gru.params(), {});
    const Mat<float> x = Mat<float>::Random(In, T * B);
    const Mat<float> target = Mat<float>::Random(H, T * B);
    const Mat<float> s0 = Mat<float>::Zero(H, B);
    Mat<float> dh;
    for (auto _ : state) {
        gru.zeroGrad();
        const Mat<float>& h = gru.forward(x, s0, B);
        dh = (h - target) * (2.0f / float(h.size()));  // d(MSE)/dh
        benchmark::DoNotOptimize(gru.backward(dh).data());
        adam.step();
    }
}
BENCHMARK(BM_GruTrainingIteration)->Arg(1)->Arg(32)->Unit(benchmark::kMicrosecond);

namespace {
std::vector<double> benchSequence() {
    return generateSequence(ProcessParams{}, ProcessKind::Mixture, 4096, 5);
}
}  // namespace

static void BM_OdePerInputStep(benchmark::State& state) {
    const DatasetParams dp;  // N = 512, dt = 0.2 ms (the convergence test), 1 ms per input step
    OdeStepper ode(dp.teacher, OdeBackend(state.range(0)), dp.odeStepsPerInput());
    const auto seq = benchSequence();
    ode.settle(seq[0], 100);
    std::size_t t = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(ode.step(seq[t]).angle);
        t = (t + 1) % seq.size();
    }
    state.SetLabel(state.range(0) == 0 ? "FFT ODE, N=512" : "dense ODE, N=512");
}
BENCHMARK(BM_OdePerInputStep)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

static void BM_SurrogatePerInputStep(benchmark::State& state) {
    TrainParams tp;  // the default architecture (the shipped ring model's)
    SurrogateNet<float> net(tp.shape(), 1);
    SurrogateStream stream(net);
    const auto seq = benchSequence();
    std::size_t t = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(stream.step(seq[t]).angle);
        t = (t + 1) % seq.size();
    }
    state.SetLabel("default GRU surrogate");
}
BENCHMARK(BM_SurrogatePerInputStep)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
