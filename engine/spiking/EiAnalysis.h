#pragma once
// Measurements on a spiking run (seed 001 Fig. 2-5): rates, ISI CV, spike-count correlation,
// power spectrum of population activity, adaptation time after a sudden change, tracking lag,
// running spread of the decode. All work on SpikeRecord / TraceBuffer after (or during) a run.
#include <vector>

#include "core/TraceBuffer.h"
#include "spiking/SpikeRecord.h"

namespace as {

/// Mean rate (Hz) of the population over [t0, t1) ms.
double meanRateHz(const SpikeRecord& r, double t0, double t1);
/// Mean over neurons with >= 3 spikes in [t0, t1) of the ISI coefficient of variation; NaN if none.
double meanCvIsi(const SpikeRecord& r, double t0, double t1);
/// Mean Pearson correlation of spike counts in bins of binMs over `pairs` random pairs of neurons
/// (fixed seed), over [t0, t1); pairs where either count is constant are skipped. NaN if none.
double meanCountCorrelation(const SpikeRecord& r, double t0, double t1, double binMs, int pairs,
                            unsigned seed = 1);

/// Segment of Welch's spectrum estimate, in bins (256 ms at 1 ms bins: 3.9 Hz resolution).
inline constexpr int kWelchSegment = 256;

struct Spectrum {
    std::vector<double> freqHz;
    /// Welch estimate of the population rate's one-sided power density (Hz^2 / Hz): Hann-windowed,
    /// half-overlapping segments of kWelchSegment bins, each mean-removed, periodograms averaged.
    std::vector<double> power;
    int segments = 0;  ///< periodograms averaged
    /// Ratio of the largest peak above 5 Hz (an interior local maximum: the band's first bin and
    /// a monotone rise towards low frequencies are not peaks) to the median power above 5 Hz (a
    /// flat spectrum: near 1; 1 when there is no local maximum).
    double peakToMedian() const;
    /// Frequency of that peak (Hz); NaN if there is none.
    double peakHz() const;
};
/// Power spectrum of the population rate binned at binMs over [t0, t1) (Welch, above).
Spectrum populationSpectrum(const SpikeRecord& r, double t0, double t1, double binMs);

/// Circular mean of channel `decoded` over rows with t in [t0, t1); NaN if none.
double meanDecoded(const TraceBuffer& tr, double t0, double t1);
/// Sudden change (Fig. 4B): with zFrom the mean decode over [tJump - 50, tJump) and zTo the mean
/// over the last 20% of the run, the time after tJump until the decode first covers 95% of the way
/// (along the shorter arc). NaN if it never does or zFrom == zTo.
double adaptationTime95(const TraceBuffer& tr, double tJump);
struct LagStats {
    double mean = 0, sd = 0;  ///< rad, lag = wrap(stimulus - decoded) > 0 when behind
    std::vector<double> samples;
};
/// Tracking lag over rows with t >= tFrom (Fig. 4C).
LagStats lagDistribution(const TraceBuffer& tr, double tFrom);
/// Mean |wrap(decoded - stimulus)| over rows with t in [t0, t1) (rad); NaN if none.
double meanDecodeError(const TraceBuffer& tr, double t0, double t1);
/// Running circular standard deviation of the decode over a trailing window (ms), one per row.
std::vector<double> runningDecodeSd(const TraceBuffer& tr, double windowMs);

}  // namespace as
