// The reduced rate model (seed 001 eq 10-26): measured height eigenvalue lambda_0 against eq 17 and
// the height-mode projection, and the tracking relations (v_max, lag) of eq 22-26.
#include <gtest/gtest.h>

#include <cmath>

#include "core/ParamAccess.h"
#include "spiking/ReducedRateModel.h"

using namespace as;

namespace {
ReducedParams withB(double b) {
    ReducedParams p;
    p.N = 128;
    p.beta = b * p.g() / (2 * std::sqrt(2 * M_PI) * p.a * p.rho());
    return p;
}
}  // namespace

TEST(ReducedModel, Lambda0MatchesEq17ForSmallBeta) {
    for (double b : {-0.01, 0.0, 0.01}) {
        const ReducedParams p = withB(b);
        ReducedRateModel m(p);
        const double l = m.measureLambda0();
        // eq 17 is first order in beta: agreement to 1% of lambda_0 at beta = 0, O(|b|) beside it
        EXPECT_NEAR(l, ReducedRateModel::lambda0Eq17(p), 0.01 * l + 0.5 * std::abs(b))
            << "b = " << b;
    }
}

TEST(ReducedModel, Lambda0FollowsTheHeightModeProjectionForLargerBeta) {
    for (double b : {-0.1, 0.05}) {
        const ReducedParams p = withB(b);
        ReducedRateModel m(p);
        const double l = m.measureLambda0();
        EXPECT_NEAR(l, ReducedRateModel::lambda0Projected(p), 0.15 * l) << "b = " << b;
    }
}

TEST(ReducedModel, TrackingSpeedLimitAndLag) {
    const double a = 0.5, tau = 1, alpha = 1;
    double sMax = 0;
    const double vFast = ReducedRateModel::maxTrackableSpeed(alpha, 0.05, a, tau, &sMax);
    const double vSlow = ReducedRateModel::maxTrackableSpeed(alpha, 0.15, a, tau);
    EXPECT_GT(vFast, vSlow);  // eq 26: smaller lambda_0 tracks faster
    EXPECT_NEAR(ReducedRateModel::trackingSpeed(sMax, alpha, 0.05, a, tau), vFast, 1e-12);
    const double v = 0.5 * vSlow;
    const double sFast = ReducedRateModel::trackingLag(v, alpha, 0.05, a, tau);
    const double sSlow = ReducedRateModel::trackingLag(v, alpha, 0.15, a, tau);
    EXPECT_LT(sFast, sSlow);  // eq 26: smaller lag
    EXPECT_NEAR(ReducedRateModel::trackingSpeed(sFast, alpha, 0.05, a, tau), v, 1e-9);
    EXPECT_TRUE(std::isnan(ReducedRateModel::trackingLag(2 * vFast, alpha, 0.05, a, tau)));
}

TEST(ReducedModel, RefusesKBeyondCritical) {
    ReducedParams p;
    p.k = 1e4;
    EXPECT_THROW(ReducedRateModel{p}, ParamError);
}
