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

/// A printer writing to `out` on the fake clock `c`.
struct ProgressPrinterTest : ::testing::Test {
    FakeClock c;
    std::ostringstream out;
    ProgressPrinter printer(const std::string& job, const std::string& unit, bool quiet = false) {
        return ProgressPrinter(job, unit, quiet, &out, c.fn());
    }
    /// Updates at t = k / 10 s for k in [from, to], with done = perStep k of `total`.
    void feed(ProgressPrinter& p, int from, int to, double perStep, double total) {
        for (int k = from; k <= to; ++k) {
            c.t = k / 10.0;
            p.update(perStep * k, total);
        }
    }
};

TEST_F(ProgressPrinterTest, SilentForJobsUnderTwoSeconds) {
    ProgressPrinter p = printer("ring", "ms simulated");
    feed(p, 1, 19, 100.0, 1900.0);
    EXPECT_EQ(p.linesPrinted(), 0);
    EXPECT_EQ(out.str(), "");
}

TEST_F(ProgressPrinterTest, AtMostOneLinePerSecondWithTheTimeLeft) {
    ProgressPrinter p = printer("ring", "ms simulated");
    // 1000 ms simulated per second of wall time, updates every 0.1 s from t = 0.5 s.
    feed(p, 5, 45, 100.0, 10000.0);
    // Lines at t = 2.0, 3.0 and 4.0 s (the first 2 s are quiet; then once a second).
    EXPECT_EQ(p.linesPrinted(), 3);
    EXPECT_EQ(out.str(),
              "ring: 20% (2000/10000 ms simulated), 8.0 s left\n"
              "ring: 30% (3000/10000 ms simulated), 7.0 s left\n"
              "ring: 40% (4000/10000 ms simulated), 6.0 s left\n");
}

TEST_F(ProgressPrinterTest, QuietPrintsNothing) {
    ProgressPrinter p = printer("ring", "ms simulated", true);
    feed(p, 1, 100, 1.0, 100.0);
    EXPECT_EQ(p.linesPrinted(), 0);
    EXPECT_EQ(out.str(), "");
}

TEST_F(ProgressPrinterTest, NoProgressYetSaysTheTimeLeftIsUnknown) {
    ProgressPrinter p = printer("ei persistent", "");
    c.t = 2.5;
    p.update(0, 1);
    EXPECT_EQ(out.str(), "ei persistent: 0%, time left unknown\n");
}

TEST_F(ProgressPrinterTest, LateFirstReportMeasuresTheRateFromTheStart) {
    ProgressPrinter p = printer("surrogate dataset", "sequences");
    c.t = 2.5;
    p.update(5, 20);  // 5 sequences in 2.5 s: 15 left take 7.5 s
    EXPECT_EQ(out.str(), "surrogate dataset: 25% (5/20 sequences), 7.5 s left\n");
}

TEST(ProgressPrinter, FormatsLongTimes) {
    EXPECT_EQ(ProgressPrinter::formatSeconds(3.14), "3.1 s");
    EXPECT_EQ(ProgressPrinter::formatSeconds(245), "4 min 05 s");
    EXPECT_EQ(ProgressPrinter::formatSeconds(3 * 3600 + 1800), "3.5 h");
}
