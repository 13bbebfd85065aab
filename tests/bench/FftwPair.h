#pragma once
// The baseline the CANN steps are measured against: FFTW's own forward + inverse pair (float,
// FFTW_MEASURE) on a lattice of the given sizes, input value(i) at flat index i. Header-only.
#include <benchmark/benchmark.h>
#include <fftw3.h>

#include <cstddef>
#include <functional>
#include <vector>

#include "core/FlushDenormals.h"

namespace as::bench {

inline void timeFftwPair(benchmark::State& state, const std::vector<int>& dims,
                         const std::function<float(std::size_t)>& value) {
    const int rank = int(dims.size());
    std::size_t size = 1;
    for (int d : dims) size *= std::size_t(d);
    const std::size_t spec = size / std::size_t(dims.back()) * std::size_t(dims.back() / 2 + 1);
    float* a = fftwf_alloc_real(size);
    fftwf_complex* c = fftwf_alloc_complex(spec);
    fftwf_plan f = fftwf_plan_dft_r2c(rank, dims.data(), a, c, FFTW_MEASURE);
    fftwf_plan b = fftwf_plan_dft_c2r(rank, dims.data(), c, a, FFTW_MEASURE | FFTW_DESTROY_INPUT);
    for (std::size_t i = 0; i < size; ++i) a[i] = value(i);
    FlushDenormals ftz;
    for (auto _ : state) {
        fftwf_execute(f);
        fftwf_execute(b);
        benchmark::DoNotOptimize(a);
    }
    fftwf_destroy_plan(f);
    fftwf_destroy_plan(b);
    fftwf_free(a);
    fftwf_free(c);
}

}  // namespace as::bench
