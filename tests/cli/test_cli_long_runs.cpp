// The shared pieces against runaway CLI runs (app/cli): the step guard (checkStepBudget) and the
// progress printer, driven by a fake clock (no wall time).
#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>

#include "CliCommand.h"
#include "ProgressPrinter.h"

using as::cli::CliError;
using as::cli::ProgressPrinter;

namespace {

struct FakeClock {
    double t = 0;
    ProgressPrinter::Clock fn() {
        return [this] { return t; };
    }
};

std::string errorOf(double steps, bool force) {
    try {
        as::cli::checkStepBudget(steps, "the job", force);
    } catch (const CliError& e) {
        EXPECT_EQ(e.code(), as::cli::kExitUsage);
        return e.what();
    }
    return {};
}

}  // namespace

TEST(StepGuard, RefusesOverOneHundredMillionStepsWithTheCountAndForce) {
    EXPECT_EQ(errorOf(1e8, false), "");
    EXPECT_EQ(errorOf(1e8 + 1, false),
              "the job is 100000001 steps (1e+08), more than the 1e+08 allowed without --force "
              "(pass --force to run it anyway)");
    EXPECT_EQ(errorOf(1e10, true), "");  // --force allows it
}

TEST(StepGuard, DurationAndDtNameTheirValues) {
    try {
        as::cli::checkDurationSteps(10, 1e-9, false);
        FAIL() << "10 ms at dt = 1e-9 ms should be refused";
    } catch (const CliError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "--duration 10 ms at dt = 1e-09 ms is 10000000000 steps (1e+10), more than the "
                  "1e+08 allowed "
                  "without --force (pass --force to run it anyway)");
    }
    EXPECT_NO_THROW(as::cli::checkDurationSteps(10, 1e-9, true));
    EXPECT_NO_THROW(as::cli::checkDurationSteps(200, 0.1, false));
}

TEST(StepGuard, UncountableRunsAreRefusedEvenWithForce) {
    EXPECT_NE(errorOf(1e19, true), "");
    EXPECT_NE(
        errorOf(std::numeric_limits<double>::infinity(), true).find("not a finite number of steps"),
        std::string::npos);
}

TEST(ProgressPrinter, SilentForJobsUnderTwoSeconds) {
    FakeClock c;
    std::ostringstream out;
    ProgressPrinter p("ring", "ms simulated", false, &out, c.fn());
    for (int k = 1; k <= 19; ++k) {
        c.t = k / 10.0;
        p.update(100.0 * k, 1900.0);
    }
    EXPECT_EQ(p.linesPrinted(), 0);
    EXPECT_EQ(out.str(), "");
}

TEST(ProgressPrinter, AtMostOneLinePerSecondWithTheTimeLeft) {
    FakeClock c;
    std::ostringstream out;
    ProgressPrinter p("ring", "ms simulated", false, &out, c.fn());
    // 1000 ms simulated per second of wall time, updates every 0.1 s from t = 0.5 s.
    for (int k = 5; k <= 45; ++k) {
        c.t = k / 10.0;
        p.update(100.0 * k, 10000.0);
    }
    // Lines at t = 2.0, 3.0 and 4.0 s (the first 2 s are quiet; then once a second).
    EXPECT_EQ(p.linesPrinted(), 3);
    EXPECT_EQ(out.str(),
              "ring: 20% (2000/10000 ms simulated), 8.0 s left\n"
              "ring: 30% (3000/10000 ms simulated), 7.0 s left\n"
              "ring: 40% (4000/10000 ms simulated), 6.0 s left\n");
}

TEST(ProgressPrinter, QuietPrintsNothing) {
    FakeClock c;
    std::ostringstream out;
    ProgressPrinter p("ring", "ms simulated", true, &out, c.fn());
    for (int k = 1; k <= 100; ++k) {
        c.t = k / 10.0;
        p.update(k, 100);
    }
    EXPECT_EQ(p.linesPrinted(), 0);
    EXPECT_EQ(out.str(), "");
}

TEST(ProgressPrinter, NoProgressYetSaysTheTimeLeftIsUnknown) {
    FakeClock c;
    std::ostringstream out;
    ProgressPrinter p("ei persistent", "", false, &out, c.fn());
    c.t = 2.5;
    p.update(0, 1);
    EXPECT_EQ(out.str(), "ei persistent: 0%, time left unknown\n");
}

TEST(ProgressPrinter, LateFirstReportMeasuresTheRateFromTheStart) {
    FakeClock c;
    std::ostringstream out;
    ProgressPrinter p("surrogate dataset", "sequences", false, &out, c.fn());
    c.t = 2.5;
    p.update(5, 20);  // 5 sequences in 2.5 s: 15 left take 7.5 s
    EXPECT_EQ(out.str(), "surrogate dataset: 25% (5/20 sequences), 7.5 s left\n");
}

TEST(ProgressPrinter, FormatsLongTimes) {
    EXPECT_EQ(ProgressPrinter::formatSeconds(3.14), "3.1 s");
    EXPECT_EQ(ProgressPrinter::formatSeconds(245), "4 min 05 s");
    EXPECT_EQ(ProgressPrinter::formatSeconds(3 * 3600 + 1800), "3.5 h");
}
