// Curves from a merged sweep (io/SweepSeries): mean, sample std and n per parameter value over the
// other parameters, one curve per value of a split parameter, failed jobs and NaN results left
// out, text values placed in order, unknown names refused.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "io/SweepSeries.h"

namespace {

/// 2 speeds x 2 sizes x 3 seeds; lag = speed * size + seed (so the mean over seeds is
/// speed * size + 2 and the sample std over seeds 1, 2, 3 is exactly 1). Job 5 failed.
as::SweepTable grid() {
    as::SweepTable t;
    t.paramLabels = {"v", "N", "seed"};
    t.resultFields = {"lag"};
    t.paramValues.resize(3);
    t.results.resize(1);
    int j = 0;
    for (double v : {0.01, 0.02})
        for (int n : {256, 512})
            for (int seed = 1; seed <= 3; ++seed, ++j) {
                t.index.push_back(j);
                t.paramValues[0].push_back(v == 0.01 ? "0.01" : "0.02");
                t.paramValues[1].push_back(std::to_string(n));
                t.paramValues[2].push_back(std::to_string(seed));
                t.results[0].push_back(v * n + seed);
                t.status.push_back(j == 5 ? "failed" : "ok");
                t.exitCode.push_back(j == 5 ? 3 : 0);
                t.wallSeconds.push_back(0.1 * (j + 1));
                t.seed.push_back(seed);
                t.log.push_back("");
            }
    return t;
}

}  // namespace

TEST(SweepSeries, MeanStdAndNPerValueOverTheOtherParameters) {
    const auto curves = as::sweepSeries(grid(), {"N", "lag"});
    ASSERT_EQ(curves.size(), 1u);
    const auto& c = curves[0];
    ASSERT_EQ(c.x.size(), 2u);
    EXPECT_EQ(c.x[0], 256);
    EXPECT_EQ(c.x[1], 512);
    // N = 256: v = 0.01 (seeds 1-3) and v = 0.02 (seeds 1-3): 2.56+s and 5.12+s.
    EXPECT_NEAR(c.mean[0], (2.56 * 3 + 5.12 * 3 + 12) / 6, 1e-12);
    EXPECT_EQ(c.n[0], 6);
    // N = 512 lost job 5 (v = 0.01, seed 3): 5.12+1, 5.12+2, 10.24+1..3.
    EXPECT_EQ(c.n[1], 5);
    EXPECT_NEAR(c.mean[1], (5.12 * 2 + 3 + 10.24 * 3 + 6) / 5, 1e-12);
    EXPECT_EQ(c.xText[1], "512");
}

TEST(SweepSeries, OneCurvePerValueOfTheSplitParameter) {
    const auto curves = as::sweepSeries(grid(), {"N", "lag", "v"});
    ASSERT_EQ(curves.size(), 2u);
    EXPECT_EQ(curves[0].name, "v = 0.01");
    EXPECT_EQ(curves[1].name, "v = 0.02");
    const auto& fast = curves[1];
    ASSERT_EQ(fast.x.size(), 2u);
    EXPECT_NEAR(fast.mean[0], 0.02 * 256 + 2, 1e-12);
    EXPECT_NEAR(fast.std[0], 1.0, 1e-12);  // seeds 1, 2, 3
    EXPECT_EQ(fast.n[1], 3);
    const auto& slow = curves[0];
    EXPECT_EQ(slow.n[1], 2);                          // the failed job is left out
    EXPECT_NEAR(slow.std[1], std::sqrt(0.5), 1e-12);  // seeds 1, 2
}

TEST(SweepSeries, SingleValuesHaveNoStdAndNaNResultsAreLeftOut) {
    auto t = grid();
    t.results[0][0] = NAN;  // v = 0.01, N = 256, seed 1 reported no lag
    const auto curves = as::sweepSeries(t, {"seed", "lag", "N"});
    ASSERT_EQ(curves.size(), 2u);
    EXPECT_EQ(curves[0].n[0], 1);  // N = 256, seed 1: only v = 0.02 is left
    EXPECT_TRUE(std::isnan(curves[0].std[0]));
    EXPECT_NEAR(curves[0].mean[0], 0.02 * 256 + 1, 1e-12);
}

TEST(SweepSeries, TextValuesAreOrderedByFirstAppearanceAndWallTimeIsAField) {
    as::SweepTable t;
    t.paramLabels = {"protocol"};
    t.paramValues = {{"jump", "tracking", "jump"}};
    t.resultFields = {};
    t.index = {0, 1, 2};
    t.status = {"ok", "ok", "ok"};
    t.exitCode = {0, 0, 0};
    t.wallSeconds = {1.0, 2.0, 3.0};
    t.seed = {NAN, NAN, NAN};
    t.log = {"", "", ""};
    const auto curves = as::sweepSeries(t, {"protocol", "wall_s"});
    ASSERT_EQ(curves.size(), 1u);
    ASSERT_EQ(curves[0].x.size(), 2u);
    EXPECT_EQ(curves[0].xText[0], "jump");
    EXPECT_EQ(curves[0].x[1], 1);
    EXPECT_NEAR(curves[0].mean[0], 2.0, 1e-12);
}

TEST(SweepSeries, UnknownNamesAreRefusedNamingThem) {
    try {
        as::sweepSeries(grid(), {"speed", "lag"});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("'speed'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("v, N, seed"), std::string::npos) << e.what();
    }
    EXPECT_THROW(as::sweepSeries(grid(), {"N", "t95"}), std::invalid_argument);
    EXPECT_THROW(as::sweepSeries(grid(), {"N", "lag", "alpha"}), std::invalid_argument);
}
