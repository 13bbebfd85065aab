// The ring CANN against the analytic results of models.md §1 (Wu, Hamaguchi & Amari 2008).
#include <gtest/gtest.h>

#include <cmath>

#include "cann/BumpAnalysis.h"
#include "cann/DenseRingCann.h"
#include "cann/RingSimulation.h"

using namespace as;

namespace {
constexpr double kPi = 3.14159265358979323846;

/// Drives a bump at z0 for 20 ms, removes the stimulus and lets it settle for 100 tau.
RingSimulation settledBump(double z0, CannParams p = {}) {
    StimulusParams s;
    s.protocol = Protocol::Persistent;
    s.z0 = z0;
    s.t_off = 20.0;
    RingSimulation sim(p, s);
    sim.step(int(std::lround((20.0 + 100.0 * p.tau) / p.dt)));
    return sim;
}
}  // namespace

TEST(CannParams, CriticalInhibitionAndAnalyticBump) {
    CannParams p;  // N=512, J0=4, a=0.5, k=8.1 (models.md check values)
    EXPECT_NEAR(p.kCritical(), 130.03, 0.01);
    EXPECT_NEAR(p.analyticU0(), 0.27420, 1e-5);
    EXPECT_NEAR(p.analyticR0(), std::sqrt(2.0) * p.analyticU0() / (p.rho() * p.J0), 1e-15);
}

TEST(CannParams, RefusesKAtOrAboveCriticalAndStatesIt) {
    CannParams p;
    p.k = 200;
    try {
        p.check();
        FAIL() << "k >= k_c accepted";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("k_c"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("130.03"), std::string::npos) << e.what();
    }
    p.k = p.kCritical();
    EXPECT_THROW(p.check(), std::invalid_argument);
    p.k = 0;
    EXPECT_THROW(p.check(), std::invalid_argument);
}

TEST(CannParams, RangeRulesAndKeyAccess) {
    CannParams p;
    EXPECT_NO_THROW(p.check());
    for (auto [key, bad] : std::vector<std::pair<std::string, double>>{{"N", 8},
                                                                       {"tau", 0},
                                                                       {"a", 0.001},
                                                                       {"a", 2.0},
                                                                       {"J0", -1},
                                                                       {"A", -1},
                                                                       {"dt", 0},
                                                                       {"dt", 6},
                                                                       {"tau", NAN}}) {
        CannParams q;
        q.set(key, bad);
        EXPECT_THROW(q.check(), std::invalid_argument) << key << " = " << bad;
    }
    p.set("integrator", CannParams::parse("integrator", "rk4"));
    EXPECT_EQ(p.integrator, Integrator::RK4);
    EXPECT_DOUBLE_EQ(p.get("tau"), 1.0);
    EXPECT_THROW(p.set("nosuch", 1), std::invalid_argument);
    EXPECT_THROW(CannParams::parse("N", "12x"), std::invalid_argument);
    EXPECT_THROW(p.set("N", 12.5), std::invalid_argument);
    // Integers the member cannot hold are refused before any cast (found by fuzz_set).
    for (double bad : {1e18, -3e9, double(INFINITY), double(NAN)})
        EXPECT_THROW(p.set("N", bad), std::invalid_argument) << bad;
    StimulusParams s;
    EXPECT_THROW(s.set("seed", -1), std::invalid_argument);
    EXPECT_NO_THROW(s.set("seed", 2147483647.0));  // its documented range, [0, 2^31 - 1]
    EXPECT_THROW(s.set("seed", 4294967296.0), std::invalid_argument);
}

TEST(RingCann, FftRecurrentInputEqualsDenseProduct) {
    for (auto precision : {ConvolutionPrecision::Float64, ConvolutionPrecision::Float32}) {
        for (int n : {64, 257, 512, 2048}) {
            CannParams p;
            p.N = n;
            RingCann m(p, precision);
            std::vector<double> r(n), fft(n), dense(n);
            for (int i = 0; i < n; ++i)
                r[i] = std::exp(-std::pow(m.positions()[i] - 0.7, 2)) + 0.1 * (i % 3);
            m.recurrentInput(r.data(), fft.data());
            m.denseRecurrentInput(r.data(), dense.data());
            const double tol = precision == ConvolutionPrecision::Float64 ? 1e-11 : 2e-5;
            for (int i = 0; i < n; ++i) ASSERT_NEAR(fft[i], dense[i], tol * dense[i]) << "N=" << n;
        }
    }
}

class BumpAcrossTheRing : public ::testing::TestWithParam<double> {};

TEST_P(BumpAcrossTheRing, SettlesOnTheAnalyticBumpAtTheStimulus) {
    const double z0 = GetParam();
    RingSimulation sim = settledBump(z0);
    const CannParams& p = sim.params();
    const BumpShape r = measureBump(sim.model().positions(), sim.model().r());
    const BumpShape u = measureBump(sim.model().positions(), sim.model().u());
    EXPECT_NEAR(u.height, p.analyticU0(), 0.01 * p.analyticU0());
    EXPECT_NEAR(r.height, p.analyticR0(), 0.01 * p.analyticR0());
    EXPECT_NEAR(r.width, p.a, 0.01 * p.a);                   // r ∝ exp(-d^2 / 2a^2)
    EXPECT_NEAR(u.width, std::sqrt(2.0) * p.a, 0.01 * p.a);  // u ∝ exp(-d^2 / 4a^2)
    EXPECT_LT(std::abs(wrapAngle(sim.decode().angle - z0)), 1e-3);
    EXPECT_FALSE(sim.halted());
}
INSTANTIATE_TEST_SUITE_P(RingCann, BumpAcrossTheRing,
                         ::testing::Values(0.0, 1.0, -2.0, kPi - 0.01, -kPi + 0.01, kPi));

TEST(RingCann, NeutrallyStableWithoutInput) {
    RingSimulation sim = settledBump(0.5);
    const double before = sim.decode().angle;
    sim.step(int(1000.0 / sim.params().dt));  // 1000 tau
    EXPECT_LT(std::abs(wrapAngle(sim.decode().angle - before)), 0.01);
    EXPECT_NEAR(
        sim.model().u()[0] * 0 + measureBump(sim.model().positions(), sim.model().u()).height,
        sim.params().analyticU0(), 0.01 * sim.params().analyticU0());
}

TEST(RingCann, TracksAMovingStimulusWithALagThatGrowsWithSpeed) {
    double previous = 0.0;
    for (double v : {0.002, 0.005, 0.01, 0.02}) {
        StimulusParams s;
        s.protocol = Protocol::Moving;
        s.v = v;
        RingSimulation sim(CannParams{}, s);
        sim.step(3000);  // 300 ms
        const double lag = trackingLag(sim.traces(), 150.0);
        EXPECT_GT(lag, previous) << "v = " << v;
        EXPECT_LT(lag, 0.5) << "v = " << v;  // still tracking
        previous = lag;
    }
}

TEST(RingCann, JumpReaches95PercentInFiniteTime) {
    StimulusParams s;
    s.protocol = Protocol::Jump;
    s.t_jump = 20;
    s.dz = kPi / 2;
    RingSimulation sim(CannParams{}, s);
    sim.step(1000);
    const double t95 = timeTo95(sim.traces(), s.t_jump, s.z0, s.z0 + s.dz);
    EXPECT_TRUE(std::isfinite(t95));
    EXPECT_GT(t95, 0.0);
    EXPECT_LT(t95, 80.0);
}

TEST(RingCann, Rk4AndEulerAgreeAtSmallDtWithFirstOrderConvergence) {
    // A smooth transient (bump forming from rest under a static stimulus): a stimulus switched off
    // mid-run would add an O(dt) error from where the switch lands on each step grid.
    StimulusParams s;
    s.protocol = Protocol::Static;
    s.z0 = 1.0;
    auto run = [&](double dt, Integrator integrator) {
        CannParams p;
        p.dt = dt;
        p.integrator = integrator;
        RingSimulation sim(p, s, 16, 4, 1);
        sim.step(int(std::lround(3.0 / dt)));  // 3 ms
        EXPECT_NEAR(sim.time(), 3.0, 1e-9);
        return sim.model().u();
    };
    const auto reference = run(0.01, Integrator::RK4);
    auto maxDiff = [&](const std::vector<double>& u) {
        double m = 0;
        for (std::size_t i = 0; i < u.size(); ++i) m = std::max(m, std::abs(u[i] - reference[i]));
        return m;
    };
    double scale = 0;
    for (double v : reference) scale = std::max(scale, std::abs(v));
    const double e1 = maxDiff(run(0.002, Integrator::Euler));
    const double e2 = maxDiff(run(0.004, Integrator::Euler));
    EXPECT_LT(e1, 1e-3 * scale);
    EXPECT_NEAR(e2 / e1, 2.0, 0.3);  // Euler's global error is first order in dt
    EXPECT_LT(maxDiff(run(0.02, Integrator::RK4)), 1e-5 * scale);
}

TEST(RingCann, Float32AndFloat64ConvolutionAgree) {
    CannParams p;
    std::vector<double> input(p.N, 0.0);
    RingCann f32(p, ConvolutionPrecision::Float32), f64(p, ConvolutionPrecision::Float64);
    for (int i = 0; i < p.N; ++i)
        input[i] = p.A * std::exp(-std::pow(f32.positions()[i], 2) / (4 * p.a * p.a));
    for (int k = 0; k < 500; ++k) {
        f32.step(input.data());
        f64.step(input.data());
    }
    for (int i = 0; i < p.N; ++i)
        ASSERT_NEAR(f32.u()[i], f64.u()[i], 1e-5 * (1 + std::abs(f64.u()[i])));
}

TEST(RingCann, ChangingNResamplesTheBump) {
    RingSimulation sim = settledBump(1.2);
    CannParams p = sim.params();
    p.N = 1024;
    sim.setParams(p);
    EXPECT_EQ(sim.model().size(), 1024);
    EXPECT_LT(std::abs(wrapAngle(sim.decode().angle - 1.2)), 1e-3);
    sim.step(500);
    EXPECT_LT(std::abs(wrapAngle(sim.decode().angle - 1.2)), 5e-3);
}

TEST(Watchdog, StopsADivergingRunAndKeepsTheLastGoodState) {
    CannParams p;
    p.dt = 4.9;  // Euler is unstable beyond 2 tau
    StimulusParams s;
    s.protocol = Protocol::Static;
    RingSimulation sim(p, s);
    const int taken = sim.step(10000);
    EXPECT_LT(taken, 10000);
    ASSERT_TRUE(sim.halted());
    EXPECT_NE(sim.message().find("last good state"), std::string::npos) << sim.message();
    for (double v : sim.model().u()) ASSERT_TRUE(std::isfinite(v) && std::abs(v) <= 1e6);
    const double t = sim.time();
    EXPECT_EQ(sim.step(10), 0);  // stays stopped
    EXPECT_EQ(sim.time(), t);
    p.dt = 0.1;  // the user fixes dt: the run may go on
    sim.setParams(p);
    EXPECT_FALSE(sim.halted());
    EXPECT_EQ(sim.step(10), 10);
}

TEST(Watchdog, ReportsNonFiniteValues) {
    Watchdog w(10.0);
    EXPECT_FALSE(w.inspect({1.0, -9.0}, 0.0, "u"));
    EXPECT_TRUE(w.inspect({1.0, 11.0}, 0.0, "u"));
    const auto m = w.inspect({1.0, NAN}, 2.5, "u");
    ASSERT_TRUE(m);
    EXPECT_NE(m->find("u[1]"), std::string::npos);
    EXPECT_NE(m->find("not a finite number"), std::string::npos);
}

TEST(RingSimulation, DenormalDecayDoesNotBreakTheRun) {
    // No input, sub-threshold start: activity decays to zero through the denormal range.
    CannParams p;
    StimulusParams s;
    s.protocol = Protocol::Off;
    RingSimulation sim(p, s);
    RingSimulation::State st = sim.captureState();
    st.u.assign(p.N, 1e-3);
    sim.restoreState(st);
    sim.step(20000);
    EXPECT_FALSE(sim.halted());
    for (double v : sim.model().u()) ASSERT_GE(v, 0.0);
}

TEST(DenseRingCann, AgreesWithTheFftModel) {
    CannParams p;
    p.N = 256;
    RingCann fft(p, ConvolutionPrecision::Float64);
    DenseRingCann dense(p);
    std::vector<double> input(p.N);
    for (int i = 0; i < p.N; ++i)
        input[i] =
            p.A * std::exp(-std::pow(wrapAngle(fft.positions()[i] - 2.0), 2) / (4 * p.a * p.a));
    for (int k = 0; k < 300; ++k) {
        fft.step(input.data());
        dense.step(input.data());
    }
    for (int i = 0; i < p.N; ++i)
        ASSERT_NEAR(fft.u()[i], dense.u()(i), 1e-10 * (1 + std::abs(dense.u()(i))));
}

TEST(RingSimulation, SnapshotTracesCoverTheRequestedWindow) {
    RingSimulation sim(CannParams{}, StimulusParams{});
    sim.step(3000);  // 300 ms
    const auto all = sim.snapshot(100000, 0.0);
    EXPECT_EQ(all->traceT.size(), 3000u);
    const auto last = sim.snapshot(100000, 50.0);
    ASSERT_FALSE(last->traceT.empty());
    EXPECT_NEAR(last->traceT.front(), 250.0, 0.1 + 1e-9);
    EXPECT_NEAR(last->traceT.back(), 300.0, 1e-9);
    EXPECT_EQ(last->traceT.size(), last->traceDecoded.size());
}
