// Training the SDE classifier (seed 002 §IV): a small model learns MNIST digits 0/1/2 (2x2-pooled
// to 14x14, N = 196; synthetic well-separated classes if MNIST is not installed) far above chance
// in a few seconds; cancel and divergence are outcomes; a resumed checkpoint reproduces an
// uninterrupted run bit for bit.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <random>

#include "data/ImageSet.h"
#include "data/MnistLocator.h"
#include "sde/BpttTrainer.h"
#include "sde/SdeIntegrator.h"
#include "tests/engine/TempPath.h"
#include "tests/engine/sde/SmallSde.h"

using namespace as::sde;
namespace fs = std::filesystem;

namespace {

struct Split {
    Eigen::MatrixXf train, test;
    Eigen::VectorXi trainLabels, testLabels;
    bool mnist = false;
};

/// 28x28 -> 14x14 by 2x2 averages, then each column normalised to its maximum.
Eigen::MatrixXf pooled(const Eigen::MatrixXf& x) {
    Eigen::MatrixXf out(196, x.cols());
    for (Eigen::Index b = 0; b < x.cols(); ++b)
        for (int r = 0; r < 14; ++r)
            for (int c = 0; c < 14; ++c)
                out(r * 14 + c, b) =
                    0.25f * (x(56 * r + 2 * c, b) + x(56 * r + 2 * c + 1, b) +
                             x(56 * r + 28 + 2 * c, b) + x(56 * r + 28 + 2 * c + 1, b));
    as::data::normaliseToMax(out);
    return out;
}

Split synthetic(int perClassTrain, int perClassTest) {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    Eigen::MatrixXf proto(196, 3);
    for (Eigen::Index i = 0; i < proto.size(); ++i)
        proto.data()[i] = u(rng) < 0.25f ? u(rng) : 0.0f;
    auto make = [&](int perClass, Eigen::MatrixXf& x, Eigen::VectorXi& y) {
        x.resize(196, 3 * perClass);
        y.resize(3 * perClass);
        for (int j = 0; j < 3 * perClass; ++j) {
            y[j] = j % 3;
            for (int i = 0; i < 196; ++i)
                x(i, j) = std::max(0.0f, proto(i, j % 3) + 0.3f * (u(rng) - 0.5f));
        }
        as::data::normaliseToMax(x);
    };
    Split s;
    make(perClassTrain, s.train, s.trainLabels);
    make(perClassTest, s.test, s.testLabels);
    return s;
}

Split mnist012(int perClassTrain, int perClassTest) {
    const std::string dir = as::data::findMnistDir();
    if (dir.empty()) return synthetic(perClassTrain, perClassTest);
    Split s;
    s.mnist = true;
    const auto train = as::data::loadMnist(dir, as::data::MnistSplit::Train, 2000)
                           .withLabels({0, 1, 2}, perClassTrain);
    const auto test = as::data::loadMnist(dir, as::data::MnistSplit::Test, 1000)
                          .withLabels({0, 1, 2}, perClassTest);
    s.train = pooled(train.floats(0, train.count()));
    s.trainLabels = train.labels;
    s.test = pooled(test.floats(0, test.count()));
    s.testLabels = test.labels;
    return s;
}

SdeParams smallModel() {
    return as::test::smallSde(196, 3, 30, 5);
}

}  // namespace

TEST(SdeTrain, SmallModelLearnsThreeDigits) {
    const Split data = mnist012(150, 100);
    SdeModel model(smallModel());
    const double before = accuracy(classify(model, data.test), data.testLabels);
    TrainParams tp;
    tp.batch = 32;
    tp.learningRate = 1e-2;
    tp.epochs = 4;
    tp.evalEvery = 0;
    std::vector<double> losses;
    BpttTrainer trainer(model, tp);
    const TrainReport rep =
        trainer.train(data.train, data.trainLabels, data.test, data.testLabels,
                      [&](const TrainProgress& pg) { losses.push_back(pg.loss); });
    EXPECT_EQ(rep.outcome, TrainOutcome::Finished) << rep.message;
    EXPECT_EQ(rep.iterations, 4 * ((data.train.cols() + 31) / 32));
    EXPECT_EQ(losses.size(), std::size_t(rep.iterations));
    EXPECT_LT(rep.lossCurve.back(), 0.5 * rep.lossCurve.front());
    const double after = accuracy(classify(model, data.test), data.testLabels);
    EXPECT_DOUBLE_EQ(after, rep.validationAccuracy);
    EXPECT_GT(after, 0.85) << (data.mnist ? "MNIST 0/1/2" : "synthetic") << ", before training "
                           << before;
    std::cout << "[ info ] " << (data.mnist ? "MNIST 0/1/2 (14x14)" : "synthetic 3 classes")
              << ": accuracy " << before << " -> " << after << " in " << rep.iterations
              << " iterations, " << rep.secondsPerIteration * 1e3 << " ms/iteration\n";
}

TEST(SdeTrain, CancelAndDivergenceAreOutcomes) {
    const Split data = synthetic(10, 5);
    SdeModel model(smallModel());
    TrainParams tp;
    tp.batch = 10;
    std::atomic<bool> cancel{false};
    BpttTrainer trainer(model, tp);
    const TrainReport rep = trainer.train(
        data.train, data.trainLabels, data.test, data.testLabels,
        [&](const TrainProgress& pg) {
            if (pg.iteration == 2) cancel = true;
        },
        &cancel);
    EXPECT_EQ(rep.outcome, TrainOutcome::Cancelled);
    EXPECT_EQ(rep.iterations, 2);

    // dt r = 3 > 2 makes Euler unstable: the loss overflows; the model keeps finite weights.
    SdeParams p = smallModel();
    p.dt = 1.0;
    p.r = 3.0;
    p.lambda = 4.0;
    p.steps = 200;
    p.averageSteps = 1;
    SdeModel bad(p);
    BpttTrainer t2(bad, tp);
    const TrainReport r2 = t2.train(data.train, data.trainLabels, data.test, data.testLabels);
    EXPECT_EQ(r2.outcome, TrainOutcome::Diverged);
    EXPECT_NE(r2.message.find("non-finite"), std::string::npos);
    EXPECT_TRUE(bad.atilde().allFinite());
}

TEST(SdeTrain, ResumedCheckpointReproducesUninterruptedRun) {
    for (bool trainG : {false, true}) {
        const Split data = synthetic(12, 4);
        SdeParams p = smallModel();
        p.eps = 0.1;
        TrainParams tp;
        tp.batch = 8;
        tp.learningRate = 5e-3;
        tp.maxIterations = 10;
        tp.evalEvery = 3;
        tp.trainG = trainG;
        tp.seed = 9;

        SdeModel whole(p);
        BpttTrainer(whole, tp).train(data.train, data.trainLabels, data.test, data.testLabels);

        const std::string ck = as::test::tempPath(trainG ? "g.h5" : "a.h5");
        SdeModel first(p);
        TrainParams tp1 = tp;
        tp1.maxIterations = 6;  // stops mid-epoch (36 items / 8 = 5 batches per epoch)
        tp1.checkpointPath = ck;
        tp1.checkpointEvery = 6;
        BpttTrainer(first, tp1).train(data.train, data.trainLabels, data.test, data.testLabels);
        ASSERT_TRUE(fs::exists(ck));
        EXPECT_FALSE(fs::exists(ck + ".part"));

        SdeModel resumed(smallModel());  // eps comes back from the checkpoint
        BpttTrainer t(resumed, tp);
        t.resume(ck);
        EXPECT_EQ(t.iteration(), 6);
        const TrainReport rep = t.train(data.train, data.trainLabels, data.test, data.testLabels);
        EXPECT_EQ(rep.iterations, 10);
        EXPECT_EQ(resumed.atilde(), whole.atilde()) << "trainG " << trainG;  // bit for bit
        if (trainG) {
            EXPECT_EQ(resumed.trainedG(), whole.trainedG());
        }
        EXPECT_EQ(rep.lossCurve.size(), 10u);
        fs::remove(ck);
    }
}

TEST(SdeTrain, ResumeRefusesAnotherModelAndBadFiles) {
    const Split data = synthetic(4, 2);
    SdeModel model(smallModel());
    TrainParams tp;
    tp.batch = 4;
    tp.maxIterations = 1;
    BpttTrainer trainer(model, tp);
    trainer.train(data.train, data.trainLabels, data.test, data.testLabels);
    const std::string ck = as::test::tempPath("other.h5");
    trainer.saveCheckpoint(ck);
    SdeParams other = smallModel();
    other.classes = 4;
    SdeModel otherModel(other);
    BpttTrainer t2(otherModel, tp);
    try {
        t2.resume(ck);
        FAIL() << "resumed a checkpoint of another model";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find(ck), std::string::npos) << e.what();
    }
    fs::resize_file(ck, fs::file_size(ck) / 2);
    BpttTrainer t3(model, tp);
    try {
        t3.resume(ck);
        FAIL() << "resumed a truncated checkpoint";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find(ck), std::string::npos) << e.what();
    }
    fs::remove(ck);
}

TEST(SdeTrain, ShiftAugmentationIsSeededAndResumable) {
    // 14 x 14 images: shift = 1 moves each item by a seeded offset; the same seed gives the same
    // training, a resumed run the same as an uninterrupted one, and shift = 0 a different one.
    const Split data = synthetic(12, 4);
    TrainParams tp;
    tp.batch = 8;
    tp.learningRate = 5e-3;
    tp.maxIterations = 10;
    tp.evalEvery = 0;
    tp.seed = 4;
    tp.shift = 1;
    SdeModel a(smallModel()), b(smallModel()), plain(smallModel());
    BpttTrainer(a, tp).train(data.train, data.trainLabels, data.test, data.testLabels);
    BpttTrainer(b, tp).train(data.train, data.trainLabels, data.test, data.testLabels);
    EXPECT_EQ(a.atilde(), b.atilde());
    TrainParams tp0 = tp;
    tp0.shift = 0;
    BpttTrainer(plain, tp0).train(data.train, data.trainLabels, data.test, data.testLabels);
    EXPECT_GT((a.atilde() - plain.atilde()).norm(), 1e-6 * plain.atilde().norm())
        << "shift changed nothing";

    const std::string ck = as::test::tempPath("shift.h5");
    SdeModel first(smallModel());
    TrainParams tp1 = tp;
    tp1.maxIterations = 6;
    tp1.checkpointPath = ck;
    tp1.checkpointEvery = 6;
    BpttTrainer(first, tp1).train(data.train, data.trainLabels, data.test, data.testLabels);
    SdeModel resumed(smallModel());
    BpttTrainer t(resumed, tp);
    t.resume(ck);
    t.train(data.train, data.trainLabels, data.test, data.testLabels);
    EXPECT_EQ(resumed.atilde(), a.atilde());
    fs::remove(ck);

    TrainParams bad = tp;
    bad.shift = 5;
    EXPECT_THROW(bad.check(), std::invalid_argument);
    SdeParams odd = smallModel();
    odd.n = 195;  // not a square
    SdeModel oddModel(odd);
    const Eigen::MatrixXf x = Eigen::MatrixXf::Constant(195, 6, 0.5f);
    Eigen::VectorXi y(6);
    y << 0, 1, 2, 0, 1, 2;
    EXPECT_THROW(BpttTrainer(oddModel, tp).train(x, y, x, y), std::invalid_argument);
}
