#include "sde/BpttKernel.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "sde/GaussianNoise.h"
#include "sde/NodeKernel.h"

namespace as::sde {
namespace {

constexpr long kParallelElements = 1L << 15;

template <class S>
void checkInputs(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels) {
    const SdeParams& p = *pr.params;
    if (x0.rows() != p.n || pr.A->rows() != p.n || pr.A->cols() != p.n)
        throw std::invalid_argument("BPTT: the batch has " + std::to_string(x0.rows()) + " rows, the model " +
                                    std::to_string(p.n) + " nodes");
    if (labels.size() != x0.cols())
        throw std::invalid_argument("BPTT: " + std::to_string(labels.size()) + " labels for " +
                                    std::to_string(x0.cols()) + " items");
    if (x0.cols() == 0) throw std::invalid_argument("BPTT: empty batch");
    for (Eigen::Index j = 0; j < labels.size(); ++j)
        if (labels[j] < 0 || labels[j] >= p.classes)
            throw std::invalid_argument("BPTT: label " + std::to_string(labels[j]) + " is outside [0, " +
                                        std::to_string(p.classes) + ")");
    if (pr.gradG && !pr.G) throw std::invalid_argument("BPTT: the G gradient needs G");
}

/// Forward pass; keeps g and g' of every step when `keep` (for the backward pass). Returns the loss.
template <class S>
double forward(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels, std::uint64_t seed,
               BpttBuffers<S>& buf, bool keep, Eigen::VectorXi* predicted) {
    checkInputs(pr, x0, labels);
    const SdeParams& p = *pr.params;
    const NodeKernel<S> k(p);
    const int n = p.n, b = int(x0.cols()), T = p.steps;
    const bool par = long(n) * b >= kParallelElements;
    const bool noisy = p.eps > 0.0;
    const S s = S(std::sqrt(p.dt) * p.eps);
    const int firstAveraged = T - p.averageSteps + 1;
    const bool wantAvg = predicted != nullptr;

    const int cols = keep ? b * T : b;  // without `keep`, column block 0 is reused every step
    buf.g.resize(n, cols);
    buf.slope.resize(n, keep ? cols : 0);
    buf.x = x0;
    buf.drive.resize(n, b);
    if (wantAvg) buf.avg = MatS<S>::Zero(n, b);
    const bool trainedNoise = noisy && pr.G;
    if (trainedNoise) {  // eta does not depend on x: all steps' G eta in one product
        buf.eta.resize(n, b * T);
#pragma omp parallel for schedule(static) if (par)
        for (int c = 0; c < b * T; ++c)
            gaussianBlock(seed, std::uint64_t(c / b), std::uint64_t(c % b), buf.eta.col(c).data(), n);
        buf.geta.noalias() = *pr.G * buf.eta;
    }

    // g (and g') of x_0
#pragma omp parallel for schedule(static) if (par)
    for (int j = 0; j < b; ++j) {
        if (keep) k.gAndSlope(buf.x.col(j).data(), buf.g.col(j).data(), buf.slope.col(j).data(), n);
        else k.g(buf.x.col(j).data(), buf.g.col(j).data(), n);
    }
    for (int t = 0; t < T; ++t) {
        const int blk = keep ? t * b : 0;
        buf.drive.noalias() = *pr.A * buf.g.middleCols(blk, b);
        const bool last = t + 1 == T;
        const bool avgHere = wantAvg && t + 1 >= firstAveraged;
        const int nextBlk = keep ? (t + 1) * b : 0;
#pragma omp parallel for schedule(static) if (par)
        for (int j = 0; j < b; ++j) {
            thread_local std::vector<S> noise;
            S* x = buf.x.col(j).data();
            const S* d = buf.drive.col(j).data();
            for (int i = 0; i < n; ++i) x[i] = k.keep * x[i] + k.dt * d[i];
            if (trainedNoise) {
                const S* ge = buf.geta.col(t * b + j).data();
                for (int i = 0; i < n; ++i) x[i] += s * ge[i];
            } else if (noisy) {
                noise.resize(std::size_t(n));
                gaussianBlock(seed, std::uint64_t(t), std::uint64_t(j), noise.data(), n);
                for (int i = 0; i < n; ++i) x[i] += s * noise[std::size_t(i)];
            }
            if (avgHere) {
                S* a = buf.avg.col(j).data();
                for (int i = 0; i < n; ++i) a[i] += x[i];
            }
            if (!last) {
                if (keep) k.gAndSlope(x, buf.g.col(nextBlk + j).data(), buf.slope.col(nextBlk + j).data(), n);
                else k.g(x, buf.g.col(nextBlk + j).data(), n);
            }
        }
    }
    // loss (eq 18): mean over the batch of |x_T - xbar_label|^2
    double loss = 0.0;
    for (int j = 0; j < b; ++j)
        loss += double((buf.x.col(j) - pr.attractors->points().col(labels[j]).template cast<S>()).squaredNorm());
    loss /= double(b);
    if (pr.gradG) loss += pr.alpha / double(pr.G->template cast<double>().cwiseAbs().sum());
    if (predicted) {
        buf.avg /= S(p.averageSteps);
        *predicted = pr.attractors->nearest(buf.avg.template cast<float>());
        for (int j = 0; j < b; ++j)
            if (!buf.avg.col(j).allFinite()) (*predicted)[j] = -1;
    }
    return loss;
}

}  // namespace

template <class S>
double bpttLoss(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels, std::uint64_t seed,
                BpttBuffers<S>& buf, Eigen::VectorXi* predicted) {
    return forward(pr, x0, labels, seed, buf, false, predicted);
}

template <class S>
double bpttLossAndGradient(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels,
                           std::uint64_t seed, MatS<S>& dA, MatS<S>* dG, BpttBuffers<S>& buf,
                           Eigen::VectorXi* predicted) {
    const double loss = forward(pr, x0, labels, seed, buf, true, predicted);
    const SdeParams& p = *pr.params;
    const NodeKernel<S> k(p);
    const int n = p.n, b = int(x0.cols()), T = p.steps;
    const bool par = long(n) * b >= kParallelElements;

    // delta_T = (2 / B) (x_T - xbar_label)
    buf.delta.resize(n, b);
    for (int j = 0; j < b; ++j)
        buf.delta.col(j) =
            (S(2) / S(b)) * (buf.x.col(j) - pr.attractors->points().col(labels[j]).template cast<S>());
    for (int t = T - 1; t >= 0; --t) {
        if (t > 0) buf.drive.noalias() = pr.A->transpose() * buf.delta;  // A^T delta_{t+1}
#pragma omp parallel for schedule(static) if (par)
        for (int j = 0; j < b; ++j) {
            S* dl = buf.delta.col(j).data();
            S* sl = buf.slope.col(t * b + j).data();  // g'(x_t) in, delta_{t+1} out
            if (t > 0) {
                const S* h = buf.drive.col(j).data();
                for (int i = 0; i < n; ++i) {
                    const S old = dl[i];
                    dl[i] = k.keep * old + k.dt * sl[i] * h[i];
                    sl[i] = old;
                }
            } else {
                for (int i = 0; i < n; ++i) sl[i] = dl[i];
            }
        }
    }
    dA.noalias() = buf.slope * buf.g.transpose();
    dA *= k.dt;
    if (pr.gradG && dG) {
        const bool noisy = p.eps > 0.0;
        if (noisy) {
            dG->noalias() = buf.slope * buf.eta.transpose();
            *dG *= S(std::sqrt(p.dt) * p.eps);
        } else {
            dG->setZero(n, n);
        }
        // d/dG of alpha / sum|G| = -alpha sign(G) / (sum|G|)^2
        const double sum = double(pr.G->template cast<double>().cwiseAbs().sum());
        const S coef = S(-pr.alpha / (sum * sum));
        dG->array() += coef * pr.G->array().sign();
    }
    return loss;
}

template double bpttLossAndGradient<float>(const BpttProblem<float>&, const MatS<float>&, const Eigen::VectorXi&,
                                           std::uint64_t, MatS<float>&, MatS<float>*, BpttBuffers<float>&,
                                           Eigen::VectorXi*);
template double bpttLossAndGradient<double>(const BpttProblem<double>&, const MatS<double>&, const Eigen::VectorXi&,
                                            std::uint64_t, MatS<double>&, MatS<double>*, BpttBuffers<double>&,
                                            Eigen::VectorXi*);
template double bpttLoss<float>(const BpttProblem<float>&, const MatS<float>&, const Eigen::VectorXi&,
                                std::uint64_t, BpttBuffers<float>&, Eigen::VectorXi*);
template double bpttLoss<double>(const BpttProblem<double>&, const MatS<double>&, const Eigen::VectorXi&,
                                 std::uint64_t, BpttBuffers<double>&, Eigen::VectorXi*);

}  // namespace as::sde
