// The generator model (seed 002 §VI.1): planted latent attractors stay stationary whatever Atilde,
// eq 22's estimator on synthetic Gaussian data, a tiny model (d = 4, 300 images) that learns to
// reconstruct better than the mean image, resume = uninterrupted run, cancel, and the model file:
// round trip, damaged (byte flips, a damaged dataset) and foreign files refused naming the file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <random>

#include "data/MnistLocator.h"
#include "generator/GeneratorModel.h"
#include "generator/GeneratorModelFile.h"
#include "generator/GeneratorTrainer.h"
#include "sde/SdeModelFile.h"
#include "tests/engine/TempPath.h"
#include "tests/engine/io/FlipVariants.h"

using namespace as::generator;
namespace fs = std::filesystem;

namespace {

GeneratorParams tinyParams() {
    GeneratorParams p;
    p.latentDim = 4;
    p.hidden = 64;
    p.latent.eps = 0.05;
    return p;
}

struct Data {
    Eigen::MatrixXf x;
    Eigen::VectorXi y;
    bool mnist = false;
};

/// 300 images of digits 0-2 (100 each) from MNIST if present, else three noisy 28x28 prototypes.
Data threeHundred() {
    Data d;
    const std::string dir = as::data::findMnistDir();
    if (!dir.empty()) {
        const auto s =
            as::data::loadMnist(dir, as::data::MnistSplit::Train, 2000).withLabels({0, 1, 2}, 100);
        d.x = s.floats(0, s.count());
        d.y = s.labels;
        d.mnist = true;
        return d;
    }
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    Eigen::MatrixXf proto(784, 3);
    for (Eigen::Index i = 0; i < proto.size(); ++i) proto.data()[i] = u(rng) < 0.2f ? u(rng) : 0.0f;
    d.x.resize(784, 300);
    d.y.resize(300);
    for (int j = 0; j < 300; ++j) {
        d.y[j] = j % 3;
        for (int i = 0; i < 784; ++i)
            d.x(i, j) = std::clamp(proto(i, j % 3) + 0.4f * (u(rng) - 0.5f), 0.0f, 1.0f);
    }
    return d;
}

GeneratorTrainParams tinyTraining(long iterations) {
    GeneratorTrainParams tp;
    tp.batch = 32;
    tp.maxIterations = iterations;
    tp.learningRate = 3e-3;
    tp.seed = 3;
    return tp;
}

}  // namespace

TEST(GeneratorModel, PlantedLatentAttractorsAreStationary) {
    GeneratorParams p = tinyParams();
    p.latentDim = 12;
    p.latent.eps = 0.0;
    GeneratorModel m(p, 16, {0, 1, 2});
    std::mt19937_64 rng(9);
    std::normal_distribution<float> n(0.0f, 0.5f);
    Eigen::MatrixXf at(12, 12);
    for (Eigen::Index i = 0; i < at.size(); ++i) at.data()[i] = n(rng);
    m.setAtilde(at);
    const Eigen::MatrixXd points = m.latent().attractors().points();
    const Eigen::MatrixXf end = m.evolve(points.cast<float>(), 1);
    EXPECT_LT((end - points.cast<float>()).cwiseAbs().maxCoeff(), 1e-5f);
    for (int l = 0; l < 3; ++l)
        EXPECT_LT(m.latent().attractors().residual(m.latent().A().cast<double>(), l), 1e-5);
}

TEST(GeneratorModel, LatentStatsOnSyntheticGaussians) {
    // Two classes with known means and covariances; the estimator's two covariances and distance.
    const int d = 3, n = 20000;
    Eigen::MatrixXd attractors(d, 2);
    attractors << 1, 0, 0, 1, 0, 0;
    Eigen::Matrix3d L;
    L << 0.3, 0, 0, 0.1, 0.2, 0, -0.05, 0.02, 0.1;
    const Eigen::Vector3d shift(0.1, -0.2, 0.05);
    std::mt19937_64 rng(4);
    std::normal_distribution<double> g(0.0, 1.0);
    Eigen::MatrixXf states(d, 2 * n);
    Eigen::VectorXi labels(2 * n);
    for (int j = 0; j < 2 * n; ++j) {
        labels[j] = j % 2;
        const Eigen::Vector3d z(g(rng), g(rng), g(rng));
        states.col(j) = (attractors.col(j % 2) + shift + L * z).cast<float>();
    }
    const LatentStats s = LatentStats::estimate(states, labels, attractors);
    const Eigen::Matrix3d cov = L * L.transpose();
    for (int l = 0; l < 2; ++l) {
        const ClassStats& c = s.at(l);
        EXPECT_EQ(c.count, n);
        EXPECT_LT((c.aboutMean - cov).norm() / cov.norm(), 0.03);
        EXPECT_LT((c.aboutAttractor - (cov + shift * shift.transpose())).norm() / cov.norm(), 0.04);
        EXPECT_NEAR(c.meanDistance, shift.norm(), 0.01);
        // The identity between the two: Sigma_T = S_T + N/(N-1) (m - xbar)(m - xbar)^T.
        const Eigen::Vector3d gap = c.mean - c.attractor;
        EXPECT_LT(
            (c.aboutAttractor - c.aboutMean - double(n) / (n - 1) * gap * gap.transpose()).norm(),
            1e-6);
    }
}

TEST(GeneratorModel, TinyModelReconstructsBetterThanTheMeanImage) {
    const Data data = threeHundred();
    GeneratorModel m(tinyParams(), 784, {0, 1, 2});
    GeneratorTrainer trainer(m, tinyTraining(1200));  // 128 epochs of 300 images, ~2 s
    const GeneratorReport rep = trainer.train(data.x, data.y);
    ASSERT_EQ(rep.outcome, as::sde::TrainOutcome::Finished) << rep.message;
    const Eigen::MatrixXf rec = m.reconstruct(data.x, 11);
    const double mse = (rec - data.x).squaredNorm() / double(data.x.size());
    const Eigen::VectorXf mean = data.x.rowwise().mean();
    const double baseline = (data.x.colwise() - mean).squaredNorm() / double(data.x.size());
    std::printf(
        "[ info ] %s: reconstruction MSE %.4f, mean image %.4f, final loss %.4f (conv %.4f rec "
        "%.4f "
        "centroid %.5f), %.2f ms/iteration\n",
        data.mnist ? "MNIST 0-2" : "synthetic", mse, baseline, rep.final.total, rep.final.conv,
        rep.final.rec, rep.final.centroid, 1e3 * rep.secondsPerIteration);
    EXPECT_LT(mse, 0.75 * baseline);  // measured 0.60 on MNIST
    EXPECT_LT(rep.final.total, rep.curves.total.front());
}

TEST(GeneratorModel, ResumeContinuesExactlyAndCancelStops) {
    const Data data = threeHundred();
    GeneratorModel straight(tinyParams(), 784, {0, 1, 2});
    GeneratorTrainer(straight, tinyTraining(12)).train(data.x, data.y);

    const std::string ck = as::test::tempPath("resume.h5");
    GeneratorModel first(tinyParams(), 784, {0, 1, 2});
    {
        GeneratorTrainer t(first, tinyTraining(6));
        t.train(data.x, data.y);
        t.saveCheckpoint(ck);
    }
    GeneratorModel resumed(tinyParams(), 784, {0, 1, 2});
    GeneratorTrainer t2(resumed, tinyTraining(12));
    t2.resume(ck);
    EXPECT_EQ(t2.iteration(), 6);
    const GeneratorReport rep = t2.train(data.x, data.y);
    EXPECT_EQ(rep.iterations, 12);
    EXPECT_EQ(rep.curves.size(), 12u);
    EXPECT_EQ((resumed.encoder().w[0] - straight.encoder().w[0]).cwiseAbs().maxCoeff(), 0.0f);
    EXPECT_EQ((resumed.decoder().w[1] - straight.decoder().w[1]).cwiseAbs().maxCoeff(), 0.0f);
    EXPECT_EQ((resumed.latent().atilde() - straight.latent().atilde()).cwiseAbs().maxCoeff(), 0.0f);
    fs::remove(ck);

    std::atomic<bool> cancel{true};
    GeneratorModel c(tinyParams(), 784, {0, 1, 2});
    const GeneratorReport rc =
        GeneratorTrainer(c, tinyTraining(12)).train(data.x, data.y, {}, &cancel);
    EXPECT_EQ(rc.outcome, as::sde::TrainOutcome::Cancelled);
    EXPECT_EQ(rc.iterations, 0);
}

TEST(GeneratorModel, SecondCvfrTrainsOnlyTheCouplingsAndRoundTrips) {
    // §VI.2: the encoder and decoder stay as they were; Atilde and A2 move; the loss falls; the
    // file keeps the second CVFR and the reloaded model generates the same images.
    const Data data = threeHundred();
    GeneratorModel pre(tinyParams(), 784, {0, 1, 2});
    GeneratorTrainer(pre, tinyTraining(30)).train(data.x, data.y);
    GeneratorModel m(tinyParams(), 784, {0, 1, 2});
    m.setEncoder(pre.encoder());
    m.setDecoder(pre.decoder());
    m.setSecondCvfr(m.initialSecondCvfr());
    EXPECT_EQ(m.secondCvfr().params.r, 0.0);
    GeneratorTrainer t(m, tinyTraining(60));
    const GeneratorReport rep = t.train(data.x, data.y);
    ASSERT_EQ(rep.outcome, as::sde::TrainOutcome::Finished) << rep.message;
    EXPECT_EQ(m.encoder().w[0], pre.encoder().w[0]);
    EXPECT_EQ(m.decoder().w[1], pre.decoder().w[1]);
    EXPECT_GT(m.secondCvfr().A2.norm(), 0.0f);
    EXPECT_GT(m.latent().atilde().norm(), 0.0f);
    EXPECT_LT(rep.final.total, rep.curves.total.front());
    m.setStats(m.measureStats(data.x, data.y, 2));
    const std::string path = as::test::tempPath("dynamical.h5");
    saveGeneratorModel(path, m, GeneratorTrainingMeta::fromReport(t.params(), rep, "test", 1.0));
    const LoadedGenerator back = loadGeneratorModel(path);
    ASSERT_TRUE(back.model.hasSecondCvfr());
    EXPECT_EQ(back.model.secondCvfr().A2, m.secondCvfr().A2);
    EXPECT_EQ(back.model.secondCvfr().params.steps, m.secondCvfr().params.steps);
    const Eigen::MatrixXf xT = m.evolve(m.encode(data.x.leftCols(5)), 3);
    EXPECT_EQ(back.model.generate(xT, 4), m.generate(xT, 4));
    EXPECT_NE(m.generate(xT, 4), m.decode(xT));  // the second CVFR is on the way
    fs::remove(path);
}

TEST(GeneratorModelFile, RoundTripDamagedAndForeign) {
    const Data data = threeHundred();
    GeneratorParams p = tinyParams();
    p.hidden = 16;
    GeneratorModel m(p, 784, {0, 1, 2});
    GeneratorTrainer t(m, tinyTraining(5));
    const GeneratorReport rep = t.train(data.x, data.y);
    m.setStats(m.measureStats(data.x, data.y, 2));
    const std::string path = as::test::tempPath("model.h5");
    saveGeneratorModel(path, m, GeneratorTrainingMeta::fromReport(t.params(), rep, "test", 1.5));

    const LoadedGenerator back = loadGeneratorModel(path);
    EXPECT_EQ(back.model.digits(), m.digits());
    EXPECT_EQ(back.model.encoder().w[0], m.encoder().w[0]);
    EXPECT_EQ(back.model.decoder().b[1], m.decoder().b[1]);
    EXPECT_EQ(back.model.latent().atilde(), m.latent().atilde());
    ASSERT_TRUE(back.model.hasStats());
    EXPECT_EQ(back.model.stats().at(2).aboutAttractor, m.stats().at(2).aboutAttractor);
    EXPECT_EQ(back.meta.curves.rec, rep.curves.rec);
    EXPECT_EQ(back.meta.commandLine, "test");

    // A damaged weight: refused, naming the file and the dataset.
    const std::string damaged = as::test::tempPath("damaged.h5");
    fs::copy_file(path, damaged, fs::copy_options::overwrite_existing);
    ASSERT_TRUE(as::test::damageDataset(damaged, "/generator/decoder/w1"));
    try {
        loadGeneratorModel(damaged);
        ADD_FAILURE() << "a damaged dataset was loaded";
    } catch (const as::h5::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(damaged), std::string::npos) << msg;
        EXPECT_NE(msg.find("w1"), std::string::npos) << msg;
    }
    // Byte flips anywhere: loaded identically or refused naming the file.
    const std::string resaved = as::test::tempPath("ref.h5");
    auto loadAndResave = [](const std::string& in, const std::string& out) {
        const LoadedGenerator g = loadGeneratorModel(in);
        saveGeneratorModel(out, g.model, g.meta);
    };
    loadAndResave(path, resaved);
    const as::test::FlipCounts c =
        as::test::flipVariants(path, as::test::fileContent(resaved), 40, 8, loadAndResave);
    for (const auto& pr : c.problems) std::printf("  %s\n", pr.c_str());
    EXPECT_EQ(c.different, 0);
    EXPECT_EQ(c.unnamed, 0);
    EXPECT_GT(c.refused, 0);

    // A foreign file (an SDE classifier model) is refused as such.
    const std::string foreign = as::test::tempPath("foreign.h5");
    as::sde::saveSdeModel(foreign, m.latent());
    try {
        loadGeneratorModel(foreign);
        ADD_FAILURE() << "a foreign file was loaded";
    } catch (const as::h5::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(foreign), std::string::npos) << msg;
        EXPECT_NE(msg.find("/generator"), std::string::npos) << msg;
    }
    for (const auto& f : {path, damaged, resaved, foreign}) fs::remove(f);
}

TEST(GeneratorParams, CheckNamesTheRule) {
    auto message = [](const std::function<void()>& f) {
        try {
            f();
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    GeneratorParams p;
    EXPECT_EQ(message([&] { p.check(3); }), "");
    p.decoderInputs = 21;
    EXPECT_NE(message([&] { p.check(3); }).find("decoder_inputs must be in [0, latent_dim]"),
              std::string::npos);
    p.decoderInputs = 0;
    EXPECT_NE(message([&] { p.check(21); }).find("number 1 .. latent_dim"), std::string::npos);
    p.latent.noise = as::sde::NoiseKind::Trained;
    EXPECT_NE(message([&] { p.check(3); }).find("G = I"), std::string::npos);
    GeneratorTrainParams tp;
    tp.wConv = tp.wRec = tp.wCentroid = 0.0;
    EXPECT_NE(message([&] { tp.check(); }).find("at least one loss weight"), std::string::npos);
    tp.wRec = -1;
    EXPECT_NE(message([&] { tp.check(); }).find("w_rec must be in [0, 1e6]"), std::string::npos);
    // Every parameter is described once and reachable by key.
    for (const auto& s : GeneratorTrainParams::specs())
        EXPECT_NO_THROW(GeneratorTrainParams().get(s.key)) << s.key;
    for (const auto& s : GeneratorParams::specs())
        EXPECT_NO_THROW(GeneratorParams().get(s.key)) << s.key;
}
