// The /torus group of session files: a saved run continues exactly after loading; damaged or
// foreign files are refused with a message naming the file and the problem.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cann/Hd2dSession.h"
#include "cann/RingSession.h"
#include "cann/TorusSession.h"
#include "io/Hdf5Handle.h"
#include "tests/engine/TempPath.h"
#include "tests/engine/cann/SmallTorus.h"

using namespace as;

namespace {
using test::smallUnevenTorus;
}  // namespace

TEST(TorusSession, SavedRunContinuesExactly) {
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Helix;
    tp.radius = 4;
    TorusSimulation a(smallUnevenTorus(), tp);
    a.step(120);
    const std::string path = as::test::tempPath("roundtrip.h5");
    saveTorusSession(path, a);
    auto b = loadTorusSession(path);
    EXPECT_EQ(b->params(), a.params());
    EXPECT_EQ(b->trajectoryParams(), a.trajectoryParams());
    EXPECT_EQ(b->time(), a.time());
    EXPECT_EQ(b->steps(), a.steps());
    EXPECT_EQ(b->traces().size(), a.traces().size());
    EXPECT_EQ(b->traces().channel("sin_y"), a.traces().channel("sin_y"));
    a.step(60);
    b->step(60);
    EXPECT_EQ(b->model().u(), a.model().u());
    for (int d = 0; d < 3; ++d)
        EXPECT_NEAR(b->estimate()[std::size_t(d)], a.estimate()[std::size_t(d)], 1e-12);
    std::remove(path.c_str());
}

TEST(TorusSession, RefusesAFileWithoutATorusGroup) {
    RingSimulation ring(CannParams{}, StimulusParams{});
    const std::string path = as::test::tempPath("ring_only.h5");
    saveRingSession(path, ring);
    try {
        loadTorusSession(path);
        FAIL() << "expected SessionError";
    } catch (const SessionError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("/torus"), std::string::npos);
    }
    std::remove(path.c_str());
}

TEST(TorusSession, RefusesAStateOfTheWrongShape) {
    TorusSimulation a(smallUnevenTorus(), TrajectoryParams{});
    const std::string path = as::test::tempPath("bad_shape.h5");
    {
        SessionWriter w(path, "torus");
        w.write([&](hid_t root) {
            writeTorusGroup(root, a);
            h5::Handle torus = h5::openGroup(root, "torus");
            h5::Handle g = h5::openGroup(torus, "parameters");
            H5Adelete(g, "n");
            h5::writeAttribute(g, "n", 24.0);  // the state stays 16^3
        });
        w.commit();
    }
    try {
        loadTorusSession(path);
        FAIL() << "expected SessionError";
    } catch (const SessionError& e) {
        EXPECT_NE(std::string(e.what()).find("/torus/state/u"), std::string::npos) << e.what();
    }
    std::remove(path.c_str());
}

TEST(TorusSession, RefusesATextFile) {
    const std::string path = as::test::tempPath("text.h5");
    std::ofstream(path) << "not a session\n";
    EXPECT_THROW(loadTorusSession(path), SessionError);
    std::remove(path.c_str());
}

TEST(Hd2dSession, SavedRunContinuesExactly) {
    TorusParams p;
    p.n = 32;
    p.k = 4.0;
    TrajectoryParams h;
    h.kind = TrajectoryKind::Helix;
    h.radius = 1.0;
    h.rise = 0.0;
    Hd2dSimulation a(p, h);
    a.step(80);
    const std::string path = as::test::tempPath("hd2d.h5");
    {
        SessionWriter w(path, "torus");
        w.write([&](hid_t root) { writeHd2dGroup(root, a); });
        w.commit();
    }
    SessionReader r(path);
    auto b = r.read([](hid_t root) { return readHd2dGroup(root); });
    EXPECT_EQ(b->params(), a.params());
    EXPECT_EQ(b->headingParams(), a.headingParams());
    EXPECT_EQ(b->steps(), a.steps());
    EXPECT_EQ(b->traces().channel("sheet_sin_az"), a.traces().channel("sheet_sin_az"));
    a.step(40);
    b->step(40);
    EXPECT_EQ(b->sheet().u(), a.sheet().u());
    EXPECT_EQ(b->ring(0).u(), a.ring(0).u());
    EXPECT_EQ(b->heading(), a.heading());
    std::remove(path.c_str());
}
