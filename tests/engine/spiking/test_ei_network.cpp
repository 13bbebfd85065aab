// Spiking E-I network (engine/spiking): LIF against its analytic solution, connectivity, the
// shifted-kernel slow input, reproducibility (golden spike checksum, thread-count independence).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/ParamAccess.h"
#include "spiking/EiNetwork.h"
#include "spiking/EiSimulation.h"
#include "spiking/InputProfile.h"
#include "spiking/NormalNoise.h"
#include "tests/engine/spiking/ThreadPair.h"

using namespace as;

namespace {

// A network whose neurons see only their external input: every synapse weight zero.
EiParams isolated() {
    EiParams p;
    p.NE = 80;
    p.wEE = p.wEIp = p.wIpE = p.wIpIp = 0;
    p.jEE = p.jEId = p.jIdE = p.jIdId = 0;
    p.kappa = 0;
    return p;
}

std::uint64_t spikeChecksum(EiNetwork& net, long steps) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    for (long s = 0; s < steps; ++s) {
        net.step();
        for (int pop = 0; pop < 3; ++pop)
            for (int i : net.spikes(pop)) {
                mix(std::uint64_t(s));
                mix(std::uint64_t(pop));
                mix(std::uint64_t(i));
            }
    }
    return h;
}

}  // namespace

TEST(EiParams, DefaultsFromTheReferenceAndChecks) {
    EiParams p;
    EXPECT_NO_THROW(p.check());
    EXPECT_EQ(p.NIp(), 100);
    EXPECT_NEAR(p.extScaleE(), 0.1 * std::sqrt(1000.0), 1e-12);
    EXPECT_NEAR(p.wEE / p.NE, 185 * 1.25 / 800, 1e-12);
    p.Vreset = 2;
    EXPECT_THROW(p.check(), ParamError);
    EiParams q;
    q.set("mode", EiParams::parse("mode", "fastcann"));
    EXPECT_EQ(q.mode, EiMode::FastCann);
    EXPECT_EQ(eiModeFromName("unbalanced"), EiMode::Unbalanced);
    EXPECT_THROW(eiModeFromName("nosuch"), ParamError);
    for (const auto& s : EiParams::specs()) EXPECT_FALSE(s.tooltip.empty()) << s.key;
}

TEST(EiNetwork, SubthresholdLifFollowsTheAnalyticSolution) {
    EiParams p = isolated();
    p.dt = 0.05;
    EiNetwork net(p);
    // I = 0.12: V_inf = I / gL = 0.8 < Vth, so V(t) = V_inf + (V0 - V_inf) exp(-gL t / tau).
    const double I = 0.12, scale = p.extScaleE();
    net.setInput({0.0, 0.0, I / scale});
    const auto V0 = net.potentials(kPopE);
    const long steps = 2000;  // 100 ms, 0.75 membrane time constants (tau / gL = 133 ms)
    for (long s = 0; s < steps; ++s) net.step();
    const double t = steps * p.dt, vinf = I / p.gL;
    for (int i = 0; i < p.NE; i += 7) {
        const double expect = vinf + (V0[std::size_t(i)] - vinf) * std::exp(-p.gL * t / p.tauE);
        EXPECT_NEAR(net.potentials(kPopE)[std::size_t(i)], expect, 1e-4) << i;  // float32 state
    }
    for (int pop = 0; pop < 3; ++pop) EXPECT_TRUE(net.spikes(pop).empty());
}

TEST(EiNetwork, SuprathresholdLifFiresAtTheAnalyticPeriod) {
    EiParams p = isolated();
    p.dt = 0.01;
    EiNetwork net(p);
    const double I = 0.3, vinf = I / p.gL;  // V_inf = 2 > Vth = 1
    net.setInput({0.0, 0.0, I / p.extScaleE()});
    std::vector<double> spikes;
    for (long s = 0; s < 50000; ++s) {  // 500 ms, ~5 periods
        net.step();
        for (int i : net.spikes(kPopE))
            if (i == 3) spikes.push_back(net.time());
    }
    ASSERT_GE(spikes.size(), 4u);
    // From reset: time to threshold tau/gL ln((V_inf - Vreset)/(V_inf - Vth)) plus the refractory
    // period.
    const double period = p.tauRef + p.tauE / p.gL * std::log((vinf - p.Vreset) / (vinf - p.Vth));
    for (std::size_t k = 1; k < spikes.size(); ++k)
        EXPECT_NEAR(spikes[k] - spikes[k - 1], period, 2 * p.dt);
}

TEST(EiNetwork, RandomProjectionsHaveNarrowIndicesAndTheRightDensity) {
    SpikeRng rng(5);
    const int n = 2000;
    const double p = 0.25;
    SparseProjection proj(n, n, p, true, rng, ProjectionLayout::Csr);
    EXPECT_TRUE(proj.narrow());
    const double mean = p * n * (n - 1), sd = std::sqrt(n * (n - 1) * p * (1 - p));
    EXPECT_NEAR(double(proj.synapses()), mean, 5 * sd);
    for (int i = 0; i < n; i += 97) {
        const auto t = proj.targetsOf(i);
        for (std::size_t k = 0; k < t.size(); ++k) {
            EXPECT_NE(t[k], i);
            if (k) {
                EXPECT_LT(t[k - 1], t[k]);
            }
        }
    }
    // A block delivery adds exactly the targets in the block.
    std::vector<float> all(n, 0.f), block(n, 0.f);
    proj.deliver(11, 1.f, all.data());
    proj.deliver(11, 1.f, block.data(), 500, 1500);
    for (int i = 0; i < n; ++i)
        EXPECT_EQ(block[std::size_t(i)], (i >= 500 && i < 1500) ? all[std::size_t(i)] : 0.f);
    SpikeRng rng2(5);
    EXPECT_FALSE(SparseProjection(10, 70000, 0.01, false, rng2).narrow());
    SpikeRng rng3(5);
    EXPECT_TRUE(SparseProjection(10, 1000, 0.25, false, rng3).bitRows())
        << "auto layout at p = 0.25";
    SpikeRng rng4(5);
    EXPECT_FALSE(SparseProjection(10, 1000, 0.05, false, rng4).bitRows())
        << "auto layout at p = 0.05";
}

TEST(EiNetwork, BitRowsHoldAndDeliverTheSameSynapsesAsIndexRows) {
    // Same stream, two layouts: identical targets, and bit-identical batched deliveries into
    // blocks whose edges are not multiples of 8 (the vector kernels' ragged ends).
    const int nPre = 300, nPost = 1003;
    SpikeRng ra(9), rb(9);
    const SparseProjection csr(nPre, nPost, 0.25, false, ra, ProjectionLayout::Csr);
    const SparseProjection bits(nPre, nPost, 0.25, false, rb, ProjectionLayout::Bits);
    ASSERT_TRUE(bits.bitRows());
    ASSERT_FALSE(csr.bitRows());
    EXPECT_EQ(csr.synapses(), bits.synapses());
    EXPECT_LT(bits.bytes() * 3, csr.bytes()) << "a bit row is ~4x smaller at p = 0.25";
    for (int i = 0; i < nPre; i += 13) EXPECT_EQ(csr.targetsOf(i), bits.targetsOf(i));
    const std::vector<int> spikes = {0, 3, 3, 17, 64, 65, 150, 299};  // a repeat too
    for (auto [lo, hi] :
         {std::pair{0, nPost}, {5, 37}, {32, 64}, {100, 999}, {997, 1003}, {7, 8}}) {
        std::vector<float> a(nPost, 0.5f), b(nPost, 0.5f);
        csr.deliver(spikes.data(), int(spikes.size()), 0.1f, a.data(), lo, hi);
        bits.deliver(spikes.data(), int(spikes.size()), 0.1f, b.data(), lo, hi);
        for (int i = 0; i < nPost; ++i)
            ASSERT_EQ(a[std::size_t(i)], b[std::size_t(i)])
                << "neuron " << i << " block " << lo << ".." << hi;
        // and each target in the block got the weight once per spike
        int hits = 0;
        for (int i = lo; i < hi; ++i) hits += a[std::size_t(i)] != 0.5f;
        EXPECT_GT(hits, 0);
    }
}

TEST(EiNetwork, SlowInputIsTheTranslationInvariantGaussian) {
    EiParams p;
    p.NE = 400;
    EiNetwork net(p);
    const double a = p.connA;
    for (int i : {0, 17, 200, 399})
        for (int j : {0, 5, 199, 398}) {
            double d = 2 * M_PI * (i - j) / p.NE;
            d = std::remainder(d, 2 * M_PI);
            EXPECT_NEAR(net.slowKernel(i, j), p.wEE / p.NE * std::exp(-d * d / (2 * a * a)), 1e-6);
        }
    EXPECT_NEAR(net.slowKernel(3, 10), net.slowKernel(103, 110), 1e-9);
}

TEST(EiNetwork, GoldenSpikeTrain) {
    EiParams p;
    p.NE = 400;
    p.seed = 7;
    EiNetwork net(p);
    net.setInput({0.5, 0.9, 0.1});
    const std::uint64_t h = spikeChecksum(net, 2000);  // 100 ms
    // Regenerate only for an intended change of the dynamics (and say so in the commit).
    EXPECT_EQ(h, 13645016071924440885ull) << "checksum " << h;
}

TEST(EiNetwork, TwoThreadsGiveTheSameSpikesAsOne) {
    // Few steps: on a machine whose other core is busy each 2-thread step can wait milliseconds.
    test::ThreadPair t(3, true, {1.0, 0.9, 0.1});
    const std::uint64_t ha =
        spikeChecksum(t.one, 300);  // 15 ms: initial potentials near threshold fire
    EXPECT_NE(ha, 1469598103934665603ull) << "no spikes at all";
    EXPECT_EQ(ha, spikeChecksum(t.two, 300));
}

TEST(EiNetwork, NoisyNetworkGivesTheSameSpikesOnTwoThreadsAsOne) {
    // The noise is drawn serially from the network's stream, whatever the thread count.
    EiParams p = test::ThreadPair::params(5);
    p.noise = 1.0;
    EiNetwork one(p), two(p), quiet(test::ThreadPair::params(5));
    one.setThreads(1, true);
    two.setThreads(2, true);
    for (EiNetwork* n : {&one, &two, &quiet}) n->setInput({1.0, 0.9, 0.1});
    const std::uint64_t ha = spikeChecksum(one, 300);
    EXPECT_EQ(ha, spikeChecksum(two, 300));
    EXPECT_NE(ha, spikeChecksum(quiet, 300)) << "the noise changed nothing";
}

TEST(NormalNoise, HasTheMomentsOfAStandardNormal) {
    // 200,000 draws (odd block sizes included): standard errors of the mean 0.0022, the variance
    // 0.0032, the kurtosis 0.011, P(|z| > 2) 0.0005; tolerances about four of them.
    SpikeRng rng(11, 2);
    double m1 = 0, m2 = 0, m4 = 0, beyond2 = 0, largest = 0;
    long n = 0;
    std::vector<float> v;
    for (int size : {1, 3, 255, 256, 257, 1001}) {
        for (int rep = 0; rep < 200000 / (6 * size) + 1; ++rep) {
            v.assign(std::size_t(size), 0.f);
            spike::addNormalNoise(rng, 1.f, v.data(), size);
            for (float z : v) {
                m1 += z;
                m2 += double(z) * z;
                m4 += double(z) * z * z * z;
                beyond2 += std::abs(z) > 2 ? 1 : 0;
                largest = std::max(largest, double(std::abs(z)));
                ++n;
            }
        }
    }
    ASSERT_GT(n, 190000);
    m1 /= double(n);
    const double var = m2 / double(n) - m1 * m1, kurt = m4 / double(n) / (var * var);
    EXPECT_NEAR(m1, 0.0, 0.01);
    EXPECT_NEAR(var, 1.0, 0.015);
    EXPECT_NEAR(kurt, 3.0, 0.05);
    EXPECT_NEAR(beyond2 / double(n), 0.0455, 0.002);
    EXPECT_LE(largest, 5.78);  // 24-bit uniforms: |z| <= sqrt(48 ln 2)
    // Scaled and added, deterministically for a seed.
    std::vector<float> a(300, 1.f), b(300, 1.f);
    SpikeRng r1(3), r2(3);
    spike::addNormalNoise(r1, 0.5f, a.data(), 300);
    spike::addNormalNoise(r2, 0.5f, b.data(), 300);
    EXPECT_EQ(a, b);
    int changed = 0;
    for (float x : a) changed += x != 1.f;
    EXPECT_EQ(changed, 300);
}

TEST(EiNetwork, ModeSwitchActsOnTheRunningNetwork) {
    EiParams p;
    p.NE = 400;
    EiNetwork net(p);
    net.setInput({0.0, 0.9, 0.1});
    for (int s = 0; s < 1000; ++s) net.step();
    EXPECT_LT(net.currents(10).fastId, 0.0);
    net.setMode(EiMode::CannOnly);
    EXPECT_EQ(net.currents(10).fastId, 0.0);
    EXPECT_EQ(net.currents(10).fastE, 0.0);
    for (int s = 0; s < 200; ++s) net.step();
    EXPECT_TRUE(net.spikes(kPopId).empty());
    net.setMode(EiMode::EinnOnly);
    EXPECT_EQ(net.currents(10).slowE, 0.0);
    EXPECT_EQ(net.currents(10).shunt, 0.0);
}

TEST(EiSimulation, CancelStopsAndNonFiniteDiverges) {
    EiParams p;
    p.NE = 80;
    EiStimulus s;
    EiSimulation sim(p, s);
    std::atomic<bool> cancel{true};
    EXPECT_EQ(sim.run(100, &cancel), RunOutcome::Cancelled);
    EXPECT_LT(sim.time(), 100);
    std::vector<float> bad(std::size_t(p.NE), NAN);
    sim.network().setPotentials(kPopE, bad);
    EXPECT_EQ(sim.run(20), RunOutcome::Diverged);
    EXPECT_NE(sim.message().find("non-finite"), std::string::npos);
}

TEST(EiNetwork, InputProfileMatchesTheFormula) {
    // The vectorised float profile (fast-math TU, vector expf) against exp and fmod in double:
    // within 1e-6 of the largest input, at stimulus positions all around the ring and on a block
    // [lo, hi) that leaves the rest untouched.
    const int n = 1000;
    std::vector<float> theta(n);
    for (int i = 0; i < n; ++i) theta[std::size_t(i)] = float(-M_PI + 2 * M_PI * i / n);
    const double s2 = 2 * (M_PI / 6) * (M_PI / 6);
    for (double z : {0.0, 0.5, -3.1, 3.14159, 1e-3, 2.2, 7.0, -12.5}) {
        std::vector<float> out(n, -1.f);
        spike::gaussianProfile(theta.data(), 3, n - 5, z, s2, 3.5, 0.1, 0.9, out.data());
        for (int i = 0; i < n; ++i) {
            if (i < 3 || i >= n - 5) {
                EXPECT_EQ(out[std::size_t(i)], -1.f) << "outside the block";
                continue;
            }
            double d = std::fmod(-M_PI + 2 * M_PI * i / n - z + M_PI, 2 * M_PI);
            if (d < 0) d += 2 * M_PI;
            d -= M_PI;
            const double ref = 3.5 * (0.1 + 0.9 * std::exp(-d * d / s2));
            ASSERT_NEAR(out[std::size_t(i)], ref, 1e-6 * 3.5) << "z " << z << " i " << i;
        }
    }
}
