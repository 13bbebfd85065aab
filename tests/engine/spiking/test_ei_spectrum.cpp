// The population spectrum behind the irregular protocol (spiking/EiAnalysis): Welch's estimate of
// a Poisson population is flat (no peak near 3x its median), a population whose rate oscillates at
// 40 Hz shows its peak there, Parseval holds for a white rate (mean power density = variance /
// bandwidth), and a monotone low-frequency rise is not a peak.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/Angles.h"
#include "spiking/EiAnalysis.h"
#include "spiking/SpikeRecord.h"

namespace {

/// n neurons firing as inhomogeneous Poisson processes at rate(t) Hz for T ms (1 ms bins).
as::SpikeRecord poisson(int n, double T, double (*rate)(double), unsigned seed) {
    as::SpikeRecord r;
    r.population = "E";
    r.size = n;
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    for (double t = 0; t < T; t += 0.1)
        for (int i = 0; i < n; ++i)
            if (u(rng) < rate(t) * 1e-4) r.add(t + 0.05, i);
    return r;
}

double flat(double) {
    return 10.0;
}
double gamma40(double t) {
    return 10.0 * (1 + 0.5 * std::sin(2 * as::kPi * 40.0 * t / 1000.0));
}

}  // namespace

TEST(EiSpectrum, PoissonPopulationIsFlat) {
    const auto r = poisson(200, 3000, flat, 7);
    const auto s = as::populationSpectrum(r, 0, 3000, 1.0);
    EXPECT_EQ(s.segments, 22);  // (3000 - 256) / 128 + 1 half-overlapping segments
    EXPECT_LT(s.peakToMedian(), 2.0);
    // Parseval: the population rate's variance (Poisson: rate / (n dt) = 10 / (200 * 1e-3) = 50
    // Hz^2) spreads evenly over 0..500 Hz, so the one-sided density averages 50 / 500 Hz^2/Hz.
    double mean = 0;
    for (double p : s.power) mean += p;
    mean /= double(s.power.size());
    EXPECT_NEAR(mean, 50.0 / 500.0, 0.1 * 50.0 / 500.0);
}

TEST(EiSpectrum, AnOscillatingRateShowsItsPeak) {
    const auto r = poisson(200, 3000, gamma40, 7);
    const auto s = as::populationSpectrum(r, 0, 3000, 1.0);
    EXPECT_NEAR(s.peakHz(), 40.0, 1000.0 / as::kWelchSegment);
    EXPECT_GT(s.peakToMedian(), 10.0);
}

TEST(EiSpectrum, AMonotoneLowFrequencyRiseIsNoPeak) {
    as::Spectrum s;
    for (int k = 1; k <= 100; ++k) {
        s.freqHz.push_back(3.9 * k);
        s.power.push_back(1.0 / k);  // 1/f: largest in the band's first bin, no local maximum
    }
    EXPECT_TRUE(std::isnan(s.peakHz()));
    EXPECT_EQ(s.peakToMedian(), 1.0);
}
