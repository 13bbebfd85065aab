// The D-dimensional CANN (LatticeCann) and the Torus lab's simulation: FFT against the direct sum
// on small lattices, the ring as its D = 1 case, the analytic 3D bump, stationarity, isotropy and
// shape across the periodic seams, path integration by input tracking, the recorded decode
// components.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "cann/LatticeCann.h"
#include "cann/RingCann.h"
#include "cann/TorusSimulation.h"
#include "core/Angles.h"
#include "core/ParamAccess.h"
#include "tests/engine/cann/SmallTorus.h"

using namespace as;

namespace {

std::vector<double> randomVector(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> v(n);
    for (double& x : v) x = u(rng);
    return v;
}

using test::smallTorus;
}  // namespace

TEST(LatticeCann, EveryMethodEqualsDirectSumOnSmallLattices) {
    CannParams c;
    c.a = 0.7;
    for (const std::vector<int>& shape :
         {std::vector<int>{4, 4, 4}, std::vector<int>{6, 8, 5}, std::vector<int>{7, 12}})
        for (auto method :
             {ConvolutionMethod::Fft, ConvolutionMethod::Separable, ConvolutionMethod::Pruned})
            for (auto precision : {ConvolutionPrecision::Float64, ConvolutionPrecision::Float32}) {
                LatticeCann m(shape, c, precision, method);
                ASSERT_EQ(m.convolution().method, method);
                const auto r = randomVector(m.size(), 3);
                std::vector<double> fft(m.size()), dense(m.size());
                m.recurrentInput(r.data(), fft.data());
                m.denseRecurrentInput(r.data(), dense.data());
                double scale = 0;
                for (double v : dense) scale = std::max(scale, std::abs(v));
                const double tol =
                    (precision == ConvolutionPrecision::Float64 ? 1e-12 : 1e-5) * scale;
                for (std::size_t i = 0; i < m.size(); ++i)
                    ASSERT_NEAR(fft[i], dense[i], tol)
                        << "index " << i << ", " << m.convolution().name();
            }
}

TEST(LatticeCann, MethodsAgreeOnA32CubedBumpAndSwitchKeepingTheState) {
    // The default torus: auto takes the separable products at 32^3; the FFT, separable and pruned
    // runs of 200 steps from the same bump stay within float32 rounding of each other.
    TorusParams p;
    std::vector<std::vector<double>> finals;
    for (auto method :
         {ConvolutionMethod::Fft, ConvolutionMethod::Separable, ConvolutionMethod::Pruned}) {
        LatticeCann m(p.shape(), p.dynamics(), ConvolutionPrecision::Float32, method);
        std::vector<double> input(m.size(), 0.0);
        const auto x = m.axisPositions(0);
        for (std::size_t i = 0; i < m.size(); ++i) {
            const double d0 = x[i / 1024], d1 = x[(i / 32) % 32], d2 = x[i % 32] - 0.3;
            input[i] = p.A * std::exp(-(d0 * d0 + d1 * d1 + d2 * d2) / (4 * p.a * p.a));
        }
        for (int s = 0; s < 200; ++s) m.step(input.data());
        finals.push_back(m.u());
    }
    const double top = *std::max_element(finals[0].begin(), finals[0].end());
    for (std::size_t k = 1; k < finals.size(); ++k) {
        double err = 0;
        for (std::size_t i = 0; i < finals[0].size(); ++i)
            err = std::max(err, std::abs(finals[k][i] - finals[0][i]));
        EXPECT_LT(err, 1e-6 * top) << "method " << k;  // measured 2.7e-9 for both
        std::printf("200 steps, max |u - u_fft| / max u: %s %.3g\n",
                    k == 1 ? "separable" : "pruned", err / top);
    }
    LatticeCann m(p.shape(), p.dynamics());
    EXPECT_EQ(m.convolution().method, ConvolutionMethod::Separable);
    m.setState(finals[0]);
    m.setMethod(ConvolutionMethod::Fft);
    EXPECT_EQ(m.convolution().name(), "fft");
    EXPECT_EQ(m.u(), finals[0]);
    TorusParams q;
    q.set("convolution", TorusParams::parse("convolution", "pruned"));
    EXPECT_EQ(q.convolution, ConvolutionMethod::Pruned);
    EXPECT_THROW(q.set("convolution", 4), ParamError);
}

TEST(LatticeCann, KernelIsSeparableAndNormalised) {
    // Sum of J over a fine lattice with rho dx^D = 1 approximates J0 (the Gaussian integrates to
    // 1).
    const std::vector<int> shape{40, 40, 40};
    const auto k = latticeKernel(shape, 0.5, 4.0);
    const double rho = std::pow(40 / (2 * kPi), 3);
    double sum = 0;
    for (double v : k) sum += v;
    EXPECT_NEAR(sum / rho, 4.0, 1e-6);
    // Separable: J(i, j, l) J(0, 0, 0)^2 = J(i, 0, 0) J(0, j, 0) J(0, 0, l).
    auto at = [&](int i, int j, int l) { return k[(std::size_t(i) * 40 + j) * 40 + l]; };
    EXPECT_NEAR(at(3, 5, 7) * at(0, 0, 0) * at(0, 0, 0), at(3, 0, 0) * at(0, 5, 0) * at(0, 0, 7),
                1e-15);
}

TEST(LatticeCann, RingIsItsOneDimensionalCase) {
    CannParams p;
    p.N = 256;
    RingCann ring(p);
    LatticeCann lattice({256}, p);
    EXPECT_EQ(ring.kernel(), lattice.kernel());
    std::vector<double> input(256);
    for (int i = 0; i < 256; ++i)
        input[std::size_t(i)] = 10 * std::exp(-std::pow(ring.positions()[std::size_t(i)] - 1.0, 2));
    for (int s = 0; s < 200; ++s) {
        ring.step(input.data());
        lattice.step(input.data());
    }
    EXPECT_EQ(ring.u(), lattice.u());
}

TEST(TorusParams, CriticalInhibitionMatchesTheRingInOneDimension) {
    TorusParams t;
    t.dims = 1;
    t.n = 128;
    CannParams c;
    c.N = 128;
    EXPECT_NEAR(t.kCritical(), c.kCritical(), 1e-12 * c.kCritical());
    EXPECT_NEAR(t.analyticU0(), c.analyticU0(), 1e-12);
    EXPECT_NEAR(t.analyticR0(), c.analyticR0(), 1e-12);
    TorusParams bad;
    bad.k = 1e3;
    EXPECT_THROW(bad.check(), ParamError);
    try {
        bad.check();
    } catch (const ParamError& e) {
        EXPECT_NE(std::string(e.what()).find("k_c"), std::string::npos);
    }
    TorusParams q;
    q.set("spacing_y", 12.0);
    EXPECT_EQ(q.get("spacing_y"), 12.0);
    q.set("n", 16.0);
    EXPECT_EQ(q.n, 16);
    EXPECT_THROW(q.set("nope", 1), ParamError);
}

namespace {
/// Forms a bump at `pos` (cm) with a static input, then lets it persist with the input off.
TorusSimulation persistentBump(const TorusParams& p, const Vec3& pos, int formSteps,
                               int freeSteps) {
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Static;
    TorusSimulation sim(p, tp);
    sim.setPosition(pos);
    sim.step(formSteps);
    tp.kind = TrajectoryKind::Off;
    sim.setTrajectory(tp);
    sim.step(freeSteps);
    return sim;
}

/// Width (rad, second moment about the decoded centre) of each axis' marginal of r.
std::array<double, 3> marginalWidths(const TorusSimulation& sim) {
    const auto& m = sim.model();
    const int n = m.shape()[0];
    const auto& r = m.r();
    std::array<double, 3> w{0, 0, 0};
    const auto x = m.axisPositions(0);
    for (int d = 0; d < 3; ++d) {
        std::vector<double> marg(std::size_t(n), 0.0);
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                for (int l = 0; l < n; ++l) {
                    const int idx[3] = {i, j, l};
                    marg[std::size_t(idx[d])] += r[(std::size_t(i) * n + j) * n + l];
                }
        double s = 0, s2 = 0;
        for (int i = 0; i < n; ++i) {
            const double dx = wrapAngle(x[std::size_t(i)] - sim.decode()[std::size_t(d)].angle);
            s += marg[std::size_t(i)];
            s2 += marg[std::size_t(i)] * dx * dx;
        }
        w[std::size_t(d)] = std::sqrt(s2 / s);
    }
    return w;
}
}  // namespace

TEST(Torus, BumpMatchesTheAnalyticHeightAndIsStationaryAndIsotropic) {
    const TorusParams p;  // 32^3, the defaults
    auto sim = persistentBump(p, {3.0, -5.0, 8.0}, 300, 1000);
    const auto before = sim.decode();
    sim.step(500);
    for (int d = 0; d < 3; ++d)
        EXPECT_LT(
            std::abs(wrapAngle(sim.decode()[std::size_t(d)].angle - before[std::size_t(d)].angle)),
            1e-4)
            << d;
    const auto& u = sim.model().u();
    const double uMax = *std::max_element(u.begin(), u.end());
    EXPECT_NEAR(uMax, p.analyticU0(), 0.02 * p.analyticU0());
    const auto w = marginalWidths(sim);
    EXPECT_NEAR(w[1], w[0], 1e-3 * w[0]);
    EXPECT_NEAR(w[2], w[0], 1e-3 * w[0]);
    EXPECT_NEAR(w[0], p.a, 0.05 * p.a);  // r ~ exp(-x^2 / 2a^2): std a per axis
}

TEST(Torus, BumpKeepsItsShapeAcrossTheSeams) {
    const TorusParams p;
    const auto centre = persistentBump(p, {0, 0, 0}, 300, 700);
    // The corner of the torus: every axis on its seam (phase +-pi), between two lattice points.
    const double half = p.spacing[0] / 2 - 0.1;
    const auto corner = persistentBump(p, {half, -half, half}, 300, 700);
    const auto wc = marginalWidths(centre), ws = marginalWidths(corner);
    for (int d = 0; d < 3; ++d)
        EXPECT_NEAR(ws[std::size_t(d)], wc[std::size_t(d)], 2e-3 * wc[std::size_t(d)]);
    const auto& rc = centre.model().r();
    const auto& rs = corner.model().r();
    EXPECT_NEAR(*std::max_element(rs.begin(), rs.end()), *std::max_element(rc.begin(), rc.end()),
                0.02 * *std::max_element(rc.begin(), rc.end()));
    double sc = 0, ss = 0;
    for (double v : rc) sc += v;
    for (double v : rs) ss += v;
    EXPECT_NEAR(ss, sc, 1e-6 * sc);  // total activity is translation invariant
    for (int d = 0; d < 3; ++d)
        EXPECT_LT(std::abs(wrapAngle(corner.decode()[std::size_t(d)].angle -
                                     corner.inputPhase()[std::size_t(d)])),
                  0.01);
}

TEST(Torus, TracksASlowRandomWalkAcrossManyPeriods) {
    TorusParams p;
    p.spacing = {10.0, 12.0, 15.0};  // small spacings: the walk crosses several periods
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Random;
    tp.speed = 0.05;
    tp.momentum_ms = 50;
    tp.seed = 7;
    TorusSimulation sim(p, tp);
    sim.step(4000);  // 400 ms
    ASSERT_FALSE(sim.halted()) << sim.message();
    // Slow path: mean error well under 2% of a period (stated bound 0.2 cm at spacing >= 10 cm).
    EXPECT_LT(sim.meanError(), 0.2);
    EXPECT_LT(sim.maxError(), 0.6);
    const Vec3 pos = sim.trajectory().position();
    double travelled = 0;
    for (double v : pos) travelled = std::max(travelled, std::abs(v));
    EXPECT_GT(travelled, 2.0);
}

TEST(Torus, HelixIsUnwrappedBackToThePath) {
    TorusParams p;
    p.n = 24;
    p.a = 0.6;
    p.k = 3.0;
    p.spacing = {8.0, 8.0, 8.0};
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Helix;
    tp.radius = 6;
    tp.period = 300;
    tp.rise = 0.03;
    TorusSimulation sim(p, tp);
    sim.step(3000);
    EXPECT_GT(sim.trajectory().position()[2], 8.0);  // more than one period along z
    EXPECT_LT(sim.meanError(), 0.4);
}

TEST(Torus, RecordsThePerAxisDecodeComponents) {
    TorusParams p = smallTorus(16);
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Static;
    TorusSimulation sim(p, tp);
    sim.setPosition({7.0, -4.0, 11.0});
    sim.step(100);
    const auto& tr = sim.traces();
    ASSERT_EQ(tr.size(), 100u);
    const std::size_t last = tr.size() - 1;
    const char* axes[3] = {"x", "y", "z"};
    for (int d = 0; d < 3; ++d) {
        const double s = tr.at(std::size_t(tr.index(std::string("sin_") + axes[d])), last);
        const double c = tr.at(std::size_t(tr.index(std::string("cos_") + axes[d])), last);
        const double dec = tr.at(std::size_t(tr.index(std::string("decoded_") + axes[d])), last);
        EXPECT_NEAR(std::atan2(s, c), dec, 1e-12);
        // Components equal the direct sums over the lattice.
        const auto& r = sim.model().r();
        const auto x = sim.model().axisPositions(d);
        double ds = 0, dc = 0;
        const int n = 16;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                for (int l = 0; l < n; ++l) {
                    const int idx[3] = {i, j, l};
                    const double v = r[(std::size_t(i) * n + j) * n + l];
                    ds += v * std::sin(x[std::size_t(idx[d])]);
                    dc += v * std::cos(x[std::size_t(idx[d])]);
                }
        EXPECT_NEAR(s, ds, 1e-9 * (std::abs(ds) + 1));
        EXPECT_NEAR(c, dc, 1e-9 * (std::abs(dc) + 1));
        EXPECT_LT(std::abs(wrapAngle(dec - sim.inputPhase()[std::size_t(d)])), 0.02);
    }
}

TEST(Torus, TwoDimensionalSheetAndRingShareTheCode) {
    TorusParams p;
    p.dims = 2;
    p.n = 48;
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Static;
    TorusSimulation sim(p, tp);
    sim.setPosition({5.0, -9.0, 0.0});
    sim.step(300);
    EXPECT_LT(sim.error(), 0.05);
    EXPECT_TRUE(std::isnan(sim.estimate()[2]));
    const auto& u = sim.model().u();
    EXPECT_EQ(u.size(), 48u * 48u);
}

TEST(Torus, WatchdogStopsADivergentRunAndKeepsTheLastGoodState) {
    TorusParams p = smallTorus(16);
    p.dt = 4.5;  // Euler beyond 2 tau diverges
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Static;
    TorusSimulation sim(p, tp);
    sim.step(2000);
    EXPECT_TRUE(sim.halted());
    EXPECT_NE(sim.message().find("stopped"), std::string::npos);
    for (double v : sim.model().u()) ASSERT_TRUE(std::isfinite(v));
}

TEST(Torus, CaptureAndRestoreContinueExactly) {
    TorusParams p = smallTorus(16);
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Helix;
    tp.radius = 5;
    TorusSimulation a(p, tp);
    a.step(150);
    const auto state = a.captureState();
    TorusSimulation b(p, tp);
    b.restoreState(state);
    a.step(50);
    b.step(50);
    EXPECT_EQ(a.model().u(), b.model().u());
    for (int d = 0; d < 3; ++d)
        EXPECT_NEAR(a.estimate()[std::size_t(d)], b.estimate()[std::size_t(d)], 1e-12);
    const auto snap = a.snapshot();
    EXPECT_EQ(snap->sliceXY.size(), 256u);
    EXPECT_EQ(snap->sliceYZ.size(), 256u);
    EXPECT_EQ(snap->r.size(), 4096u);
}
