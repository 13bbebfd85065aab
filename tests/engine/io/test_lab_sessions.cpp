// The SDE and Surrogate labs' session groups (engine/sde/SdeSession.h,
// engine/surrogate/SurrogateSession.h): exact round trips, refusal of bad values and foreign files
// with a message naming the file and the attribute, and files the GUI wrote before the groups
// moved to the engine (tests/engine/data/sessions/) still load with what they held.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "cann/RingSession.h"
#include "data/ImageSet.h"
#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"
#include "io/SessionFile.h"
#include "sde/SdeSession.h"
#include "surrogate/SurrogateSession.h"
#include "tests/engine/TempPath.h"

using namespace as;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(AS_TEST_DATA_DIR) / "sessions";

sde::SdeSessionState sdeState() {
    sde::SdeParams p;
    p.n = 24;
    p.classes = 3;
    p.eps = 0.05;
    p.steps = 40;
    sde::SdeModel m(p);
    m.setTrainedG(Eigen::MatrixXf::Identity(24, 24) * 0.5f);
    sde::SdeSessionState s;
    s.model = std::make_shared<const sde::SdeModel>(std::move(m));
    s.meta.iterations = 3;
    s.meta.lossCurve = {2.0, 1.5, 1.25};
    s.meta.date = "2026-01-01T00:00:00Z";
    s.modelName = "trained here";
    s.trained = true;
    s.image.resize(784);
    for (int i = 0; i < 784; ++i) s.image[std::size_t(i)] = float(i % 29) / 28.0f;
    s.label = 7;
    s.corruption = data::Corruption::Gauss05;
    s.corruptionSeed = 11;
    s.stepsPerSecond = 300;
    s.robustness = {{"eps0", "clean", 1, 0.9858, 1000}, {"eps0", "gauss05", 2, 0.28, 1000}};
    s.robustnessCaption = "measured";
    return s;
}

/// Rewrites one attribute of a saved session (an int) and seals the file again, as if the product
/// had written that value.
void setIntAttribute(const std::string& path, const std::string& group, const std::string& name,
                     std::int64_t value) {
    h5::Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    ASSERT_TRUE(f.valid()) << path;
    {
        h5::Handle g = h5::openGroup(f, group);
        ASSERT_GE(H5Adelete(g, name.c_str()), 0);
        h5::writeAttribute(g, name, value);
    }
    h5::writeChecksums(f);
    f.close();
    h5::sealFile(path);
}

/// Expects `load` to throw a SessionError whose message holds the file and every fragment.
template <class F>
void expectRefused(F&& load, const std::string& path, const std::vector<std::string>& fragments) {
    try {
        load(path);
        ADD_FAILURE() << "loading " << path << " should have failed";
    } catch (const SessionError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(path), std::string::npos) << msg;
        for (const auto& f : fragments)
            EXPECT_NE(msg.find(f), std::string::npos) << "missing '" << f << "' in: " << msg;
    }
}

/// The input part of a loaded state: label, corruption and its seed, play speed, two table rows.
void expectInput(const sde::SdeSessionState& s, int label, data::Corruption c, std::uint64_t seed,
                 double stepsPerSecond) {
    EXPECT_EQ(s.label, label);
    EXPECT_EQ(s.corruption, c);
    EXPECT_EQ(s.corruptionSeed, seed);
    EXPECT_EQ(s.stepsPerSecond, stepsPerSecond);
    ASSERT_EQ(s.robustness.size(), 2u);
    EXPECT_EQ(s.robustness[1].corruption, "gauss05");
}

}  // namespace

TEST(SdeSession, RoundTripIsExact) {
    const sde::SdeSessionState s = sdeState();
    const std::string path = as::test::tempPath("sde.h5");
    sde::saveSdeSession(path, s);
    const sde::SdeSessionState r = sde::loadSdeSession(path);
    for (const auto& spec : sde::SdeParams::specs())
        EXPECT_EQ(r.model->params().get(spec.key), s.model->params().get(spec.key)) << spec.key;
    EXPECT_TRUE(r.model->atilde() == s.model->atilde());
    ASSERT_TRUE(r.model->hasTrainedG());
    EXPECT_TRUE(r.model->trainedG() == s.model->trainedG());
    EXPECT_EQ(r.meta.iterations, 3);
    EXPECT_EQ(r.meta.lossCurve, s.meta.lossCurve);
    EXPECT_EQ(r.modelName, s.modelName);
    EXPECT_TRUE(r.trained);
    EXPECT_EQ(r.image, s.image);
    expectInput(r, 7, data::Corruption::Gauss05, 11, 300.0);
    EXPECT_EQ(r.robustness[1].seed, 2);
    EXPECT_DOUBLE_EQ(r.robustness[0].accuracy, 0.9858);
    EXPECT_EQ(r.robustnessCaption, "measured");
    fs::remove(path);
}

TEST(SdeSession, InitialConditionIsTheCorruptedImageOverItsMaximum) {
    const sde::SdeSessionState s = sdeState();
    const std::vector<float> x0 = s.initialCondition();
    Eigen::MatrixXf x(784, 1);
    data::corrupt(s.corruption, s.image.data(), x.data(), 28, 28, s.corruptionSeed);
    ASSERT_GT(x.maxCoeff(), 0.0f);
    x /= x.maxCoeff();
    ASSERT_EQ(x0.size(), 784u);
    float largest = 0;
    for (int i = 0; i < 784; ++i) {
        EXPECT_NEAR(x0[std::size_t(i)], x(i), 1e-6f) << i;
        largest = std::max(largest, x0[std::size_t(i)]);
    }
    EXPECT_FLOAT_EQ(largest, 1.0f);
}

TEST(SdeSession, RefusesBadValuesNamingFileAndAttribute) {
    const std::string path = as::test::tempPath("sde_bad.h5");
    sde::saveSdeSession(path, sdeState());
    setIntAttribute(path, "sde", "label", 12);
    expectRefused(sde::loadSdeSession, path, {"/sde", "label 12"});
    sde::saveSdeSession(path, sdeState());
    setIntAttribute(path, "sde", "corruption_seed", -3);
    expectRefused(sde::loadSdeSession, path, {"/sde", "corruption_seed"});
    sde::saveSdeSession(path, sdeState());
    setIntAttribute(path, "sde", "format_version", 2);
    expectRefused(sde::loadSdeSession, path, {"/sde", "format_version 2"});
    sde::saveSdeSession(path, sdeState());
    setIntAttribute(path, "sde", "n", 30);  // the model in /sde/model has N = 24
    expectRefused(sde::loadSdeSession, path, {"/sde", "planted with other parameters"});
    fs::remove(path);
}

TEST(SdeSession, RefusesAFileWithoutTheGroup) {
    const std::string path = as::test::tempPath("ring_only.h5");
    CannParams p;
    p.N = 64;
    saveRingSession(path, RingSimulation(p, StimulusParams{}));
    expectRefused(sde::loadSdeSession, path, {"no SDE lab", "'/sde'"});
    expectRefused(surrogate::loadSurrogateSession, path, {"no Surrogate lab", "'/surrogate'"});
    fs::remove(path);
}

// Written by the GUI's SDE lab at commit 1cd2e5d (tests/engine/data/sessions/README.md).
TEST(SdeSession, FileWrittenByTheGuiBeforeTheMoveLoads) {
    const sde::SdeSessionState s = sde::loadSdeSession((kFixtures / "sde_session_v2.h5").string());
    EXPECT_EQ(s.model->params().n, 24);
    EXPECT_EQ(s.model->params().classes, 3);
    EXPECT_EQ(s.model->params().eps, 0.05);
    EXPECT_EQ(s.model->params().steps, 40);
    EXPECT_EQ(s.modelName, "untrained (planted, fixture)");
    EXPECT_FALSE(s.trained);
    ASSERT_EQ(s.image.size(), 784u);
    for (int i = 0; i < 784; ++i)
        EXPECT_EQ(s.image[std::size_t(i)], float((i * 37) % 256) / 255.0f) << i;
    expectInput(s, 4, data::Corruption::Gauss05, 7, 100.0);
    EXPECT_EQ(s.robustness[1].model, "eps0");
    EXPECT_DOUBLE_EQ(s.robustness[1].accuracy, 0.5);
    EXPECT_EQ(s.robustnessCaption, "measured (fixture)");
}

TEST(SurrogateSession, RoundTripIsExact) {
    const std::string path = as::test::tempPath("surrogate.h5");
    surrogate::saveSurrogateSession(path, {"/models/ring_gru.h5", surrogate::LiveSource::Helix});
    const surrogate::SurrogateSessionState s = surrogate::loadSurrogateSession(path);
    EXPECT_EQ(s.modelPath, "/models/ring_gru.h5");
    EXPECT_EQ(s.source, surrogate::LiveSource::Helix);
    setIntAttribute(path, "surrogate", "source", 7);
    expectRefused(surrogate::loadSurrogateSession, path, {"/surrogate", "'source' 7"});
    fs::remove(path);
}

// Written by the GUI's Surrogate lab at commit 1cd2e5d, running the shipped ring model with the
// "jumps" input (tests/engine/data/sessions/README.md).
TEST(SurrogateSession, FileWrittenByTheGuiBeforeTheMoveLoads) {
    const surrogate::SurrogateSessionState s =
        surrogate::loadSurrogateSession((kFixtures / "surrogate_session_v2.h5").string());
    EXPECT_EQ(fs::path(s.modelPath).filename(), "ring_gru.h5");
    EXPECT_EQ(s.source, surrogate::LiveSource::Jumps);
}

// The lab's input sources: one angle per step for the ring, azimuth and a pitch in [-pi/2, pi/2]
// for hd2d, three phases for grid3d; the 3D paths are the torus lab's trajectories (source 5 the
// random walk, 6 the helix); the mouse has no sequence.
TEST(SurrogateSession, LiveInputsFollowTheSource) {
    using surrogate::LiveSource;
    EXPECT_TRUE(surrogate::liveInputs(LiveSource::Mouse, 1, 100, 1.0).empty());
    for (int src = 1; src < surrogate::kLiveSourceCount; ++src)
        for (int axes = 1; axes <= 3; ++axes) {
            const auto in = surrogate::liveInputs(LiveSource(src), axes, 50, 1.0);
            ASSERT_EQ(in.size(), std::size_t(50 * axes)) << src << " " << axes;
            for (std::size_t i = 0; i < in.size(); ++i) {
                EXPECT_LE(std::abs(in[i]), M_PI + 1e-9);
                if (axes == 2 && i % 2 == 1) EXPECT_LE(std::abs(in[i]), M_PI / 2 + 1e-9);
            }
        }
    surrogate::ProcessParams p;
    EXPECT_EQ(surrogate::liveInputs(LiveSource::Random3d, 1, 40, 1.0),
              surrogate::generateInputs(p, surrogate::ProcessKind::Random3d, 1, 40, 1.0, 4247));
    EXPECT_EQ(surrogate::liveInputs(LiveSource::Helix, 3, 40, 2.0),
              surrogate::generateInputs(p, surrogate::ProcessKind::Helix, 3, 40, 2.0, 4248));
    EXPECT_EQ(surrogate::liveInputs(LiveSource::Jumps, 1, 40, 1.0),
              surrogate::generateSequence(p, surrogate::ProcessKind::Jumps, 40, 4245));
    EXPECT_STREQ(surrogate::liveSourceName(LiveSource::Random3d), "random3d");
}
