// Sweeps (docs/sweeps.md): merging job files (the issue's goal: 1,000 files in <= 5 s) and reading
// and expanding a spec. The job files are written once per size, with a ring-like JSON summary of
// 16 numeric fields and no session (the merge reads only /sweep; the checksum check walks the
// file).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "SweepJobFile.h"
#include "SweepMerge.h"
#include "SweepSpec.h"

using namespace as::cli;
namespace fs = std::filesystem;

namespace {

std::string specText(int seeds) {
    return R"({"label": "b", "command": ["ring", "--duration", "50"], "params": [
        {"label": "v", "key": "v", "values": {"start": 0.001, "stop": 0.01, "step": 0.001}},
        {"label": "seed", "flag": "--seed", "values": {"start": 1, "stop": )" +
           std::to_string(seeds) + R"(, "step": 1}}]})";
}

void BM_MergeJobFiles(benchmark::State& state) {
    const SweepSpec spec = SweepSpec::fromText(specText(int(state.range(0)) / 10), "bench");
    const fs::path dir =
        fs::temp_directory_path() / ("as_bench_sweep_" + std::to_string(spec.jobCount()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const SweepJob& job : spec.jobs()) {
        SweepRecord r;
        r.specHash = spec.hash();
        r.label = spec.label();
        r.index = job.index;
        r.paramLabels = {"v", "seed"};
        r.values = job.values;
        r.seed = std::stoll(job.values[1]);
        r.summaryJson = "{";
        for (int f = 0; f < 16; ++f)
            r.summaryJson += (f ? "," : "") + std::string("\"field") + std::to_string(f) +
                             "\":" + std::to_string(0.1 * f * job.index);
        r.summaryJson += "}";
        writeSweepJobFile((dir / (spec.jobName(job.index) + ".h5")).string(), "", r);
    }
    for (auto _ : state) {
        const SweepMergeReport rep = mergeSweep(spec, dir.string(), {{"v"}});
        benchmark::DoNotOptimize(rep.ok);
    }
    state.counters["jobs"] = double(spec.jobCount());
    fs::remove_all(dir);
}
BENCHMARK(BM_MergeJobFiles)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReadAndExpandSpec(benchmark::State& state) {
    const std::string text = specText(int(state.range(0)) / 10);
    for (auto _ : state) benchmark::DoNotOptimize(SweepSpec::fromText(text, "bench").jobCount());
}
BENCHMARK(BM_ReadAndExpandSpec)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
