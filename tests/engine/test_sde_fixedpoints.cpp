// FixedPointFinder: the stationary points planted alongside the C attractors (seed 002 eq 11,
// Appendix A) counted by damped Newton and by integrating from random starts.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "sde/FixedPointFinder.h"

using namespace as::sde;

namespace {

std::shared_ptr<const AttractorSet> plant(int n, int c, Pattern pattern) {
    SdeParams p;
    p.n = n;
    p.classes = c;
    p.pattern = pattern;
    return std::make_shared<AttractorSet>(p);
}

Eigen::MatrixXd untrainedA(const AttractorSet& set) {
    return set.assemble(Eigen::MatrixXd(Eigen::MatrixXd::Zero(set.n(), set.n())));
}

int pow3(int c) {
    return int(std::lround(std::pow(3.0, c)));
}
int pow2(int c) {
    return 1 << c;
}

}  // namespace

TEST(FixedPoints, Eq10HasThreeToTheCStationaryPointsOfWhichTwoToTheCStable) {
    for (auto [n, c] : {std::pair{6, 2}, std::pair{9, 3}}) {
        const auto set = plant(n, c, Pattern::Blocks);
        const FixedPointFinder finder(untrainedA(*set), set);
        const FixedPointReport rep = finder.find();
        ASSERT_EQ(int(rep.points.size()), pow3(c)) << "N = " << n << ", C = " << c;
        EXPECT_EQ(rep.stableCount, pow2(c));
        const double ratio = set->aMinus() / set->aPlus();
        int planted = 0;
        for (const FixedPoint& fp : rep.points) {
            EXPECT_LT(fp.residual, 1e-10);
            planted += fp.planted >= 0;
            // Each point is sum_l c_l x_l with c_l in {0, 1, a-/a+} (eq 11) ...
            bool hasMinus = false;
            for (int l = 0; l < c; ++l) {
                const double cl = fp.lattice[l];
                const bool onLattice =
                    std::abs(cl) < 1e-8 || std::abs(cl - 1.0) < 1e-8 || std::abs(cl - ratio) < 1e-8;
                EXPECT_TRUE(onLattice) << "c_" << l << " = " << cl;
                hasMinus |= std::abs(cl - ratio) < 1e-8;
            }
            // ... and it is stable exactly when no block sits at a_- (eq 27).
            EXPECT_EQ(fp.stable, !hasMinus);
        }
        EXPECT_EQ(planted, c);  // every planted attractor was found
    }
}

TEST(FixedPoints, Eq27EigenvalueAtAMinusBlocksIsPositive) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const FixedPointReport rep = FixedPointFinder(untrainedA(*set), set).find();
    const double c = 0.125, beta = 1.0, aMinus = set->aMinus();
    const double eq27 = -1.0 + 2.0 * c / (beta * aMinus);
    EXPECT_NEAR(eq27, std::sqrt(0.5), 1e-12);  // c = 1/8, beta = lambda = 1: a- = (1 - 1/sqrt 2)/2
    for (const FixedPoint& fp : rep.points) {
        if (!fp.stable) {
            EXPECT_NEAR(fp.spectrum.maxRealPart, eq27, 1e-9);
        }
    }
}

TEST(FixedPoints, Eq23ThreeToTheCStationaryTwoToTheCStable) {
    // What we find for eq 23 at Atilde = 0: still 3^C stationary points, each block at c_l in
    // {0, 1, s*} with s* ~ 0.1744 (not a-/a+: the block is no longer constant), and the 2^C with
    // no block at s* are the stable ones. The paper's "2^C" counts these stable points.
    for (auto [n, c] : {std::pair{6, 2}, std::pair{9, 3}}) {
        const auto set = plant(n, c, Pattern::BlocksMinus);
        const FixedPointReport rep = FixedPointFinder(untrainedA(*set), set).find();
        ASSERT_EQ(int(rep.points.size()), pow3(c)) << "N = " << n;
        EXPECT_EQ(rep.stableCount, pow2(c));
        for (const FixedPoint& fp : rep.points) {
            bool hasThird = false;
            for (int l = 0; l < c; ++l) {
                const double cl = fp.lattice[l];
                const bool zeroOrOne = std::abs(cl) < 1e-8 || std::abs(cl - 1.0) < 1e-8;
                if (!zeroOrOne) {
                    EXPECT_NEAR(cl, 0.1744, 1e-3);
                    hasThird = true;
                }
            }
            EXPECT_EQ(fp.stable, !hasThird);
        }
    }
}

TEST(FixedPoints, HopfieldOddGPlantsTheNegationsAndDestabilisesTheZeroBlocks) {
    // Footnote 1: with g = beta tanh (odd), -x_l is stationary whenever x_l is. With lambda = 2,
    // g'(0) = beta makes an empty block's eigenvalue -1 + lambda beta = +1: a planted point alone
    // (other blocks at 0) is unstable, and the stable points are the 2^C sign combinations.
    SdeParams p;
    p.n = 6;
    p.classes = 2;
    p.pattern = Pattern::Canonical;
    p.node = NodeModel::Hopfield;
    p.lambda = 2.0;
    const auto set = std::make_shared<AttractorSet>(p);
    ASSERT_NEAR(set->aMinus(), -set->aPlus(), 1e-12);
    FixedPointOptions o;
    o.lo = -1.0;
    const FixedPointReport rep = FixedPointFinder(untrainedA(*set), set).find(o);
    ASSERT_EQ(int(rep.points.size()), 9);
    EXPECT_EQ(rep.stableCount, 4);
    for (const FixedPoint& fp : rep.points) {
        const bool allSigned = std::abs(std::abs(fp.lattice[0]) - 1.0) < 1e-8 &&
                               std::abs(std::abs(fp.lattice[1]) - 1.0) < 1e-8;
        EXPECT_EQ(fp.stable, allSigned) << "c = " << fp.lattice.transpose();
        if (!fp.stable) {
            EXPECT_NEAR(fp.spectrum.maxRealPart, 1.0, 1e-9);
        }
    }
}

TEST(FixedPoints, BasinSamplerEndsOnlyAtStableStationaryPoints) {
    const auto set = plant(6, 2, Pattern::Canonical);
    const FixedPointFinder finder(untrainedA(*set), set);
    const FixedPointReport rep = finder.find();
    BasinOptions bo;
    bo.starts = 120;
    const BasinReport basins = finder.sampleBasins(bo);
    EXPECT_EQ(basins.unconverged, 0);
    int total = 0;
    for (std::size_t k = 0; k < basins.endPoints.size(); ++k) {
        total += basins.counts[k];
        bool matched = false;
        for (const FixedPoint& fp : rep.points)
            if ((fp.x - basins.endPoints[k]).cwiseAbs().maxCoeff() < 1e-4) {
                EXPECT_TRUE(fp.stable);
                matched = true;
            }
        EXPECT_TRUE(matched) << "end point " << k << " is not a stationary point";
    }
    EXPECT_EQ(total, bo.starts);
    // From the pixel box [0, 1]^N the untrained model reaches all 2^C = 4 stable points.
    EXPECT_EQ(int(basins.endPoints.size()), 4);
}

TEST(FixedPoints, SeededAndValidated) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const FixedPointFinder finder(untrainedA(*set), set);
    FixedPointOptions o;
    o.latticeStarts = 0;
    o.randomStarts = 40;
    const FixedPointReport a = finder.find(o), b = finder.find(o);
    ASSERT_EQ(a.points.size(), b.points.size());
    for (std::size_t k = 0; k < a.points.size(); ++k) EXPECT_EQ(a.points[k].hits, b.points[k].hits);
    o.hi = o.lo;
    EXPECT_THROW(finder.find(o), std::invalid_argument);
    EXPECT_THROW(FixedPointFinder(Eigen::MatrixXd::Zero(3, 3), set), std::invalid_argument);
}
