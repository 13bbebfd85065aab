#include "sde/BpttKernel.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "sde/GaussianNoise.h"
#include "sde/NodeKernel.h"
#include "sde/ThreadBudget.h"

namespace as::sde {
namespace {

// Up to this batch a step is a matrix-vector product, bound by reading A (N^2 floats): each thread
// then owns a block of rows (forward) or columns (backward) of A, which stays in its own L2 cache.
constexpr int kSmallBatch = 8;
constexpr int kSmallBatchMinN = 256;

template <class S>
void checkBatch(const BpttProblem<S>& pr, const MatS<S>& x0) {
    const SdeParams& p = *pr.params;
    if (x0.rows() != p.n || pr.A->rows() != p.n || pr.A->cols() != p.n)
        throw std::invalid_argument("BPTT: the batch has " + std::to_string(x0.rows()) +
                                    " rows, the model " + std::to_string(p.n) + " nodes");
    if (x0.cols() == 0) throw std::invalid_argument("BPTT: empty batch");
    if (pr.gradG && !pr.G) throw std::invalid_argument("BPTT: the G gradient needs G");
}

template <class S>
void checkInputs(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels) {
    checkBatch(pr, x0);
    const SdeParams& p = *pr.params;
    if (labels.size() != x0.cols())
        throw std::invalid_argument("BPTT: " + std::to_string(labels.size()) + " labels for " +
                                    std::to_string(x0.cols()) + " items");
    for (Eigen::Index j = 0; j < labels.size(); ++j)
        if (labels[j] < 0 || labels[j] >= p.classes)
            throw std::invalid_argument("BPTT: label " + std::to_string(labels[j]) +
                                        " is outside [0, " + std::to_string(p.classes) + ")");
}

/// The constants of one forward or backward pass.
template <class S>
struct Pass {
    const BpttProblem<S>& pr;
    NodeKernel<S> k;
    int n, b, T;
    bool keep;  ///< keep g and g' of every step (training) or reuse one block (loss only)
    bool noisy, trainedNoise;
    S s;                ///< sqrt(dt) eps
    int firstAveraged;  ///< x_t is averaged for t >= firstAveraged (1-based step count)
    bool wantAvg;
    std::uint64_t seed;

    Pass(const BpttProblem<S>& p, int batch, bool keepAll, bool avg, std::uint64_t sd)
        : pr(p),
          k(*p.params),
          n(p.params->n),
          b(batch),
          T(p.params->steps),
          keep(keepAll),
          noisy(p.params->eps > 0.0),
          trainedNoise(noisy && p.G),
          s(S(std::sqrt(p.params->dt) * p.params->eps)),
          firstAveraged(p.params->steps - p.params->averageSteps + 1),
          wantAvg(avg),
          seed(sd) {}

    int block(int t) const {
        return keep ? t * b : (t % 2) * b;
    }  // without keep: two alternating blocks

    /// Rows [r0, r1) of column j after the product of step t (drive = A g(x_t)): the Euler update,
    /// the late-time sum, and g (and g') of x_{t+1}. noise: the column's N values (or nullptr).
    void update(BpttBuffers<S>& buf, int t, int j, int r0, int r1, const S* noise) const {
        S* x = buf.x.col(j).data();
        const S* d = buf.drive.col(j).data();
        for (int i = r0; i < r1; ++i) x[i] = k.keep * x[i] + k.dt * d[i];
        if (trainedNoise) {
            const S* ge = buf.geta.col(t * b + j).data();
            for (int i = r0; i < r1; ++i) x[i] += s * ge[i];
        } else if (noise) {
            for (int i = r0; i < r1; ++i) x[i] += s * noise[i];
        }
        if (wantAvg && t + 1 >= firstAveraged) {
            S* a = buf.avg.col(j).data();
            for (int i = r0; i < r1; ++i) a[i] += x[i];
        }
        if (t + 1 < T) {
            const int nb = block(t + 1) + j;
            if (keep)
                k.gAndSlope(x + r0, buf.g.col(nb).data() + r0, buf.slope.col(nb).data() + r0,
                            r1 - r0);
            else
                k.g(x + r0, buf.g.col(nb).data() + r0, r1 - r0);
        }
    }

    void initialG(BpttBuffers<S>& buf, int j, int r0, int r1) const {
        S* x = buf.x.col(j).data();
        if (keep)
            k.gAndSlope(x + r0, buf.g.col(j).data() + r0, buf.slope.col(j).data() + r0, r1 - r0);
        else
            k.g(x + r0, buf.g.col(j).data() + r0, r1 - r0);
    }
};

/// This thread's share [r0, r1) of n rows, in multiples of 16.
void threadRows(int n, int& r0, int& r1) {
    const int nt = omp_get_num_threads(), id = omp_get_thread_num();
    const int chunk = ((n + nt - 1) / nt + 15) / 16 * 16;
    r0 = std::min(n, id * chunk);
    r1 = std::min(n, r0 + chunk);
}

/// This thread's share [c0, c1) of b batch columns (whole columns, multiples of 8 when b allows).
void threadColumns(int b, int& c0, int& c1) {
    const int nt = omp_get_num_threads(), id = omp_get_thread_num();
    const int unit = b >= 8 * nt ? 8 : 1;
    const int chunk = ((b + nt - 1) / nt + unit - 1) / unit * unit;
    c0 = std::min(b, id * chunk);
    c1 = std::min(b, c0 + chunk);
}

/// Batch columns are independent through all steps, so each thread integrates its own columns
/// from start to end: its product is A times its N x (c1 - c0) block, and no thread waits for the
/// other during the T steps. (A fork/join per step, as Eigen's threaded product does, stalls on
/// every join when the machine is loaded.)
template <class S>
void forwardLargeBatch(const Pass<S>& ps, BpttBuffers<S>& buf) {
#pragma omp parallel
    {
        int c0, c1;
        threadColumns(ps.b, c0, c1);
        std::vector<S> noise(ps.noisy && !ps.trainedNoise ? std::size_t(ps.n) : 0);
        for (int j = c0; j < c1; ++j) ps.initialG(buf, j, 0, ps.n);
        for (int t = 0; t < ps.T && c1 > c0; ++t) {
            buf.drive.middleCols(c0, c1 - c0).noalias() =
                *ps.pr.A * buf.g.middleCols(ps.block(t) + c0, c1 - c0);
            for (int j = c0; j < c1; ++j) {
                const S* eta = nullptr;
                if (!noise.empty()) {
                    gaussianBlock(ps.seed, std::uint64_t(t), std::uint64_t(j), noise.data(), ps.n);
                    eta = noise.data();
                }
                ps.update(buf, t, j, 0, ps.n, eta);
            }
        }
    }
}

template <class S>
void forwardSmallBatch(const Pass<S>& ps, BpttBuffers<S>& buf) {
#pragma omp parallel
    {
        int r0, r1;
        threadRows(ps.n, r0, r1);
        std::vector<S> noise(std::size_t(ps.n));
        for (int j = 0; j < ps.b; ++j) ps.initialG(buf, j, r0, r1);
#pragma omp barrier
        for (int t = 0; t < ps.T; ++t) {
            if (r1 > r0)
                buf.drive.middleRows(r0, r1 - r0).noalias() =
                    ps.pr.A->middleRows(r0, r1 - r0) * buf.g.middleCols(ps.block(t), ps.b);
            for (int j = 0; j < ps.b; ++j) {
                const S* eta = nullptr;
                if (ps.noisy && !ps.trainedNoise) {  // each thread draws the column, uses its rows
                    gaussianBlock(ps.seed, std::uint64_t(t), std::uint64_t(j), noise.data(), ps.n);
                    eta = noise.data();
                }
                ps.update(buf, t, j, r0, r1, eta);
            }
#pragma omp barrier
        }
    }
}

/// Integrates x0 to x(T) (left in buf.x); keep: store g and g' of every step for the backward pass;
/// wantAvg: sum the late-time states into buf.avg.
template <class S>
void integrate(const BpttProblem<S>& pr, const MatS<S>& x0, std::uint64_t seed, BpttBuffers<S>& buf,
               bool keep, bool wantAvg) {
    const bool smallBatch = x0.cols() <= kSmallBatch && x0.rows() >= kSmallBatchMinN;
    const ThreadBudget budget(smallBatch
                                  ? ThreadBudget::smallBatchWork()
                                  : double(x0.rows()) * double(x0.rows()) * double(x0.cols()));
    const Pass<S> ps(pr, int(x0.cols()), keep, wantAvg, seed);
    const int n = ps.n, b = ps.b, T = ps.T;
    buf.g.resize(n, keep ? b * T : 2 * b);
    buf.slope.resize(n, keep ? b * T : 0);
    buf.x = x0;
    buf.drive.resize(n, b);
    if (ps.wantAvg) buf.avg = MatS<S>::Zero(n, b);
    if (ps.trainedNoise) {  // eta does not depend on x: all steps' G eta in one product
        buf.eta.resize(n, b * T);
#pragma omp parallel for schedule(static)
        for (int c = 0; c < b * T; ++c)
            gaussianBlock(seed, std::uint64_t(c / b), std::uint64_t(c % b), buf.eta.col(c).data(),
                          n);
        buf.geta.noalias() = *pr.G * buf.eta;
    }
    if (smallBatch && omp_get_max_threads() > 1)
        forwardSmallBatch(ps, buf);
    else
        forwardLargeBatch(ps, buf);
}

/// Forward pass. Returns the loss of eq 18 (+ alpha / sum|G|); predicted from the late average.
template <class S>
double forward(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels,
               std::uint64_t seed, BpttBuffers<S>& buf, bool keep, Eigen::VectorXi* predicted) {
    checkInputs(pr, x0, labels);
    integrate(pr, x0, seed, buf, keep, predicted != nullptr);
    const int b = int(x0.cols());
    double loss = 0.0;
    for (int j = 0; j < b; ++j)
        loss += double((buf.x.col(j) - pr.attractors->points().col(labels[j]).template cast<S>())
                           .squaredNorm());
    loss /= double(b);
    if (pr.gradG) loss += pr.alpha / double(pr.G->template cast<double>().cwiseAbs().sum());
    if (predicted) {
        buf.avg /= S(pr.params->averageSteps);
        *predicted = pr.attractors->nearest(buf.avg.template cast<float>());
        for (int j = 0; j < b; ++j)
            if (!buf.avg.col(j).allFinite()) (*predicted)[j] = -1;
    }
    return loss;
}

/// Rows [r0, r1) of the backward step t: delta_t = keep delta_{t+1} + dt g'(x_t) .* h (h = A^T
/// delta_{t+1}, read from `h`), and g'(x_t) is overwritten by delta_{t+1}. cur/next: delta_{t+1}
/// in, delta_t out. At t = 0 delta_0 = dL/dx(0) is formed only if toInput (the classifier's images
/// are not trained).
template <class S>
void backwardRows(const Pass<S>& ps, BpttBuffers<S>& buf, const MatS<S>& cur, MatS<S>& next,
                  const MatS<S>& h, int t, int j, int r0, int r1, bool toInput) {
    const S* dl = cur.col(j).data();
    S* out = next.col(j).data();
    S* sl = buf.slope.col(t * ps.b + j).data();
    if (t > 0 || toInput) {
        const S* hh = h.col(j).data();
        for (int i = r0; i < r1; ++i) {
            const S old = dl[i];
            out[i] = ps.k.keep * old + ps.k.dt * sl[i] * hh[i];
            sl[i] = old;
        }
    } else {
        for (int i = r0; i < r1; ++i) sl[i] = dl[i];
    }
}

template <class S>
void backward(const BpttProblem<S>& pr, BpttBuffers<S>& buf, MatS<S>& dA, MatS<S>* dG,
              MatS<S>* dx0) {
    const Pass<S> ps(pr, int(buf.delta.cols()), true, false, 0);
    const int n = ps.n, b = ps.b, T = ps.T;
    const bool smallBatch = b <= kSmallBatch && n >= kSmallBatchMinN;
    const ThreadBudget budget(smallBatch ? ThreadBudget::smallBatchWork()
                                         : double(n) * double(n) * double(b));
    const bool toInput = dx0 != nullptr;

    // Two buffers alternate as delta_{t+1} and delta_t.
    MatS<S> other(n, b);
    MatS<S>* cur = &buf.delta;
    MatS<S>* next = &other;
    if (smallBatch && omp_get_max_threads() > 1) {
#pragma omp parallel
        {
            int r0, r1;
            threadRows(n, r0, r1);
            for (int t = T - 1; t >= 0; --t) {
                MatS<S>& c = (T - 1 - t) % 2 ? other : buf.delta;
                MatS<S>& nx = (T - 1 - t) % 2 ? buf.delta : other;
                if ((t > 0 || toInput) &&
                    r1 > r0)  // rows r0..r1 of A^T delta use columns r0..r1 of A
                    buf.drive.middleRows(r0, r1 - r0).noalias() =
                        pr.A->middleCols(r0, r1 - r0).transpose() * c;
                for (int j = 0; j < b; ++j)
                    backwardRows(ps, buf, c, nx, buf.drive, t, j, r0, r1, toInput);
#pragma omp barrier
            }
        }
    } else {
        // Each thread its own batch columns through all steps, as in forwardLargeBatch.
#pragma omp parallel
        {
            int c0, c1;
            threadColumns(b, c0, c1);
            MatS<S>* c = cur;
            MatS<S>* nx = next;
            for (int t = T - 1; t >= 0 && c1 > c0; --t) {
                if (t > 0 || toInput)  // A^T delta_{t+1}
                    buf.drive.middleCols(c0, c1 - c0).noalias() =
                        pr.A->transpose() * c->middleCols(c0, c1 - c0);
                for (int j = c0; j < c1; ++j)
                    backwardRows(ps, buf, *c, *nx, buf.drive, t, j, 0, n, toInput);
                std::swap(c, nx);
            }
        }
    }
    // dL/dA = dt sum_t delta_{t+1} g(x_t)^T: one (N x BT) (BT x N) product.
    dA.noalias() = buf.slope * buf.g.transpose();
    dA *= ps.k.dt;
    if (pr.gradG && dG) {
        if (ps.noisy) {
            dG->noalias() = buf.slope * buf.eta.transpose();
            *dG *= ps.s;
        } else {
            dG->setZero(n, n);
        }
        // d/dG of alpha / sum|G| = -alpha sign(G) / (sum|G|)^2
        const double sum = double(pr.G->template cast<double>().cwiseAbs().sum());
        const S coef = S(-pr.alpha / (sum * sum));
        dG->array() += coef * pr.G->array().sign();
    }
    // Both paths write delta_t into the other buffer each step: after T steps delta_0 is in `other`
    // for odd T, in buf.delta for even T.
    if (dx0) *dx0 = T % 2 ? other : buf.delta;
}

}  // namespace

template <class S>
double bpttLoss(const BpttProblem<S>& pr, const MatS<S>& x0, const Eigen::VectorXi& labels,
                std::uint64_t seed, BpttBuffers<S>& buf, Eigen::VectorXi* predicted) {
    return forward(pr, x0, labels, seed, buf, false, predicted);
}

/// The backward pass from delta_T (in buf.delta) through the steps bpttForward/forward kept:
/// dL/dA, dL/dG (with the alpha term) if pr.gradG and dG, and dL/dx(0) if dx0.
template <class S>
void bpttForward(const BpttProblem<S>& pr, const MatS<S>& x0, std::uint64_t seed,
                 BpttBuffers<S>& buf) {
    checkBatch(pr, x0);
    integrate(pr, x0, seed, buf, true, false);
}

template <class S>
void bpttBackward(const BpttProblem<S>& pr, const MatS<S>& dxT, BpttBuffers<S>& buf, MatS<S>& dA,
                  MatS<S>* dG, MatS<S>* dx0) {
    if (dxT.rows() != buf.x.rows() || dxT.cols() != buf.x.cols() ||
        buf.slope.cols() != dxT.cols() * pr.params->steps)
        throw std::invalid_argument(
            "BPTT: the backward pass needs dL/dx(T) of the batch bpttForward integrated");
    buf.delta = dxT;
    backward(pr, buf, dA, dG, dx0);
}

template <class S>
double bpttLossAndGradient(const BpttProblem<S>& pr, const MatS<S>& x0,
                           const Eigen::VectorXi& labels, std::uint64_t seed, MatS<S>& dA,
                           MatS<S>* dG, BpttBuffers<S>& buf, Eigen::VectorXi* predicted) {
    const double loss = forward(pr, x0, labels, seed, buf, true, predicted);
    const int n = pr.params->n, b = int(x0.cols());
    // delta_T = (2 / B) (x_T - xbar_label).
    buf.delta.resize(n, b);
    for (int j = 0; j < b; ++j)
        buf.delta.col(j) =
            (S(2) / S(b)) *
            (buf.x.col(j) - pr.attractors->points().col(labels[j]).template cast<S>());
    backward<S>(pr, buf, dA, dG, nullptr);
    return loss;
}

template double bpttLossAndGradient<float>(const BpttProblem<float>&, const MatS<float>&,
                                           const Eigen::VectorXi&, std::uint64_t, MatS<float>&,
                                           MatS<float>*, BpttBuffers<float>&, Eigen::VectorXi*);
template double bpttLossAndGradient<double>(const BpttProblem<double>&, const MatS<double>&,
                                            const Eigen::VectorXi&, std::uint64_t, MatS<double>&,
                                            MatS<double>*, BpttBuffers<double>&, Eigen::VectorXi*);
template double bpttLoss<float>(const BpttProblem<float>&, const MatS<float>&,
                                const Eigen::VectorXi&, std::uint64_t, BpttBuffers<float>&,
                                Eigen::VectorXi*);
template double bpttLoss<double>(const BpttProblem<double>&, const MatS<double>&,
                                 const Eigen::VectorXi&, std::uint64_t, BpttBuffers<double>&,
                                 Eigen::VectorXi*);
template void bpttForward<float>(const BpttProblem<float>&, const MatS<float>&, std::uint64_t,
                                 BpttBuffers<float>&);
template void bpttForward<double>(const BpttProblem<double>&, const MatS<double>&, std::uint64_t,
                                  BpttBuffers<double>&);
template void bpttBackward<float>(const BpttProblem<float>&, const MatS<float>&,
                                  BpttBuffers<float>&, MatS<float>&, MatS<float>*, MatS<float>*);
template void bpttBackward<double>(const BpttProblem<double>&, const MatS<double>&,
                                   BpttBuffers<double>&, MatS<double>&, MatS<double>*,
                                   MatS<double>*);

}  // namespace as::sde
