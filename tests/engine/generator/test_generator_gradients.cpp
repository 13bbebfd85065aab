// The generator's gradients (seed 002 §VI.1, eq 21) against central finite differences in double
// precision, block by block: the MLP alone, the latent SDE's input and coupling gradients with
// fixed noise, and the whole loss with respect to the encoder, the latent coupling A and the
// decoder, with every term on and with the centroid term alone.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

#include "generator/GeneratorKernel.h"
#include "generator/Mlp.h"
#include "sde/AttractorSet.h"
#include "sde/BpttKernel.h"
#include "tests/engine/RandomMatrix.h"
#include "tests/engine/sde/SmallSde.h"

using namespace as::generator;
using Mat = Eigen::MatrixXd;

using as::test::randomMatrix;

namespace {

/// Max relative error of analytic vs central-difference derivatives over `entries` of m.
double checkEntries(Mat& m, const Mat& analytic, const std::function<double()>& loss, int entries,
                    std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    double worst = 0.0;
    const double h = 1e-6;
    for (int k = 0; k < entries; ++k) {
        const Eigen::Index i = Eigen::Index(rng() % std::uint64_t(m.size()));
        const double keep = m.data()[i];
        m.data()[i] = keep + h;
        const double up = loss();
        m.data()[i] = keep - h;
        const double down = loss();
        m.data()[i] = keep;
        const double fd = (up - down) / (2 * h), an = analytic.data()[i];
        worst = std::max(worst, std::abs(fd - an) / std::max(1e-7, std::abs(fd) + std::abs(an)));
    }
    return worst;
}

}  // namespace

TEST(GeneratorGradients, MlpMatchesFiniteDifferences) {
    MlpWeights<double> net =
        makeMlp({5, 7, 3}, Activation::Relu, Activation::Sigmoid, 3).cast<double>();
    net.b[0] = randomMatrix(7, 1, 0.3, 4);
    Mat x = randomMatrix(5, 4, 1.0, 5);
    const Mat R = randomMatrix(3, 4, 1.0, 6);
    auto loss = [&] {
        MlpCache<double> c;
        mlpForward(net, x, c);
        return c.output().cwiseProduct(R).sum();
    };
    MlpCache<double> c;
    mlpForward(net, x, c);
    MlpWeights<double> g;
    Mat dIn;
    mlpBackward(net, c, R, g, &dIn);
    EXPECT_LT(checkEntries(net.w[0], g.w[0], loss, 20, 1), 1e-6);
    EXPECT_LT(checkEntries(net.b[0], g.b[0], loss, 7, 2), 1e-6);
    EXPECT_LT(checkEntries(net.w[1], g.w[1], loss, 15, 3), 1e-6);
    EXPECT_LT(checkEntries(net.b[1], g.b[1], loss, 3, 4), 1e-6);
    EXPECT_LT(checkEntries(x, dIn, loss, 20, 5), 1e-6);
}

TEST(GeneratorGradients, LatentSdeInputAndCouplingWithFixedNoise) {
    // 7 steps: odd and even step counts end delta_0 in different buffers
    as::sde::SdeParams p = as::test::smallSde(6, 2, 7, 2, 0.3);
    const as::sde::AttractorSet set(p);
    Mat A = set.assemble(Mat(randomMatrix(6, 6, 0.4, 7)));
    for (int steps : {7, 8}) {
        p.steps = steps;
        Mat x0 = randomMatrix(6, 3, 0.5, 8);
        const Mat R = randomMatrix(6, 3, 1.0, 9);
        as::sde::BpttProblem<double> pr;
        pr.params = &p;
        pr.attractors = &set;
        pr.A = &A;
        as::sde::BpttBuffers<double> buf;
        auto loss = [&] {
            as::sde::bpttForward(pr, x0, 42, buf);
            return buf.x.cwiseProduct(R).sum();
        };
        loss();
        Mat dA, dx0;
        as::sde::bpttBackward(pr, R, buf, dA, static_cast<Mat*>(nullptr), &dx0);
        EXPECT_LT(checkEntries(x0, dx0, loss, 18, 10), 1e-6) << steps << " steps";
        EXPECT_LT(checkEntries(A, dA, loss, 20, 11), 1e-6) << steps << " steps";
    }
}

namespace {

struct GenCase {
    as::sde::SdeParams p;
    as::sde::AttractorSet set;
    Mat A, X;
    MlpWeights<double> enc, dec;
    Eigen::VectorXi labels;
    GeneratorBuffers<double> buf;
    GeneratorProblem<double> pr;

    explicit GenCase(int decoderInputs) : p(params()), set(p) {
        A = set.assemble(Mat(randomMatrix(4, 4, 0.4, 12)));
        X = randomMatrix(10, 5, 1.0, 13).cwiseAbs().cwiseMin(1.0);
        enc = makeMlp({10, 6, 4}, Activation::Relu, Activation::Identity, 14).cast<double>();
        dec = makeMlp({decoderInputs, 6, 10}, Activation::Relu, Activation::Sigmoid, 15)
                  .cast<double>();
        enc.b[0] = randomMatrix(6, 1, 0.2, 16);
        dec.b[0] = randomMatrix(6, 1, 0.2, 17);
        labels.resize(5);
        labels << 0, 1, 1, 0, 1;
        pr.latent = &p;
        pr.attractors = &set;
        pr.A = &A;
        pr.encoder = &enc;
        pr.decoder = &dec;
    }
    static as::sde::SdeParams params() { return as::test::smallSde(4, 2, 6, 2, 0.2); }
    double loss() {
        return generatorLossAndGradient<double>(pr, X, labels, 77, buf, nullptr).total;
    }
    GeneratorGradient<double> gradient() {
        GeneratorGradient<double> g;
        generatorLossAndGradient(pr, X, labels, 77, buf, &g);
        return g;
    }
};

}  // namespace

TEST(GeneratorGradients, WholeLossEveryBlock) {
    for (int decoderInputs :
         {4, 3}) {  // all latent components, and the Fig. 8 variant's first three
        GenCase c(decoderInputs);
        c.pr.wConv = 0.7;
        c.pr.wRec = 1.3;
        c.pr.wCentroid = 0.9;
        const GeneratorGradient<double> g = c.gradient();
        auto loss = [&] { return c.loss(); };
        EXPECT_LT(checkEntries(c.enc.w[0], g.encoder.w[0], loss, 25, 20), 1e-5) << "encoder W0";
        EXPECT_LT(checkEntries(c.enc.w[1], g.encoder.w[1], loss, 15, 21), 1e-5) << "encoder W1";
        EXPECT_LT(checkEntries(c.enc.b[1], g.encoder.b[1], loss, 4, 22), 1e-5) << "encoder b1";
        EXPECT_LT(checkEntries(c.A, g.dA, loss, 16, 23), 1e-5) << "latent A";
        EXPECT_LT(checkEntries(c.dec.w[0], g.decoder.w[0], loss, 15, 24), 1e-5) << "decoder W0";
        EXPECT_LT(checkEntries(c.dec.w[1], g.decoder.w[1], loss, 25, 25), 1e-5) << "decoder W1";
        EXPECT_LT(checkEntries(c.dec.b[1], g.decoder.b[1], loss, 10, 26), 1e-5) << "decoder b1";
    }
}

TEST(GeneratorGradients, CentroidTermAlone) {
    GenCase c(4);
    c.pr.wConv = 0.0;
    c.pr.wRec = 0.0;
    c.pr.wCentroid = 1.0;
    // By hand: the class means of x(T) minus the attractors, squared, / (d C).
    GeneratorBuffers<double> b2;
    const LossTerms t = generatorLossAndGradient<double>(c.pr, c.X, c.labels, 77, b2, nullptr);
    Mat means = Mat::Zero(4, 2);
    Eigen::Vector2d counts(0, 0);
    for (int j = 0; j < 5; ++j) {
        means.col(c.labels[j]) += b2.sde.x.col(j);
        counts[c.labels[j]] += 1;
    }
    double expected = 0.0;
    for (int l = 0; l < 2; ++l)
        expected += (means.col(l) / counts[l] - c.set.points().col(l)).squaredNorm();
    EXPECT_NEAR(t.centroid, expected / 8.0, 1e-12);
    EXPECT_NEAR(t.total, t.centroid, 1e-15);
    const GeneratorGradient<double> g = c.gradient();
    auto loss = [&] { return c.loss(); };
    EXPECT_LT(checkEntries(c.enc.w[0], g.encoder.w[0], loss, 25, 30), 1e-5);
    EXPECT_LT(checkEntries(c.A, g.dA, loss, 16, 31), 1e-5);
    EXPECT_NEAR(g.decoder.w[1].norm(), 0.0, 0.0);  // the decoder does not enter this term
}

TEST(GeneratorGradients, SecondCvfrOfTheFullyDynamicalGenerator) {
    // §VI.2: x(T) runs on through a second CVFR with r = 0 and its own coupling A2 (other noise)
    // before the decoder; frozen encoder and decoder. dL/dA2 and dL/dA through both CVFRs.
    for (int decoderInputs : {4, 3}) {
        GenCase c(decoderInputs);
        as::sde::SdeParams p2 = GenCase::params();
        p2.r = 0.0;
        p2.steps = 5;  // T' != T
        Mat A2 = randomMatrix(4, 4, 0.3, 40);
        c.pr.stage2 = &p2;
        c.pr.A2 = &A2;
        c.pr.trainCoders = false;
        c.pr.wCentroid = 0.5;
        const GeneratorGradient<double> g = c.gradient();
        auto loss = [&] { return c.loss(); };
        EXPECT_LT(checkEntries(A2, g.dA2, loss, 16, 41), 1e-5) << "second CVFR A2";
        EXPECT_LT(checkEntries(c.A, g.dA, loss, 16, 42), 1e-5) << "first CVFR A";
        EXPECT_EQ(g.encoder.w.size(), 0u);  // frozen: not computed
        // The decoder reads the second CVFR's state, not x(T).
        GeneratorBuffers<double> b;
        generatorLossAndGradient<double>(c.pr, c.X, c.labels, 77, b, nullptr);
        EXPECT_GT((b.sde2.x - b.sde.x).norm(), 1e-3);
    }
}
