// Surrogate lab benchmarks (docs/performance.md):
//  - one GRU training iteration (input 32, hidden 128, 100 steps, forward + backward + Adam) at
//    batch 1 and 32, the figure compared with PyTorch's nn.GRU (batch 32 on one and two threads);
//  - per input step at N = 512: our FFT ODE, the dense ODE (the paper's baseline) and the default
//    surrogate (streaming, batch 1), each doing the same work the CLI's bench and the GUI do;
//  - grid3d, per input step: the 32^3 torus ODE (TorusOdeStepper, auto and fft convolution) and
//    the default 6-output surrogate (three angles in, six components out).
#include <benchmark/benchmark.h>

#include <ctime>
#include <random>

#include "surrogate/Adam.h"
#include "surrogate/GruLayer.h"
#include "surrogate/InputProcess.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/SurrogateTrainer.h"
#include "surrogate/TorusOdeStepper.h"
#include "surrogate/TrainParams.h"

using namespace as::surrogate;

namespace {
double cpuSeconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}
}  // namespace

// Args: batch, threads (0: the layer's automatic choice, which is one thread when the load average
// exceeds the cores). Time is wall time; "CPU" is the whole process's CPU time (all threads);
// the counters give the calling thread's CPU time (thread_cpu_ms) and the process's (proc_cpu_ms)
// per iteration, and the threads used.
static void BM_GruTrainingIteration(benchmark::State& state) {
    singleThreadedEigen();
    const int B = int(state.range(0)), T = 100, In = 32, H = 128;
    GruLayer<float> gru(In, H);
    gru.setThreads(int(state.range(1)));
    std::mt19937_64 rng(1);
    gru.initialise(rng);
    Adam<float> adam(gru.params(), {});
    const Mat<float> x = Mat<float>::Random(In, T * B);
    const Mat<float> target = Mat<float>::Random(H, T * B);
    const Mat<float> s0 = Mat<float>::Zero(H, B);
    Mat<float> dh;
    const double thread0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    const double proc0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    for (auto _ : state) {
        gru.zeroGrad();
        const Mat<float>& h = gru.forward(x, s0, B);
        dh = (h - target) * (2.0f / float(h.size()));  // d(MSE)/dh
        benchmark::DoNotOptimize(gru.backward(dh).data());
        adam.step();
    }
    const double n = double(state.iterations());
    state.counters["thread_cpu_ms"] = 1e3 * (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - thread0) / n;
    state.counters["proc_cpu_ms"] = 1e3 * (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - proc0) / n;
    state.counters["threads"] = gru.threadsFor(B, T);
}
BENCHMARK(BM_GruTrainingIteration)
    ->Args({1, 1})
    ->Args({32, 1})
    ->Args({32, 2})
    ->Args({32, 0})
    ->ArgNames({"batch", "threads"})
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

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

namespace {
std::vector<double> benchSequence3d() {
    return generateInputs(ProcessParams{}, ProcessKind::Mixture, 3, 4096, 1.0, 5);
}
}  // namespace

// Arg: the torus's convolution key (0 auto, 1 fft).
static void BM_TorusOdePerInputStep(benchmark::State& state) {
    DatasetParams dp;
    dp.which = SurrogateCase::Grid3d;  // 32^3, dt = 0.2 ms (the convergence test), 1 ms per step
    dp.torus.set("convolution", double(state.range(0)));
    TorusOdeStepper ode(dp.torus, dp.odeStepsPerInput());
    const auto seq = benchSequence3d();
    ode.settle(seq.data(), 100);
    std::size_t t = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(ode.step(seq.data() + 3 * t)[0].angle);
        t = (t + 1) % (seq.size() / 3);
    }
    state.SetLabel(state.range(0) == 0 ? "torus ODE 32^3, auto" : "torus ODE 32^3, fft");
}
BENCHMARK(BM_TorusOdePerInputStep)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

static void BM_Grid3dSurrogatePerInputStep(benchmark::State& state) {
    TrainParams tp;  // the default architecture (the shipped grid3d model's)
    SurrogateNet<float> net(tp.shape(3), 1);
    SurrogateStream stream(net);
    const auto seq = benchSequence3d();
    StreamDecode out[3];
    std::size_t t = 0;
    for (auto _ : state) {
        stream.step(seq.data() + 3 * t, out);
        benchmark::DoNotOptimize(out[0].angle);
        t = (t + 1) % (seq.size() / 3);
    }
    state.SetLabel("default grid3d GRU surrogate");
}
BENCHMARK(BM_Grid3dSurrogatePerInputStep)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
