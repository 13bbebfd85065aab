// Table 1 from a merged sweep (sde/RobustnessSweep): one record per finished job and accuracy
// field, models named as the shipped ones from eps and train_g, seeds from the seed parameter;
// sweeps of something else are refused naming the sweep.
#include <gtest/gtest.h>

#include <cmath>

#include "sde/RobustnessSweep.h"

namespace {

/// The shape sde_table1.json produces: (eps, train_g) x seed, fields clean_acc, gauss05_acc,
/// n_test (job 3 failed).
as::SweepTable table1() {
    as::SweepTable t;
    t.label = "sde_table1";
    t.paramLabels = {"eps", "train_g", "seed"};
    t.paramValues = {{"0", "0", "0.05", "0.1"}, {"off", "off", "off", "on"}, {"1", "2", "1", "1"}};
    t.resultFields = {"n_test", "clean_acc", "gauss05_acc", "wall_s_eval"};
    t.results = {{10000, 10000, 10000, NAN},
                 {0.98, 0.97, 0.96, NAN},
                 {0.65, 0.66, 0.7, NAN},
                 {1, 1, 1, NAN}};
    t.status = {"ok", "ok", "ok", "failed"};
    t.index = {0, 1, 2, 3};
    return t;
}

}  // namespace

TEST(RobustnessSweep, OneRecordPerFinishedJobAndAccuracyField) {
    std::string error = "x";
    const auto r = as::sde::robustnessFromSweep(table1(), &error);
    EXPECT_EQ(error, "");
    ASSERT_EQ(r.size(), 6u);  // 3 finished jobs x (clean, gauss05)
    EXPECT_EQ(r[0].model, "eps0");
    EXPECT_EQ(r[0].corruption, "clean");
    EXPECT_EQ(r[0].seed, 1);
    EXPECT_DOUBLE_EQ(r[0].accuracy, 0.98);
    EXPECT_EQ(r[0].n, 10000);
    EXPECT_EQ(r[1].corruption, "gauss05");
    EXPECT_EQ(r[2].seed, 2);
    EXPECT_EQ(r[4].model, "eps005");
    EXPECT_DOUBLE_EQ(r[5].accuracy, 0.7);
}

TEST(RobustnessSweep, TrainedGAndParameterNames) {
    auto t = table1();
    t.status[3] = "ok";
    t.results = {
        {10000, 10000, 10000, 500}, {0.98, 0.97, 0.96, 0.9}, {0.65, 0.66, 0.7, 0.5}, {1, 1, 1, 1}};
    auto r = as::sde::robustnessFromSweep(t, nullptr);
    ASSERT_EQ(r.size(), 8u);
    EXPECT_EQ(r[6].model, "gtrained");
    EXPECT_EQ(r[6].n, 500);
    // Without eps / train_g the other parameters name the model.
    t.paramLabels = {"lr", "batch", "seed"};
    r = as::sde::robustnessFromSweep(t, nullptr);
    EXPECT_EQ(r[0].model, "lr=0;batch=off");
}

TEST(RobustnessSweep, SweepsOfSomethingElseAreRefusedNamingTheSweep) {
    as::SweepTable t;
    t.label = "ring_lag";
    t.paramLabels = {"v"};
    t.paramValues = {{"0.01"}};
    t.resultFields = {"lag_rad"};
    t.results = {{0.01}};
    t.status = {"ok"};
    t.index = {0};
    std::string error;
    EXPECT_TRUE(as::sde::robustnessFromSweep(t, &error).empty());
    EXPECT_NE(error.find("ring_lag"), std::string::npos) << error;
    auto all = table1();
    all.status = {"failed", "failed", "missing", "failed"};
    EXPECT_TRUE(as::sde::robustnessFromSweep(all, &error).empty());
    EXPECT_NE(error.find("no finished evaluation"), std::string::npos) << error;
}
