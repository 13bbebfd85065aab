// Population-vector decoding (seed 001 eq 8-9), confidence, stimulus protocols and recording.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "cann/BumpAnalysis.h"
#include "cann/PeriodicGaussian.h"
#include "cann/PopulationDecoder.h"
#include "cann/RingCann.h"
#include "cann/Stimulus.h"
#include "core/TraceBuffer.h"

using namespace as;

namespace {
constexpr double kPi = 3.14159265358979323846;
std::vector<double> ring(int n) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i) x[i] = -kPi + 2 * kPi * i / n;
    return x;
}
}  // namespace

TEST(PopulationDecoder, ExactOnSyntheticBumpsAnywhere) {
    const auto x = ring(512);
    for (double z : {0.0, 0.123, -1.7, 3.1, -3.14, kPi}) {
        std::vector<double> r(x.size());
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double d = wrapAngle(x[i] - z);
            r[i] = 2.0 * std::exp(-d * d / (2 * 0.5 * 0.5));
        }
        const Decode d = populationDecode(x, r);
        EXPECT_LT(std::abs(wrapAngle(d.angle - z)), 1e-9) << "z = " << z;
        EXPECT_NEAR(d.sumCos, d.magnitude * std::cos(z), 1e-9 * d.magnitude);
        EXPECT_NEAR(d.sumSin, d.magnitude * std::sin(z), 1e-9 * d.magnitude);
        const BumpShape b = measureBump(x, r);
        EXPECT_NEAR(b.width, 0.5, 1e-6);
        EXPECT_NEAR(b.height, 2.0, 1e-3);
    }
}

TEST(ConfidenceTracker, StaysInUnitIntervalAndIsOneForASteadyBump) {
    ConfidenceTracker c(2.0, 50.0);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> uni(0.0, 5.0);
    for (int i = 0; i < 2000; ++i) {
        const double v = c.update(0.1 * i, uni(rng));
        ASSERT_GE(v, 0.0);
        ASSERT_LE(v, 1.0);
    }
    ConfidenceTracker steady(2.0, 50.0);
    for (int i = 0; i < 1000; ++i) steady.update(0.1 * i, 3.0);
    EXPECT_NEAR(steady.value(), 1.0, 1e-12);
    // After the bump collapses to a tenth, confidence falls to about a tenth.
    for (int i = 1000; i < 1100; ++i) steady.update(0.1 * i, 0.3);
    EXPECT_NEAR(steady.value(), 0.1, 0.02);
}

TEST(Stimulus, ProtocolsFollowTheirDefinitions) {
    StimulusParams p;
    p.z0 = 0.5;
    p.protocol = Protocol::Moving;
    p.v = 0.1;
    Stimulus s(p);
    for (int i = 0; i < 100; ++i) s.advance(0.1);
    EXPECT_NEAR(s.z(), 1.5, 1e-9);
    for (int i = 0; i < 300; ++i) s.advance(0.1);  // 40 ms: 0.5 + 4.0 wraps past pi
    EXPECT_NEAR(s.z(), wrapAngle(4.5), 1e-9);

    p.protocol = Protocol::Persistent;
    p.t_off = 1.0;
    s.setParams(p);
    EXPECT_TRUE(s.on());
    for (int i = 0; i < 11; ++i) s.advance(0.1);
    EXPECT_FALSE(s.on());

    p.protocol = Protocol::Jump;
    p.t_jump = 1.0;
    p.dz = 1.0;
    s.setParams(p);
    EXPECT_NEAR(s.z(), 0.5, 1e-12);
    for (int i = 0; i < 11; ++i) s.advance(0.1);
    EXPECT_NEAR(s.z(), 1.5, 1e-12);

    p.protocol = Protocol::Off;
    s.setParams(p);
    EXPECT_FALSE(s.on());

    p.protocol = Protocol::External;
    s.setParams(p);
    s.setExternalTarget(-2.0);
    s.advance(0.1);
    EXPECT_NEAR(s.z(), -2.0, 1e-12);
    EXPECT_TRUE(s.on());
}

TEST(Stimulus, NoisyWalkIsSeededAndBounded) {
    StimulusParams p;
    p.protocol = Protocol::Noisy;
    p.seed = 7;
    Stimulus a(p), b(p);
    double sumSq = 0;
    for (int i = 0; i < 5000; ++i) {
        a.advance(0.1);
        b.advance(0.1);
        ASSERT_EQ(a.z(), b.z());
        ASSERT_LE(std::abs(a.z()), kPi);
        sumSq += a.z() * a.z();
    }
    EXPECT_GT(sumSq, 0.0);
    p.seed = 8;
    Stimulus c(p);
    c.advance(0.1);
    a.restart();
    a.advance(0.1);
    EXPECT_NE(a.z(), c.z());
}

TEST(StimulusParams, NamesAndRules) {
    EXPECT_EQ(protocolFromName("jump"), Protocol::Jump);
    EXPECT_EQ(protocolName(Protocol::Noisy), "noisy");
    EXPECT_THROW(protocolFromName("sideways"), std::invalid_argument);
    StimulusParams p;
    p.v = 2;
    EXPECT_THROW(p.check(), std::invalid_argument);
    p = {};
    p.z0 = 4;
    EXPECT_THROW(p.check(), std::invalid_argument);
    EXPECT_DOUBLE_EQ(StimulusParams::parse("protocol", "moving"), 3.0);
}

TEST(TraceBuffer, KeepsTheNewestRowsInOrder) {
    TraceBuffer t({"t", "x"}, 4);
    for (int i = 0; i < 10; ++i) t.append({double(i), 10.0 * i});
    ASSERT_EQ(t.size(), 4u);
    EXPECT_EQ(t.channel("t"), (std::vector<double>{6, 7, 8, 9}));
    EXPECT_EQ(t.channel("x"), (std::vector<double>{60, 70, 80, 90}));
    EXPECT_THROW(t.append({1.0}), std::invalid_argument);
    const auto dec = t.channelDecimated(0, 2);
    EXPECT_EQ(dec, (std::vector<double>{6, 9}));
    t.clear();
    EXPECT_EQ(t.size(), 0u);
}

TEST(ActivityBuffer, SamplesEveryStrideAndBoundsRows) {
    ActivityBuffer a(3, 2);
    for (long s = 0; s < 20; ++s) a.offer(s, 0.1 * s, {double(s), 0.0});
    EXPECT_EQ(a.size(), 3u);
    EXPECT_EQ(a.width(), 2u);
    const auto f = a.flattened();
    EXPECT_EQ(f, (std::vector<float>{14, 0, 16, 0, 18, 0}));
}

TEST(PeriodicGaussian, MatchesDirectEvaluationAnywhereOnTheRing) {
    for (int n : {16, 100, 512, 4096}) {
        const auto x = ring(n);
        std::vector<double> out(n, -1.0);
        for (double z : {0.0, 0.3141, -3.0, 3.14159, -kPi, kPi - 1e-9, 2.0 * kPi / n * 7}) {
            periodicGaussian(z, 10.0, 1.0, n, out.data());
            for (int i = 0; i < n; ++i) {
                const double d = wrapAngle(x[i] - z);
                const double expect = 10.0 * std::exp(-d * d);
                // at |d| = pi exactly either side of the seam is the same distance
                ASSERT_NEAR(out[i], expect, 1e-12 * 10.0 + 1e-9 * expect)
                    << "n=" << n << " z=" << z << " i=" << i << " d=" << d;
            }
        }
    }
}

TEST(TraceBuffer, LowerBoundAndWindowedDecimation) {
    TraceBuffer t({"t"}, 100);
    for (int i = 0; i < 150; ++i) t.append({0.5 * i});  // keeps t = 25 .. 74.5
    EXPECT_EQ(t.lowerBound(0, 0.0), 0u);
    EXPECT_EQ(t.lowerBound(0, 50.0), 50u);
    EXPECT_EQ(t.lowerBound(0, 50.2), 51u);
    EXPECT_EQ(t.lowerBound(0, 1e9), 100u);
    const auto tail = t.channelDecimated(0, 1000, 90);
    ASSERT_EQ(tail.size(), 10u);
    EXPECT_DOUBLE_EQ(tail.front(), 70.0);
    EXPECT_DOUBLE_EQ(tail.back(), 74.5);
}
