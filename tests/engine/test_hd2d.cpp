// 2D head direction: two decoupled rings beside a coupled sheet on the same input.
#include <gtest/gtest.h>

#include <cmath>

#include "cann/Hd2dSimulation.h"
#include "core/ParamAccess.h"

using namespace as;

TEST(Hd2d, RingsAndSheetAgreeOnAStaticHeading) {
    TorusParams p;
    p.n = 64;
    TrajectoryParams h;
    h.kind = TrajectoryKind::Static;
    Hd2dSimulation sim(p, h);
    sim.setHeading(1.1, -2.5);
    sim.step(400);
    ASSERT_FALSE(sim.halted()) << sim.message();
    for (int d = 0; d < 2; ++d) {
        EXPECT_LT(std::abs(wrapAngle(sim.ringsDecode()[std::size_t(d)].angle -
                                     sim.sheetDecode()[std::size_t(d)].angle)),
                  0.01);
        EXPECT_LT(std::abs(wrapAngle(sim.ringsDecode()[std::size_t(d)].angle -
                                     sim.heading()[std::size_t(d)])),
                  0.01);
    }
    EXPECT_GT(sim.ringsStepsPerSecond(), 0.0);
    EXPECT_GT(sim.sheetStepsPerSecond(), 0.0);
    EXPECT_EQ(sim.traces().size(), 400u);
}

TEST(Hd2d, BothTrackASlowlyTurningHead) {
    TorusParams p;
    p.n = 48;
    TrajectoryParams h;
    h.kind = TrajectoryKind::Random;
    h.speed = 0.005;  // rad/ms
    h.momentum_ms = 50;
    Hd2dSimulation sim(p, h);
    sim.step(2000);
    EXPECT_LT(sim.ringsMeanError(), 0.05);
    EXPECT_LT(sim.sheetMeanError(), 0.05);
    const auto snap = sim.snapshot();
    EXPECT_EQ(snap->sheet.size(), 48u * 48u);
    EXPECT_EQ(snap->ringAzimuth.size(), 48u);
}

TEST(Hd2d, RefusesInhibitionBeyondEitherCriticalValue) {
    TorusParams p;
    p.n = 32;
    p.k = 9.0;  // above the ring's k_c at n = 32 (8.1), below the sheet's
    TrajectoryParams h;
    EXPECT_THROW(Hd2dSimulation(p, h), ParamError);
}
