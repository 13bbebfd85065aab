// Surrogate lab, case grid3d (seed 000 §4 case 2): the per-axis encoding of three phases, the 3D
// input processes, the torus teacher's dataset on a small lattice (shapes, targets, file round
// trip), the 6-output stream against the batched forward, the model file round trip, and the
// convergence test that fixes the torus teacher's internal dt.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <random>

#include "core/Angles.h"
#include "surrogate/AngleEncoder.h"
#include "surrogate/InputProcess.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/TorusOdeStepper.h"
#include "tests/engine/cann/SmallTorus.h"

using namespace as::surrogate;
using as::kPi;
namespace fs = std::filesystem;

namespace {

/// A 16^3 torus (a and k inside its ranges: a >= 2 dx = 0.785, k < k_c = 1.02): fast teacher runs.
as::TorusParams smallTorus() {
    return as::test::smallTorus(16, defaultTorusTeacher());
}

DatasetParams smallGrid3d() {
    DatasetParams p;
    p.which = SurrogateCase::Grid3d;
    p.torus = smallTorus();
    p.sequences = 6;
    p.steps = 20;
    p.settleMs = 20;
    return p;
}

}  // namespace

TEST(Grid3dEncoding, EachAxisFillsItsOwnBlock) {
    const AngleEncoder enc(8);
    const std::vector<float> angles = {-float(kPi), 0.3f, 2.0f, 1.0f, -1.0f, 0.0f};
    const Mat<double> x = enc.encodeChunk<double>(angles, 3);
    ASSERT_EQ(x.rows(), 24);
    ASSERT_EQ(x.cols(), 2);
    for (int col = 0; col < 2; ++col)
        for (int a = 0; a < 3; ++a) {
            const auto block = x.block(a * 8, col, 8, 1);
            EXPECT_NEAR(block.sum(), 1.0, 1e-12);
            const std::vector<double> one = enc.encode(angles[std::size_t(col * 3 + a)]);
            for (int i = 0; i < 8; ++i) EXPECT_NEAR(block(i, 0), one[std::size_t(i)], 1e-6);
        }
    EXPECT_THROW(enc.encodeChunk<double>({0.f, 1.f}, 3), std::invalid_argument);
}

TEST(Grid3dProcesses, TrajectoriesSeededWrappedAndContinuous) {
    ProcessParams p;
    for (ProcessKind k : {ProcessKind::Random3d, ProcessKind::Helix, ProcessKind::Mixture}) {
        const auto a = generateInputs(p, k, 3, 400, 1.0, 5),
                   b = generateInputs(p, k, 3, 400, 1.0, 5);
        ASSERT_EQ(a.size(), 1200u);
        EXPECT_EQ(a, b);
        EXPECT_NE(a, generateInputs(p, k, 3, 400, 1.0, 6));
        for (double x : a) EXPECT_TRUE(x > -kPi - 1e-12 && x <= kPi + 1e-12);
        if (k == ProcessKind::Mixture) continue;  // may jump
        // The torus lab's paths are slow and smooth: < 0.1 rad per 1 ms step on every axis.
        for (std::size_t t = 1; t < 400; ++t)
            for (std::size_t ax = 0; ax < 3; ++ax)
                EXPECT_LT(std::abs(std::remainder(a[t * 3 + ax] - a[(t - 1) * 3 + ax], 2 * kPi)),
                          0.1);
    }
}

TEST(Grid3dDataset, ShapesTargetsAndFileRoundTrip) {
    const DatasetParams p = smallGrid3d();
    ASSERT_NO_THROW(p.check());
    EXPECT_EQ(p.odeStepsPerInput(), 5);
    const SurrogateDataset d = SurrogateDataset::generate(p);
    ASSERT_EQ(d.channels, 1);
    ASSERT_EQ(d.axes, 3);
    ASSERT_EQ(d.inputs.size(), 6u * 20u * 3u);
    ASSERT_EQ(d.targets.size(), 6u * 20u * 6u);
    EXPECT_GT(d.componentScale, 0.0);
    for (int s = 0; s < d.sequences; ++s) {
        const float* in = d.input(0, s);
        const float* tg = d.target(0, s);
        for (int t = 0; t < d.steps; ++t)
            for (int a = 0; a < 3; ++a) {
                // Settled under the stimulus: every axis's decode tracks its phase, |v_a| ~ 1.
                const float c = tg[6 * t + 2 * a], sn = tg[6 * t + 2 * a + 1];
                EXPECT_NEAR(std::hypot(c, sn), 1.0, 0.15) << "s " << s << " t " << t << " a " << a;
                if (t == 0) {
                    EXPECT_LT(std::abs(std::remainder(std::atan2(sn, c) - in[3 * t + a], 2 * kPi)),
                              0.1);
                }
            }
    }
    const std::string path = (fs::temp_directory_path() / "as_test_grid3d_dataset.h5").string();
    d.save(path);
    const SurrogateDataset e = SurrogateDataset::load(path);
    EXPECT_EQ(e.which, SurrogateCase::Grid3d);
    EXPECT_EQ(e.axes, 3);
    EXPECT_EQ(e.inputs, d.inputs);
    EXPECT_EQ(e.targets, d.targets);
    EXPECT_EQ(e.params.torus, d.params.torus);
    fs::remove(path);
}

TEST(Grid3dDataset, TeacherMustBe3d) {
    DatasetParams p = smallGrid3d();
    p.torus.dims = 2;
    EXPECT_THROW(p.check(), std::invalid_argument);
    p = smallGrid3d();
    p.torus.dt = 0.3;  // does not divide the 1 ms input step
    EXPECT_THROW(p.check(), std::invalid_argument);
}

TEST(Grid3dStream, SixOutputsMatchBatchedForward) {
    NetShape s{CellType::Gru, 16, 8, 12, 6, 3};
    SurrogateNet<float> net(s, 3);
    ProcessParams pp;
    const auto in = generateInputs(pp, ProcessKind::Mixture, 3, 25, 1.0, 4);
    const std::vector<float> angles(in.begin(), in.end());
    const Mat<float> y =
        net.forward(AngleEncoder(16).encodeChunk<float>(angles, 3), net.zeroState(1), 1);
    ASSERT_EQ(y.rows(), 6);
    SurrogateStream stream(net, 2.0);
    EXPECT_THROW(stream.step(0.0), std::invalid_argument);
    for (int t = 0; t < 25; ++t) {
        StreamDecode d[3];
        stream.step(in.data() + 3 * t, d);
        for (int a = 0; a < 3; ++a) {
            EXPECT_NEAR(d[a].sumCos, 2.0 * y(2 * a, t), 1e-5);
            EXPECT_NEAR(d[a].sumSin, 2.0 * y(2 * a + 1, t), 1e-5);
        }
    }
}

TEST(Grid3dModel, FileRoundTripKeepsTheTorusTeacher) {
    SurrogateDataset d;
    d.which = SurrogateCase::Grid3d;
    d.axes = 3;
    d.params = smallGrid3d();
    d.componentScale = 0.5;
    TrainParams tp;
    tp.bins = 8;
    tp.hidden = 6;
    SurrogateModel m = SurrogateModel::create(SurrogateCase::Grid3d, tp, d);
    ASSERT_EQ(m.nets.size(), 1u);
    EXPECT_EQ(m.nets[0]->shape().inputs(), 24);
    EXPECT_EQ(m.nets[0]->shape().outputs(), 6);
    const std::string path = (fs::temp_directory_path() / "as_test_grid3d_model.h5").string();
    m.save(path);
    const SurrogateModel l = SurrogateModel::load(path);
    EXPECT_EQ(l.which, SurrogateCase::Grid3d);
    EXPECT_EQ(l.torus, m.torus);
    EXPECT_EQ(l.odeStepsPerInput(), 5);
    EXPECT_EQ(l.nets[0]->feature().W, m.nets[0]->feature().W);
    EXPECT_EQ(l.nets[0]->out().W, m.nets[0]->out().W);
    fs::remove(path);
}

// The torus teacher's internal dt (docs/models/surrogate.md), as for the ring: the largest dt in
// {0.2, 0.1, 0.05} ms whose decode stays within 1 % of the grid3d goal (component MSE 1e-3, so
// <= 1e-5) of a dt = 0.0125 ms reference, on 50 steps of the mixture on every axis at 32^3 (after
// 10 ms settling; short, since the reference takes 80 steps of the 32^3 torus per input step).
TEST(Grid3dOdeConvergence, TorusTeacherDtIsConverged) {
    ProcessParams pp;
    const int steps = 50;
    const auto seq = generateInputs(pp, ProcessKind::Mixture, 3, steps, 1.0, 11);
    auto run = [&](double dt) {
        as::TorusParams p = defaultTorusTeacher();
        p.dt = dt;
        TorusOdeStepper ode(p, int(std::lround(1.0 / dt)));
        ode.settle(seq.data(), int(std::lround(10.0 / dt)));
        std::vector<std::array<as::Decode, 3>> out;
        for (int t = 0; t < steps; ++t) out.push_back(ode.step(seq.data() + 3 * t));
        return out;
    };
    const auto ref = run(0.0125);
    const double scale = ref[0][0].magnitude;
    std::vector<double> mseC, mseA;
    for (double dt : {0.2, 0.1, 0.05}) {
        const auto a = run(dt);
        double sc = 0, sa = 0;
        for (std::size_t t = 0; t < a.size(); ++t)
            for (std::size_t ax = 0; ax < 3; ++ax) {
                sc += 0.5 * (std::pow((a[t][ax].sumCos - ref[t][ax].sumCos) / scale, 2) +
                             std::pow((a[t][ax].sumSin - ref[t][ax].sumSin) / scale, 2));
                sa += std::pow(std::remainder(a[t][ax].angle - ref[t][ax].angle, 2 * kPi), 2);
            }
        mseC.push_back(sc / (3.0 * double(a.size())));
        mseA.push_back(sa / (3.0 * double(a.size())));
        std::printf("dt = %.4f ms: MSE vs dt = 0.0125: components %.3e, angle %.3e rad^2\n", dt,
                    mseC.back(), mseA.back());
    }
    for (std::size_t i = 1; i < mseC.size(); ++i) EXPECT_LT(mseC[i], mseC[i - 1]);
    EXPECT_LE(mseC[0], 1e-5);
    EXPECT_EQ(defaultTorusTeacher().dt, 0.2);
}
