// BPTT through the unrolled Euler–Maruyama steps (seed 002 §IV): the gradient of eq 18 with respect
// to Atilde (through eq 2) and to G (with the alpha / sum|G| term) against central finite
// differences in double precision, deterministic and with fixed noise; the float trainer's gradient
// against the double one.
#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>
#include <functional>

#include "sde/BpttKernel.h"
#include "sde/BpttTrainer.h"
#include "sde/SdeModel.h"
#include "tests/engine/RandomMatrix.h"
#include "tests/engine/sde/SmallSde.h"

using namespace as::sde;
using as::test::randomMatrix;

namespace {

constexpr int kN = 12, kC = 3, kB = 4;

SdeParams smallParams(double eps) {
    return as::test::smallSde(kN, kC, 8, 2, eps);
}

struct Case {
    SdeParams p;
    AttractorSet set;
    Eigen::MatrixXd atilde, G, x0;
    Eigen::VectorXi labels;
    explicit Case(double eps)
        : p(smallParams(eps)),
          set(p),
          atilde(randomMatrix(kN, kN, 0.4, 21)),
          G(Eigen::MatrixXd::Identity(kN, kN) + randomMatrix(kN, kN, 0.2, 22)),
          x0(randomMatrix(kN, kB, 0.5, 23).cwiseAbs()),
          labels(kB) {
        labels << 0, 1, 2, 1;
    }
    /// The problem for A (which must outlive it) and G.
    BpttProblem<double> problem(const Eigen::MatrixXd& A, const Eigen::MatrixXd* g, bool gradG,
                                double alpha) const {
        return {.params = &p, .attractors = &set, .A = &A, .G = g, .gradG = gradG, .alpha = alpha};
    }
    /// Loss for (Atilde, G) in double with noise seed 99.
    double loss(const Eigen::MatrixXd& at, const Eigen::MatrixXd* g, bool gradG,
                double alpha) const {
        const Eigen::MatrixXd A = set.assemble(at);
        const BpttProblem<double> pr = problem(A, g, gradG, alpha);
        BpttBuffers<double> buf;
        return bpttLoss(pr, x0, labels, 99, buf);
    }
    double gradient(const Eigen::MatrixXd* g, bool gradG, double alpha, Eigen::MatrixXd& dAtilde,
                    Eigen::MatrixXd* dG) const {
        const Eigen::MatrixXd A = set.assemble(atilde);
        const BpttProblem<double> pr = problem(A, g, gradG, alpha);
        BpttBuffers<double> buf;
        Eigen::MatrixXd dA;
        const double l = bpttLossAndGradient(pr, x0, labels, 99, dA, dG, buf);
        const Eigen::MatrixXd& Q = set.basis();
        dAtilde = dA - (dA * Q) * Q.transpose();  // eq 2 pull-back, double
        return l;
    }
};

/// The central-difference gradient (step 1e-6) of f at X, entry by entry.
Eigen::MatrixXd numericGradient(const Eigen::MatrixXd& X,
                                const std::function<double(const Eigen::MatrixXd&)>& f) {
    const double h = 1e-6;
    Eigen::MatrixXd numeric(X.rows(), X.cols());
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        for (Eigen::Index j = 0; j < X.cols(); ++j) {
            Eigen::MatrixXd plus = X, minus = X;
            plus(i, j) += h;
            minus(i, j) -= h;
            numeric(i, j) = (f(plus) - f(minus)) / (2 * h);
        }
    return numeric;
}

/// max |analytic - numeric| / max(|numeric|) over all entries.
double relativeError(const Eigen::MatrixXd& analytic, const Eigen::MatrixXd& numeric) {
    return (analytic - numeric).cwiseAbs().maxCoeff() / numeric.cwiseAbs().maxCoeff();
}

void checkAtildeGradient(double eps, const char* what) {
    const Case c(eps);
    const Eigen::MatrixXd* G = eps > 0 ? &c.G : nullptr;
    Eigen::MatrixXd dAtilde;
    const double l0 = c.gradient(G, false, 0.0, dAtilde, nullptr);
    EXPECT_DOUBLE_EQ(l0, c.loss(c.atilde, G, false, 0.0));
    const Eigen::MatrixXd numeric = numericGradient(
        c.atilde, [&](const Eigen::MatrixXd& at) { return c.loss(at, G, false, 0.0); });
    EXPECT_GT(numeric.cwiseAbs().maxCoeff(), 1e-3) << what;  // the test means something
    EXPECT_LT(relativeError(dAtilde, numeric), 1e-7) << what;
}

}  // namespace

TEST(SdeBptt, AtildeGradientDeterministic) {
    checkAtildeGradient(0.0, "eps = 0");
}

TEST(SdeBptt, AtildeGradientWithFixedNoise) {
    checkAtildeGradient(0.3, "eps = 0.3, fixed noise, G != I");
}

TEST(SdeBptt, GGradientWithAlphaTerm) {
    const Case c(0.3);
    const double alpha = 5.0;
    Eigen::MatrixXd dAtilde, dG;
    c.gradient(&c.G, true, alpha, dAtilde, &dG);
    const Eigen::MatrixXd numeric = numericGradient(
        c.G, [&](const Eigen::MatrixXd& g) { return c.loss(c.atilde, &g, true, alpha); });
    EXPECT_GT(numeric.cwiseAbs().maxCoeff(), 1e-3);
    EXPECT_LT(relativeError(dG, numeric), 1e-7);
    // The alpha term alone: alpha / sum|G| with its gradient -alpha sign(G) / (sum|G|)^2.
    const double withAlpha = c.loss(c.atilde, &c.G, true, alpha),
                 without = c.loss(c.atilde, &c.G, true, 0.0);
    EXPECT_NEAR(withAlpha - without, alpha / c.G.cwiseAbs().sum(), 1e-12);
}

TEST(SdeBptt, NoiseChangesTheLossAndSeedFixesIt) {
    const Case c(0.3);
    const double a = c.loss(c.atilde, nullptr, false, 0.0);
    EXPECT_DOUBLE_EQ(a, c.loss(c.atilde, nullptr, false, 0.0));
    const Case d(0.0);
    EXPECT_GT(std::abs(a - d.loss(d.atilde, nullptr, false, 0.0)), 1e-4);
}

TEST(SdeBptt, FloatTrainerGradientMatchesDouble) {
    const Case c(0.3);
    SdeParams p = c.p;
    SdeModel model(p);
    model.setAtilde(c.atilde.cast<float>());
    model.setTrainedG(c.G.cast<float>());
    TrainParams tp;
    tp.trainG = true;
    tp.alpha = 5.0;
    const BpttTrainer trainer(model, tp);
    Eigen::MatrixXf dAtilde, dG;
    const double lf = trainer.lossAndGradient(c.x0.cast<float>(), c.labels, 99, dAtilde, &dG);
    Eigen::MatrixXd refA, refG;
    const double ld = c.gradient(&c.G, true, 5.0, refA, &refG);
    EXPECT_NEAR(lf, ld, 1e-5 * ld);
    EXPECT_LT(relativeError(dAtilde.cast<double>(), refA), 1e-4);
    EXPECT_LT(relativeError(dG.cast<double>(), refG), 1e-4);
    // The gradient is tangent to eq 2's constraint: dAtilde Q = 0.
    EXPECT_LT((dAtilde * model.attractors().basis().cast<float>()).cwiseAbs().maxCoeff(), 1e-6f);
}

TEST(SdeBptt, RefusesBadBatches) {
    SdeModel model(smallParams(0.0));
    const BpttTrainer trainer(model, TrainParams{});
    Eigen::MatrixXf dA;
    Eigen::VectorXi labels(2);
    labels << 0, 3;
    EXPECT_THROW(trainer.lossAndGradient(Eigen::MatrixXf::Zero(kN, 2), labels, 1, dA, nullptr),
                 std::invalid_argument);
    labels << 0, 1;
    EXPECT_THROW(trainer.lossAndGradient(Eigen::MatrixXf::Zero(kN + 1, 2), labels, 1, dA, nullptr),
                 std::invalid_argument);
    EXPECT_THROW(trainer.lossAndGradient(Eigen::MatrixXf::Zero(kN, 3), labels, 1, dA, nullptr),
                 std::invalid_argument);
}

TEST(SdeBptt, SmallBatchRowParallelPathMatchesBatchedPath) {
    // Batches of <= 8 at N >= 256 split A's rows/columns over the threads; one thread takes the
    // batched path. Both give the same loss and gradients (float rounding only).
    SdeParams p = smallParams(0.2);
    p.n = 300;
    p.steps = 12;
    SdeModel model(p);
    model.setAtilde(randomMatrix(300, 300, 0.05, 31).cast<float>());
    model.setTrainedG(
        (Eigen::MatrixXd::Identity(300, 300) + randomMatrix(300, 300, 0.05, 32)).cast<float>());
    const Eigen::MatrixXf x0 = randomMatrix(300, 3, 0.5, 33).cwiseAbs().cast<float>();
    Eigen::VectorXi labels(3);
    labels << 2, 0, 1;
    for (bool trainG : {false, true}) {
        TrainParams tp;
        tp.trainG = trainG;
        const BpttTrainer trainer(model, tp);
        Eigen::MatrixXf dA1, dG1, dA2, dG2;
        const int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        const double l1 = trainer.lossAndGradient(x0, labels, 5, dA1, &dG1);
        omp_set_num_threads(2);
        const double l2 = trainer.lossAndGradient(x0, labels, 5, dA2, &dG2);
        omp_set_num_threads(threads);
        EXPECT_NEAR(l1, l2, 1e-6 * l1);
        EXPECT_LT((dA1 - dA2).cwiseAbs().maxCoeff(), 1e-5f * dA1.cwiseAbs().maxCoeff());
        if (trainG) {
            EXPECT_LT((dG1 - dG2).cwiseAbs().maxCoeff(), 1e-5f * dG1.cwiseAbs().maxCoeff());
        }
    }
}

TEST(SdeBptt, ColumnSplitPathMatchesOneThread) {
    // Large batches: each thread integrates its own batch columns through all steps.
    SdeParams p = smallParams(0.2);
    p.n = 400;
    p.classes = 4;
    p.steps = 6;
    SdeModel model(p);
    model.setAtilde(randomMatrix(400, 400, 0.05, 41).cast<float>());
    const Eigen::MatrixXf x0 =
        randomMatrix(400, 36, 0.5, 42).cwiseAbs().cast<float>();  // 400^2 * 36 > 4e6
    Eigen::VectorXi labels(36);
    for (int j = 0; j < 36; ++j) labels[j] = j % 4;
    const BpttTrainer trainer(model, TrainParams{});
    Eigen::MatrixXf dA1, dA2;
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const double l1 = trainer.lossAndGradient(x0, labels, 8, dA1, nullptr);
    omp_set_num_threads(2);
    const double l2 = trainer.lossAndGradient(x0, labels, 8, dA2, nullptr);
    omp_set_num_threads(threads);
    EXPECT_NEAR(l1, l2, 1e-6 * l1);
    EXPECT_LT((dA1 - dA2).cwiseAbs().maxCoeff(), 1e-5f * dA1.cwiseAbs().maxCoeff());
}
