#include "sde/SdeIntegrator.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sde/GaussianNoise.h"
#include "sde/NodeKernel.h"
#include "sde/ThreadBudget.h"

namespace as::sde {
namespace {

constexpr long kParallelElements = 1L << 15;  // below this, threads cost more than they save

/// Scratch matrices of one integration (N x B each).
struct StepBuffers {
    Eigen::MatrixXf g, drive, eta;
    void resize(Eigen::Index n, Eigen::Index b) {
        g.resize(n, b);
        drive.resize(n, b);
    }
};

/// x <- (1 - dt r) x + dt A g(x) + sqrt(dt) eps G eta, the noise keyed by (seed, step, column).
void advance(const SdeModel& model, Eigen::MatrixXf& x, StepBuffers& buf, std::uint64_t seed,
             std::uint64_t stepIndex, long columnOffset) {
    const SdeParams& p = model.params();
    const NodeKernel<float> k(p);
    const int n = int(x.rows()), b = int(x.cols());
    const bool par = long(n) * b >= kParallelElements;
#pragma omp parallel for schedule(static) if (par)
    for (int j = 0; j < b; ++j) k.g(x.col(j).data(), buf.g.col(j).data(), n);
    buf.drive.noalias() = model.A() * buf.g;
    x = k.keep * x + k.dt * buf.drive;
    if (p.eps > 0.0) {
        buf.eta.resize(n, b);
#pragma omp parallel for schedule(static) if (par)
        for (int j = 0; j < b; ++j)
            gaussianBlock(seed, stepIndex, std::uint64_t(columnOffset + j), buf.eta.col(j).data(),
                          n);
        const float s = float(std::sqrt(p.dt) * p.eps);
        if (const Eigen::MatrixXf* G = model.noiseMatrix()) {
            buf.drive.noalias() = *G * buf.eta;
            x += s * buf.drive;
        } else {
            x += s * buf.eta;
        }
    }
}

}  // namespace

SdeIntegrator::SdeIntegrator(const SdeModel& model) : model_(model) {}

namespace {

/// The serial integration of the columns of x0 (options.columnOffset is the first one's index).
RunResult runColumns(const SdeModel& model, const Eigen::MatrixXf& x0, const RunOptions& options,
                     const std::vector<int>& nodes) {
    const SdeParams& p = model.params();
    RunResult r;
    const Eigen::Index b = x0.cols();
    Eigen::MatrixXf x = x0;
    r.lateAverage = Eigen::MatrixXf::Zero(p.n, b);
    StepBuffers buf;
    buf.resize(p.n, b);
    auto record = [&](int step) {
        Eigen::MatrixXf m(nodes.size(), b);
        for (std::size_t k = 0; k < nodes.size(); ++k) m.row(Eigen::Index(k)) = x.row(nodes[k]);
        r.recordTimes.push_back(float(step * p.dt));
        r.recorded.push_back(std::move(m));
    };
    if (options.recordEvery > 0) record(0);
    const int firstAveraged = p.steps - p.averageSteps + 1;  // x_t for t in [T - K + 1, T]
    for (int t = 0; t < p.steps; ++t) {
        advance(model, x, buf, options.seed, std::uint64_t(t), options.columnOffset);
        if (t + 1 >= firstAveraged) r.lateAverage += x;
        if (options.recordEvery > 0 && (t + 1) % options.recordEvery == 0) record(t + 1);
        if (!r.diverged && !x.allFinite()) {
            r.diverged = true;
            r.divergedStep = t + 1;
        }
    }
    r.lateAverage /= float(p.averageSteps);
    r.final = std::move(x);
    r.predicted = model.attractors().nearest(r.lateAverage);
    if (r.diverged)  // columns are independent: only the non-finite ones are lost
        for (Eigen::Index j = 0; j < b; ++j)
            if (!r.lateAverage.col(j).allFinite()) r.predicted[j] = -1;
    return r;
}

}  // namespace

RunResult SdeIntegrator::run(const Eigen::MatrixXf& x0, const RunOptions& options) const {
    const SdeParams& p = model_.params();
    if (x0.rows() != p.n)
        throw std::invalid_argument("the initial state has " + std::to_string(x0.rows()) +
                                    " rows, the model " + std::to_string(p.n) + " nodes");
    std::vector<int> nodes = options.recordNodes;
    if (options.recordEvery > 0 && nodes.empty())
        for (int i = 0; i < p.n; ++i) nodes.push_back(i);
    for (int i : nodes)
        if (i < 0 || i >= p.n)
            throw std::invalid_argument("record node " + std::to_string(i) + " is outside [0, " +
                                        std::to_string(p.n) + ")");
    const Eigen::Index b = x0.cols();
    const double work = double(p.n) * double(p.n) * double(b);
    const int threads = omp_get_max_threads();
    if (b < 16 || threads < 2 || work < ThreadBudget::kMinParallelWork) {
        const ThreadBudget budget(work);
        return runColumns(model_, x0, options, nodes);
    }
    // Columns are independent: each thread integrates its own columns through all steps (no
    // fork/join per step, which stalls on a loaded machine), then the parts are joined.
    std::vector<RunResult> parts(static_cast<std::size_t>(threads));
    std::vector<Eigen::Index> first(std::size_t(threads) + 1, b);
    const Eigen::Index chunk = ((b + threads - 1) / threads + 7) / 8 * 8;
    for (int k = 0; k < threads; ++k) first[std::size_t(k)] = std::min(b, k * chunk);
#pragma omp parallel num_threads(threads)
    {
        const int k = omp_get_thread_num();
        const Eigen::Index c0 = first[std::size_t(k)], c1 = first[std::size_t(k) + 1];
        if (c1 > c0) {
            const ThreadBudget one(0.0);  // this thread's products stay on this thread
            RunOptions o = options;
            o.columnOffset += long(c0);
            parts[std::size_t(k)] = runColumns(model_, x0.middleCols(c0, c1 - c0), o, nodes);
        }
    }
    RunResult r;
    r.final.resize(p.n, b);
    r.lateAverage.resize(p.n, b);
    r.predicted.resize(b);
    r.recordTimes = parts[0].recordTimes;
    for (std::size_t k = 0; k < r.recordTimes.size(); ++k)
        r.recorded.emplace_back(Eigen::Index(nodes.size()), b);
    for (int k = 0; k < threads; ++k) {
        const Eigen::Index c0 = first[std::size_t(k)], w = first[std::size_t(k) + 1] - c0;
        if (w <= 0) continue;
        const RunResult& part = parts[std::size_t(k)];
        r.final.middleCols(c0, w) = part.final;
        r.lateAverage.middleCols(c0, w) = part.lateAverage;
        r.predicted.segment(c0, w) = part.predicted;
        for (std::size_t i = 0; i < r.recorded.size(); ++i)
            r.recorded[i].middleCols(c0, w) = part.recorded[i];
        if (part.diverged) {
            r.diverged = true;
            r.divergedStep = r.divergedStep < 0 ? part.divergedStep
                                                : std::min(r.divergedStep, part.divergedStep);
        }
    }
    return r;
}

void SdeIntegrator::step(Eigen::MatrixXf& x, std::mt19937_64& rng) const {
    step(x, rng(), 0, 0);
}

void SdeIntegrator::step(Eigen::MatrixXf& x, std::uint64_t seed, std::uint64_t stepIndex,
                         long columnOffset) const {
    if (x.rows() != model_.params().n)
        throw std::invalid_argument("the state has " + std::to_string(x.rows()) +
                                    " rows, the model " + std::to_string(model_.params().n) +
                                    " nodes");
    const ThreadBudget budget(double(x.rows()) * double(x.rows()) * double(x.cols()));
    StepBuffers buf;
    buf.resize(x.rows(), x.cols());
    advance(model_, x, buf, seed, stepIndex, columnOffset);
}

Eigen::VectorXi classify(const SdeModel& model, const Eigen::MatrixXf& x0, std::uint64_t seed,
                         const std::atomic<bool>* cancel,
                         const std::function<void(long, long)>& progress) {
    constexpr Eigen::Index chunk = 256;
    SdeIntegrator integ(model);
    Eigen::VectorXi out = Eigen::VectorXi::Constant(x0.cols(), -1);
    for (Eigen::Index start = 0; start < x0.cols(); start += chunk) {
        if (cancel && cancel->load()) break;
        const Eigen::Index len = std::min(chunk, x0.cols() - start);
        RunOptions o;
        o.seed = seed;
        o.columnOffset = long(start);
        out.segment(start, len) = integ.run(x0.middleCols(start, len), o).predicted;
        if (progress) progress(long(start + len), long(x0.cols()));
    }
    return out;
}

double accuracy(const Eigen::VectorXi& predicted, const Eigen::VectorXi& labels) {
    if (predicted.size() != labels.size())
        throw std::invalid_argument("accuracy: " + std::to_string(predicted.size()) +
                                    " predictions for " + std::to_string(labels.size()) +
                                    " labels");
    if (labels.size() == 0) return 0.0;
    return double((predicted.array() == labels.array()).count()) / double(labels.size());
}

}  // namespace as::sde
