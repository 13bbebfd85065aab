// SDE analysis benchmarks (docs/models/sde-analysis.md): the Bartels–Stewart Lyapunov solve at
// N = 784 for a random dense stable J (the worst case: a trained model's Jacobian is dense) and for
// the Jacobian at a planted attractor of a lightly perturbed model, split into the real Schur form
// and the substitution; the Jacobian spectrum at N = 784.
#include <benchmark/benchmark.h>

#include <random>

#include "sde/AttractorSet.h"
#include "sde/Jacobian.h"
#include "sde/LyapunovSolver.h"

using namespace as::sde;

namespace {

Eigen::MatrixXd randomStable(int n) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> nd(0.0, 1.0 / std::sqrt(double(n)));
    Eigen::MatrixXd J(n, n);
    for (Eigen::Index i = 0; i < J.size(); ++i) J.data()[i] = nd(rng);
    J.diagonal().array() -= 1.5;  // spectral abscissa about -0.5
    return J;
}

Eigen::MatrixXd plantedJacobian(int n) {
    SdeParams p;
    p.n = n;
    const AttractorSet set(p);
    std::mt19937_64 rng(3);
    std::normal_distribution<double> nd(0.0, 0.01);
    Eigen::MatrixXd at(n, n);
    for (Eigen::Index i = 0; i < at.size(); ++i) at.data()[i] = nd(rng);
    return Jacobian::at(set.assemble(at), set.points().col(0), set.functions());
}

void BM_LyapunovFull(benchmark::State& state, bool planted) {
    const int n = int(state.range(0));
    const Eigen::MatrixXd J = planted ? plantedJacobian(n) : randomStable(n);
    const Eigen::MatrixXd Q = Eigen::MatrixXd::Identity(n, n);
    double residual = 0.0;
    for (auto _ : state) {
        const LyapunovResult r = LyapunovSolver::solve(J, Q);
        residual = r.residual;
        benchmark::DoNotOptimize(r.S.data());
    }
    state.counters["residual"] = residual;
}

void BM_LyapunovSubstitution(benchmark::State& state) {
    const int n = int(state.range(0));
    const LyapunovSolver solver(randomStable(n));  // Schur form outside the timing
    const Eigen::MatrixXd Q = Eigen::MatrixXd::Identity(n, n);
    for (auto _ : state) {
        const LyapunovResult r = solver.solve(Q);
        benchmark::DoNotOptimize(r.S.data());
    }
}

void BM_Spectrum(benchmark::State& state) {
    const Eigen::MatrixXd J = plantedJacobian(int(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(Jacobian::spectrum(J).maxRealPart);
}

}  // namespace

BENCHMARK_CAPTURE(BM_LyapunovFull, random_dense, false)
    ->Arg(300)
    ->Arg(784)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
BENCHMARK_CAPTURE(BM_LyapunovFull, planted, true)
    ->Arg(784)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
BENCHMARK(BM_LyapunovSubstitution)->Arg(784)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_Spectrum)->Arg(784)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_MAIN();
