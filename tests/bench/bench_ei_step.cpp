// Spiking E-I network step times (docs/performance.md): whole steps of the default network and of
// N_E = 10,000, sparse propagation per synaptic event, and the two ways of computing the slow
// translation-invariant E->E input (a shifted kernel per spike vs one FFT convolution per step).
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "cann/FftConvolver.h"
#include "core/FlushDenormals.h"
#include "spiking/EiNetwork.h"

using namespace as;

namespace {

// Steps a network under the bump stimulus; counters: simulated ms per wall second (sim_ms_per_s),
// real-time factor, synaptic events per second.
void BM_EiNetwork(benchmark::State& state) {
    EiParams p;
    p.NE = int(state.range(0));
    p.dt = double(state.range(1)) / 100.0;
    EiNetwork net(p);
    net.setThreads(int(state.range(2)), /*exact=*/state.range(2) > 0);
    net.setInput({0.0, 0.9, 0.1});
    FlushDenormals ftz;
    const long warm = std::lround(100.0 / p.dt);
    for (long s = 0; s < warm; ++s) net.step();
    long steps = 0;
    double spikes[3] = {0, 0, 0};
    for (auto _ : state) {
        net.step();
        for (int pop = 0; pop < 3; ++pop) spikes[pop] += double(net.spikes(pop).size());
        ++steps;
    }
    const double simMs = steps * p.dt;
    state.counters["sim_s_per_wall_s"] =
        benchmark::Counter(simMs / 1000.0, benchmark::Counter::kIsRate);
    state.counters["rate_E_hz"] = spikes[0] / (simMs / 1000.0) / p.NE;
    // fast + slow random projections per spike (expected fan-out), excluding the kernel
    const double K = p.p;
    const double events = spikes[0] * K * (p.NE + p.NId() + p.NIp()) +
                          spikes[1] * K * (p.NE + p.NIp()) + spikes[2] * K * (p.NE + p.NId());
    state.counters["syn_events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
    state.counters["threads_at_end"] = net.threads();
    if (state.range(2) == 0) {  // the automatic choice's own measurements
        state.counters["auto_ns_1"] = net.threadTuner().nsPerStep(false);
        state.counters["auto_ns_max"] = net.threadTuner().nsPerStep(true);
    }
}

// Sparse propagation alone: rows of a 10,000 x 10,000, p = 0.25 projection (the N_E = 10,000 E->E
// projection) delivered `spikes` at a time, as one step's E spikes are; layout 0 index rows
// (uint16), 1 bit rows (what the network uses at p = 0.25).
void BM_SparseDeliver(benchmark::State& state) {
    SpikeRng rng(1);
    const int n = 10000, k = int(state.range(1));
    const SparseProjection proj(n, n, 0.25, true, rng,
                                state.range(0) ? ProjectionLayout::Bits : ProjectionLayout::Csr);
    std::vector<float> post(n, 0.f);
    std::vector<int> pres(std::size_t(k), 0);
    int pre = 0;
    double events = 0;
    const double perRow = double(proj.synapses()) / n;
    for (auto _ : state) {
        for (auto& j : pres) j = pre = (pre + 7919) % n;
        proj.deliver(pres.data(), k, 1e-3f, post.data(), 0, n);
        events += perRow * k;
    }
    benchmark::DoNotOptimize(post.data());
    state.counters["ns_per_event"] =
        benchmark::Counter(events, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Slow E->E input for one step with `spikes` E spikes: shifted kernel rows (what EiNetwork does).
void BM_SlowShiftedKernel(benchmark::State& state) {
    const int N = int(state.range(0)), k = int(state.range(1));
    std::vector<float> kernel2(2 * static_cast<std::size_t>(N)),
        out(static_cast<std::size_t>(N), 0.f);
    for (int i = 0; i < 2 * N; ++i) kernel2[std::size_t(i)] = std::exp(-0.5f * float(i % N) / N);
    int j = 0;
    for (auto _ : state) {
        for (int s = 0; s < k; ++s) {
            const float* row = kernel2.data() + (N - j);
#pragma omp simd
            for (int i = 0; i < N; ++i) out[std::size_t(i)] += 1e-3f * row[i];
            j = (j + 7919) % N;
        }
        benchmark::DoNotOptimize(out.data());
    }
}

// The alternative: decay a presynaptic trace vector and convolve it with the kernel by FFT each
// step.
void BM_SlowFft(benchmark::State& state) {
    const int N = int(state.range(0));
    std::vector<float> kernel(static_cast<std::size_t>(N)), trace(static_cast<std::size_t>(N), 0.f),
        out(static_cast<std::size_t>(N));
    for (int i = 0; i < N; ++i) kernel[std::size_t(i)] = std::exp(-0.5f * float(i) / N);
    FftConvolver<float> conv({N}, kernel);
    for (auto _ : state) {
        for (auto& x : trace) x *= 0.9997f;
        trace[std::size_t(N / 2)] += 1.f;
        conv.apply(trace.data(), out.data());
        benchmark::DoNotOptimize(out.data());
    }
}

}  // namespace

// (N_E, dt in 1/100 ms, threads)
// threads 0: the automatic choice (AdaptiveThreadCount); 1 and 2: fixed
BENCHMARK(BM_EiNetwork)
    ->Args({800, 5, 1})
    ->Args({800, 5, 2})
    ->Args({800, 5, 0})
    ->Args({800, 1, 1})
    ->Args({2000, 5, 1})
    ->Args({2000, 5, 2})
    ->Args({10000, 5, 1})
    ->Args({10000, 5, 2})
    ->Args({10000, 5, 0})
    ->Unit(benchmark::kMicrosecond)
    ->MinTime(2.0);
// (layout: 0 index rows, 1 bit rows; spikes per call)
BENCHMARK(BM_SparseDeliver)
    ->Args({0, 1})
    ->Args({0, 10})
    ->Args({1, 1})
    ->Args({1, 10})
    ->Unit(benchmark::kNanosecond);
// (N_E, E spikes per step): 800 neurons at ~20 Hz and dt 0.05 ms is ~0.8 spikes/step; 10,000 is ~10
BENCHMARK(BM_SlowShiftedKernel)
    ->Args({800, 1})
    ->Args({10000, 1})
    ->Args({10000, 10})
    ->Args({10000, 50});
BENCHMARK(BM_SlowFft)->Arg(800)->Arg(10000);

BENCHMARK_MAIN();
