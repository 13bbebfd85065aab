// Surrogate lab engine: encoding, finite-difference gradient checks of every layer type (double),
// streaming = batched forward, a tiny model overfitting a tiny dataset, dataset and model file
// round trips, damaged and mismatched model files refused.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/Angles.h"
#include "io/Hdf5Handle.h"
#include "surrogate/AngleEncoder.h"
#include "surrogate/InputProcess.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateNet.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/SurrogateTrainer.h"
#include "tests/engine/TempPath.h"

using namespace as::surrogate;
using as::kPi;
namespace fs = std::filesystem;

namespace {

std::vector<float> randomAngles(std::size_t n, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-kPi, kPi);
    std::vector<float> a(n);
    for (auto& x : a) x = float(u(rng));
    return a;
}

/// Relative error ||a - n|| / (||a|| + ||n||) of every parameter tensor of a double net, with
/// central differences of step h, for a chunk of T steps, batch B, from a non-zero start state.
/// axes = 3 is the grid3d net (3M inputs, 6 outputs).
double worstGradientError(CellType cell, int axes = 1) {
    NetShape s{cell, 6, 4, 5, 3, axes};
    SurrogateNet<double> net(s, 42);
    const int T = 4, B = 2;
    std::mt19937_64 rng(7);
    const AngleEncoder enc(s.bins);
    const Mat<double> x =
        enc.encodeChunk<double>(randomAngles(std::size_t(T * B * axes), rng), axes);
    const Mat<double> target = Mat<double>::Random(s.outputs(), T * B);
    const Mat<double> s0 = Mat<double>::Random(net.stateRows(), B) * 0.5;
    net.zeroGrad();
    net.forward(x, s0, B);
    net.backward(target);
    double worst = 0.0;
    for (auto& p : net.params()) {
        const Mat<double> analytic = *p.grad;
        Mat<double> numeric(analytic.rows(), analytic.cols());
        const double h = 1e-6;
        for (Eigen::Index i = 0; i < p.value->size(); ++i) {
            const double keep = p.value->data()[i];
            p.value->data()[i] = keep + h;
            net.forward(x, s0, B);
            const double lp = net.loss(target);
            p.value->data()[i] = keep - h;
            net.forward(x, s0, B);
            const double lm = net.loss(target);
            p.value->data()[i] = keep;
            numeric.data()[i] = (lp - lm) / (2 * h);
        }
        const double err =
            (analytic - numeric).norm() / std::max(1e-12, analytic.norm() + numeric.norm());
        EXPECT_LT(err, 1e-4) << cellName(cell) << " " << p.name;
        worst = std::max(worst, err);
    }
    return worst;
}

/// A synthetic dataset: targets are a lagged, smoothed unit vector of the input (a stand-in for
/// the CANN that needs memory), 1 channel.
SurrogateDataset syntheticDataset(int sequences, int steps) {
    SurrogateDataset d;
    d.channels = 1;
    d.sequences = sequences;
    d.steps = steps;
    d.params.sequences = sequences;
    d.params.steps = steps;
    for (int s = 0; s < sequences; ++s) {
        ProcessParams pp;
        const auto seq = generateSequence(pp, ProcessKind::Walk, steps, 100 + s);
        double c = std::cos(seq[0]), sn = std::sin(seq[0]);
        for (int t = 0; t < steps; ++t) {
            d.inputs.push_back(float(seq[std::size_t(t)]));
            c = 0.7 * c + 0.3 * std::cos(seq[std::size_t(t)]);
            sn = 0.7 * sn + 0.3 * std::sin(seq[std::size_t(t)]);
            d.targets.push_back(float(c));
            d.targets.push_back(float(sn));
        }
    }
    return d;
}

}  // namespace

TEST(AngleEncoder, OneHotOnBinCentres) {
    AngleEncoder e(8);
    for (int j = 0; j < 8; ++j) {
        const auto v = e.encode(-kPi + 2 * kPi * j / 8);
        for (int i = 0; i < 8; ++i) EXPECT_NEAR(v[std::size_t(i)], i == j ? 1.0 : 0.0, 1e-12) << j;
    }
}

TEST(AngleEncoder, LinearInterpolationBetweenNeighbours) {
    AngleEncoder e(8);
    const double w = 2 * kPi / 8;
    const auto v = e.encode(-kPi + 2.25 * w);  // a quarter of the way from bin 2 to bin 3
    EXPECT_NEAR(v[2], 0.75, 1e-12);
    EXPECT_NEAR(v[3], 0.25, 1e-12);
    double sum = 0;
    for (double x : v) sum += x;
    EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(AngleEncoder, CircularAcrossTheSeam) {
    AngleEncoder e(8);
    const double w = 2 * kPi / 8;
    const auto v = e.encode(kPi - 0.5 * w);  // half way between bin 7 and bin 0
    EXPECT_NEAR(v[7], 0.5, 1e-12);
    EXPECT_NEAR(v[0], 0.5, 1e-12);
    const auto a = e.encode(kPi), b = e.encode(-kPi), c = e.encode(3 * kPi);
    EXPECT_NEAR(a[0], 1.0, 1e-12);
    EXPECT_NEAR(b[0], 1.0, 1e-12);
    EXPECT_NEAR(c[0], 1.0, 1e-12);
}

TEST(Gradients, GruMatchesFiniteDifferences) {
    EXPECT_LT(worstGradientError(CellType::Gru), 1e-4);
}
TEST(Gradients, LstmMatchesFiniteDifferences) {
    EXPECT_LT(worstGradientError(CellType::Lstm), 1e-4);
}
TEST(Gradients, SixOutputGrid3dNetMatchesFiniteDifferences) {
    EXPECT_LT(worstGradientError(CellType::Gru, 3), 1e-4);
    EXPECT_LT(worstGradientError(CellType::Lstm, 3), 1e-4);
}
TEST(Gradients, RnnMatchesFiniteDifferences) {
    EXPECT_LT(worstGradientError(CellType::Rnn), 1e-4);
}

TEST(Stream, MatchesBatchedForward) {
    for (CellType cell : {CellType::Gru, CellType::Lstm, CellType::Rnn}) {
        NetShape s{cell, 16, 8, 12, 6};
        SurrogateNet<float> net(s, 3);
        std::mt19937_64 rng(5);
        const auto angles = randomAngles(30, rng);
        const AngleEncoder enc(s.bins);
        const Mat<float> y = net.forward(enc.encodeChunk<float>(angles), net.zeroState(1), 1);
        SurrogateStream stream(net, 2.0);
        for (std::size_t t = 0; t < angles.size(); ++t) {
            const StreamDecode d = stream.step(angles[t]);
            EXPECT_NEAR(d.sumCos, 2.0 * y(0, Eigen::Index(t)), 1e-5)
                << cellName(cell) << " t=" << t;
            EXPECT_NEAR(d.sumSin, 2.0 * y(1, Eigen::Index(t)), 1e-5)
                << cellName(cell) << " t=" << t;
        }
    }
}

TEST(Processes, SeededAndInRange) {
    ProcessParams p;
    for (ProcessKind k : {ProcessKind::Walk, ProcessKind::OrnsteinUhlenbeck, ProcessKind::Jumps,
                          ProcessKind::Mixture}) {
        const auto a = generateSequence(p, k, 500, 9), b = generateSequence(p, k, 500, 9);
        EXPECT_EQ(a, b);
        for (double x : a) EXPECT_TRUE(x > -kPi - 1e-12 && x <= kPi + 1e-12);
        EXPECT_NE(a.front(), a.back()) << int(k);
    }
    p.halfRange = true;
    for (double x : generateSequence(p, ProcessKind::Walk, 2000, 3))
        EXPECT_LE(std::abs(x), kPi / 2 + 1e-12);
}

namespace {

// The smallest nets the tests build: 8 bins, H recurrent units.
TrainParams smallNet(int hidden) {
    TrainParams p;
    p.bins = 8;
    p.hidden = hidden;
    return p;
}

// A net small enough to train in a test yet able to learn the synthetic sequences: 8 bins,
// F = K = 8, H = 12, chunks of 20, lr 0.01, up to 300 epochs without early stopping.
TrainParams learnableNet() {
    TrainParams p = smallNet(12);
    p.features = 8;
    p.head = 8;
    p.bptt = 20;
    p.lr = 1e-2;
    p.max_epochs = 300;
    p.patience = 1000;
    return p;
}

}  // namespace

TEST(Training, TinyModelOverfitsTinyDataset) {
    const SurrogateDataset d = syntheticDataset(5, 60);
    TrainParams p = learnableNet();
    p.batch = 4;
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    const Evaluation before = evaluate(*m.nets[0], d, 0, 0, d.trainSequences());
    SurrogateTrainer trainer(d, 0, p);
    const TrainResult r = trainer.run(*m.nets[0]);
    const Evaluation after = evaluate(*m.nets[0], d, 0, 0, d.trainSequences());
    EXPECT_EQ(r.outcome, TrainOutcome::MaxIterations);
    EXPECT_LT(after.mseComponents, 0.02 * before.mseComponents);
    EXPECT_LT(after.mseAngle, 5e-3);
    EXPECT_EQ(int(r.trainLoss.size()), r.epochs);
}

TEST(Training, CancelledBeforeTheFirstBatch) {
    const SurrogateDataset d = syntheticDataset(5, 20);
    const TrainParams p = smallNet(4);
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    std::atomic<bool> cancel{true};
    const TrainResult r = SurrogateTrainer(d, 0, p).run(*m.nets[0], {}, &cancel);
    EXPECT_EQ(r.outcome, TrainOutcome::Cancelled);
}

TEST(Training, DivergesAsAValue) {
    SurrogateDataset d = syntheticDataset(5, 20);
    d.targets[3] = std::nanf("");
    const TrainParams p = smallNet(4);
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    const TrainResult r = SurrogateTrainer(d, 0, p).run(*m.nets[0]);
    EXPECT_EQ(r.outcome, TrainOutcome::Diverged);
}

TEST(Dataset, TeacherRunAndFileRoundTrip) {
    DatasetParams p;
    p.sequences = 5;
    p.steps = 30;
    p.teacher.N = 128;
    p.settleMs = 10;
    const SurrogateDataset d = SurrogateDataset::generate(p);
    ASSERT_EQ(d.inputs.size(), 5u * 30u);
    ASSERT_EQ(d.targets.size(), 5u * 30u * 2u);
    EXPECT_EQ(d.trainSequences(), 4);
    // Settled under the stimulus: the teacher's decode follows the input closely, |v| ~ 1.
    for (int s = 0; s < 5; ++s) {
        const double a = std::atan2(d.target(0, s)[1], d.target(0, s)[0]);
        EXPECT_LT(std::abs(std::remainder(a - d.input(0, s)[0], 2 * kPi)), 0.1);
        EXPECT_NEAR(std::hypot(d.target(0, s)[0], d.target(0, s)[1]), 1.0, 0.1);
    }
    const std::string path = as::test::tempPath("dataset.h5");
    d.save(path);
    const SurrogateDataset e = SurrogateDataset::load(path);
    EXPECT_EQ(e.inputs, d.inputs);
    EXPECT_EQ(e.targets, d.targets);
    EXPECT_EQ(e.componentScale, d.componentScale);
    EXPECT_EQ(e.params.teacher, d.params.teacher);
    fs::remove(path);
}

TEST(ModelFile, RoundTripKeepsWeightsAndRecord) {
    const SurrogateDataset d = syntheticDataset(5, 20);
    TrainParams p = smallNet(6);
    p.cell = CellType::Lstm;
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Hd2d, p, d);
    ASSERT_EQ(m.nets.size(), 2u);
    TrainResult r;
    r.outcome = TrainOutcome::Converged;
    r.epochs = 3;
    r.trainLoss = {0.3, 0.2, 0.1};
    r.valLoss = {0.4, 0.3, 0.2};
    r.valAngleMse = {0.5, 0.4, 0.3};
    m.results = {r, r};
    const std::string path = as::test::tempPath("model.h5");
    m.save(path);
    const SurrogateModel back = SurrogateModel::load(path);
    EXPECT_EQ(back.which, SurrogateCase::Hd2d);
    EXPECT_EQ(back.params.cell, CellType::Lstm);
    ASSERT_EQ(back.nets.size(), 2u);
    for (std::size_t c = 0; c < 2; ++c) {
        auto a = m.nets[c]->params(), b = back.nets[c]->params();
        for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(*a[i].value, *b[i].value) << a[i].name;
    }
    ASSERT_EQ(back.results.size(), 2u);
    EXPECT_EQ(back.results[1].valLoss, r.valLoss);
    EXPECT_EQ(back.results[0].outcome, TrainOutcome::Converged);
    fs::remove(path);
}

TEST(ModelFile, DamagedFileRefused) {
    const SurrogateDataset d = syntheticDataset(5, 20);
    const TrainParams p = smallNet(6);
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    const std::string path = as::test::tempPath("damaged.h5");
    m.save(path);
    // Truncate to half its size: the HDF5 layer must refuse it with an error, not crash.
    const auto size = fs::file_size(path);
    fs::resize_file(path, size / 2);
    EXPECT_THROW(SurrogateModel::load(path), as::h5::Error);
    // Not HDF5 at all.
    { std::ofstream(path) << "not a model"; }
    EXPECT_THROW(SurrogateModel::load(path), as::h5::Error);
    fs::remove(path);
}

TEST(ModelFile, MismatchedShapeRefusedWithItsName) {
    const SurrogateDataset d = syntheticDataset(5, 20);
    const TrainParams p = smallNet(6);
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    m.params.hidden = 7;  // the attributes now claim H = 7 while the weights have H = 6
    const std::string path = as::test::tempPath("mismatch.h5");
    m.save(path);
    try {
        SurrogateModel::load(path);
        FAIL() << "a mismatched file was accepted";
    } catch (const as::h5::Error& e) {
        EXPECT_NE(std::string(e.what()).find("expected"), std::string::npos) << e.what();
    }
    fs::remove(path);
}

// The teacher's internal dt (docs/models/surrogate.md): the largest dt in {0.2, 0.1, 0.05, 0.025}
// ms whose decode stays within 1 % of the surrogate's accuracy goals of a dt = 0.00625 ms
// reference: angle MSE <= 1e-5 rad^2 and component MSE (normalised by the settled |v|) <= 1e-5, on
// the mixture input at N = 512, input step 1 ms.
TEST(OdeConvergence, TeacherDtIsConverged) {
    ProcessParams pp;
    const auto seq = generateSequence(pp, ProcessKind::Mixture, 400, 11);
    auto run = [&](double dt) {
        as::CannParams p;
        p.dt = dt;
        OdeStepper ode(p, OdeBackend::Fft, int(std::lround(1.0 / dt)));
        ode.settle(seq[0], int(std::lround(20.0 / dt)));
        std::vector<as::Decode> a;
        for (double z : seq) a.push_back(ode.step(z));
        return a;
    };
    const auto ref = run(0.00625);
    const double scale = ref[0].magnitude;
    std::vector<double> mseA, mseC;
    for (double dt : {0.2, 0.1, 0.05, 0.025}) {
        const auto a = run(dt);
        double sa = 0, sc = 0;
        for (std::size_t t = 0; t < a.size(); ++t) {
            sa += std::pow(std::remainder(a[t].angle - ref[t].angle, 2 * kPi), 2);
            sc += 0.5 * (std::pow((a[t].sumCos - ref[t].sumCos) / scale, 2) +
                         std::pow((a[t].sumSin - ref[t].sumSin) / scale, 2));
        }
        mseA.push_back(sa / double(a.size()));
        mseC.push_back(sc / double(a.size()));
        std::printf("dt = %.4f ms: MSE vs dt = 0.00625: angle %.3e rad^2, components %.3e\n", dt,
                    mseA.back(), mseC.back());
    }
    for (std::size_t i = 1; i < mseA.size(); ++i) EXPECT_LT(mseC[i], mseC[i - 1]);  // converging
    // The largest candidate, 0.2 ms (the dataset default), already meets the criterion.
    EXPECT_LE(mseA[0], 1e-5);
    EXPECT_LE(mseC[0], 1e-5);
    EXPECT_EQ(DatasetParams().teacher.dt, 0.2);
}

TEST(Training, EarlyStoppingConvergesWithCheckpointsAndBestWeights) {
    const SurrogateDataset d = syntheticDataset(5, 40);
    TrainParams p;
    p.bins = 8;
    p.features = 6;
    p.hidden = 6;
    p.head = 6;
    p.bptt = 20;
    p.lr = 0.05;  // large: the validation loss soon stops improving
    p.patience = 3;
    p.max_epochs = 400;
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    int checkpoints = 0;
    const TrainResult r = SurrogateTrainer(d, 0, p).run(
        *m.nets[0], {}, nullptr, [&](SurrogateNet<float>&, const TrainProgress& pr) {
            ++checkpoints;
            EXPECT_TRUE(pr.improved);
        });
    EXPECT_EQ(r.outcome, TrainOutcome::Converged);
    EXPECT_LT(r.epochs, 400);
    EXPECT_GE(checkpoints, 1);
    // The restored weights are the best epoch's: their validation loss is the minimum seen.
    double best = 1e300;
    for (double v : r.valLoss) best = std::min(best, v);
    EXPECT_NEAR(r.best.mseComponents, best, 1e-6 * std::max(1.0, best));
    EXPECT_EQ(r.valLoss[std::size_t(r.bestEpoch - 1)], best);
}

TEST(Training, TargetMseStopsAsConverged) {
    const SurrogateDataset d = syntheticDataset(5, 60);
    TrainParams p = learnableNet();
    p.target_mse = 0.05;
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Ring, p, d);
    const TrainResult r = SurrogateTrainer(d, 0, p).run(*m.nets[0]);
    EXPECT_EQ(r.outcome, TrainOutcome::Converged);
    EXPECT_LE(r.best.mseAngle, 0.05);
    EXPECT_LT(r.epochs, 300);
}
