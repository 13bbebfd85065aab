#include "spiking/EiAnalysis.h"

#include <algorithm>
#include <cmath>
#include <complex>

#include "core/Angles.h"
#include "spiking/SpikeRng.h"

namespace as {
namespace {
std::vector<std::vector<int>> countsPerNeuron(const SpikeRecord& r, double t0, double t1,
                                              double binMs, const std::vector<int>& which) {
    const int bins = std::max(1, int((t1 - t0) / binMs));
    std::vector<int> slot(std::size_t(r.size), -1);
    for (std::size_t k = 0; k < which.size(); ++k) slot[std::size_t(which[k])] = int(k);
    std::vector<std::vector<int>> c(which.size(), std::vector<int>(std::size_t(bins), 0));
    for (std::size_t k = 0; k < r.times.size(); ++k) {
        const double t = r.times[k];
        if (t < t0 || t >= t1) continue;
        const int s = slot[r.ids[k]];
        const int b = int((t - t0) / binMs);
        if (s >= 0 && b < bins) ++c[std::size_t(s)][std::size_t(b)];
    }
    return c;
}
}  // namespace

double meanRateHz(const SpikeRecord& r, double t0, double t1) {
    if (t1 <= t0 || r.size <= 0) return NAN;
    const auto n =
        std::count_if(r.times.begin(), r.times.end(), [&](double t) { return t >= t0 && t < t1; });
    return double(n) / ((t1 - t0) / 1000.0) / r.size;
}

double meanCvIsi(const SpikeRecord& r, double t0, double t1) {
    std::vector<double> last(std::size_t(r.size), NAN), s1(std::size_t(r.size), 0),
        s2(std::size_t(r.size), 0);
    std::vector<int> n(std::size_t(r.size), 0);
    for (std::size_t k = 0; k < r.times.size(); ++k) {
        const double t = r.times[k];
        if (t < t0 || t >= t1) continue;
        const auto i = r.ids[k];
        if (!std::isnan(last[i])) {
            const double isi = t - last[i];
            s1[i] += isi;
            s2[i] += isi * isi;
            ++n[i];
        }
        last[i] = t;
    }
    double sum = 0;
    int used = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (n[i] < 2) continue;  // >= 3 spikes
        const double m = s1[i] / n[i], var = std::max(0.0, s2[i] / n[i] - m * m);
        sum += std::sqrt(var) / m;
        ++used;
    }
    return used ? sum / used : NAN;
}

double meanCountCorrelation(const SpikeRecord& r, double t0, double t1, double binMs, int pairs,
                            unsigned seed) {
    if (r.size < 2) return NAN;
    SpikeRng rng(seed, 99);
    std::vector<int> a, b, which;
    for (int k = 0; k < pairs; ++k) {
        const int i = int(rng.uniform() * r.size);
        int j = int(rng.uniform() * (r.size - 1));
        if (j >= i) ++j;
        a.push_back(i);
        b.push_back(j);
    }
    which = a;
    which.insert(which.end(), b.begin(), b.end());
    std::sort(which.begin(), which.end());
    which.erase(std::unique(which.begin(), which.end()), which.end());
    const auto c = countsPerNeuron(r, t0, t1, binMs, which);
    auto at = [&](int id) -> const std::vector<int>& {
        return c[std::size_t(std::lower_bound(which.begin(), which.end(), id) - which.begin())];
    };
    double sum = 0;
    int used = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        const auto &x = at(a[k]), &y = at(b[k]);
        double mx = 0, my = 0;
        for (std::size_t t = 0; t < x.size(); ++t) {
            mx += x[t];
            my += y[t];
        }
        mx /= double(x.size());
        my /= double(y.size());
        double sxy = 0, sxx = 0, syy = 0;
        for (std::size_t t = 0; t < x.size(); ++t) {
            sxy += (x[t] - mx) * (y[t] - my);
            sxx += (x[t] - mx) * (x[t] - mx);
            syy += (y[t] - my) * (y[t] - my);
        }
        if (sxx <= 0 || syy <= 0) continue;
        sum += sxy / std::sqrt(sxx * syy);
        ++used;
    }
    return used ? sum / used : NAN;
}

namespace {

/// Index of the highest interior local maximum above 5 Hz (power above both neighbours), or -1.
/// The band's first bin is not a peak: a spectrum that only rises towards low frequencies (the
/// slow CANN synapses' 150 ms) has no rhythm.
long peakIndex(const std::vector<double>& f, const std::vector<double>& p) {
    long best = -1;
    for (std::size_t k = 1; k + 1 < f.size(); ++k)
        if (f[k - 1] > 5 && p[k] > p[k - 1] && p[k] > p[k + 1] && (best < 0 || p[k] > p[best]))
            best = long(k);
    return best;
}

}  // namespace

double Spectrum::peakToMedian() const {
    std::vector<double> p;
    for (std::size_t k = 0; k < freqHz.size(); ++k)
        if (freqHz[k] > 5) p.push_back(power[k]);
    if (p.size() < 3) return NAN;
    const long k = peakIndex(freqHz, power);
    std::nth_element(p.begin(), p.begin() + long(p.size() / 2), p.end());
    const double med = p[p.size() / 2];
    if (k < 0) return med > 0 ? 1.0 : NAN;  // no local maximum: nothing stands out
    return med > 0 ? power[std::size_t(k)] / med : NAN;
}

double Spectrum::peakHz() const {
    const long k = peakIndex(freqHz, power);
    return k < 0 ? NAN : freqHz[std::size_t(k)];
}

Spectrum populationSpectrum(const SpikeRecord& r, double t0, double t1, double binMs) {
    Spectrum s;
    const int n = int((t1 - t0) / binMs);
    if (n < 4 || r.size <= 0) return s;
    std::vector<double> x(std::size_t(n), 0.0);
    for (std::size_t k = 0; k < r.times.size(); ++k) {
        const double t = r.times[k];
        if (t < t0 || t >= t1) continue;
        const int b = int((t - t0) / binMs);
        if (b < n) x[std::size_t(b)] += 1.0;
    }
    const double toHz = 1000.0 / (binMs * r.size);
    for (auto& v : x) v *= toHz;
    // Welch's estimate: Hann-windowed segments of kWelchSegment bins (the whole series if
    // shorter), half overlapping, each with its own mean removed; their periodograms averaged.
    // A single periodogram's values scatter like chi^2 with 2 degrees of freedom, so even white
    // noise would show a "peak" ln(M)/ln(2) times its median over M bins; averaging K segments
    // narrows that to about 1 + 3 sqrt(1/K), so a peak that stands out is a real rhythm.
    const int len = std::min(n, kWelchSegment), hop = std::max(1, len / 2);
    std::vector<double> win(static_cast<std::size_t>(len));
    double u = 0;
    for (int t = 0; t < len; ++t) {
        win[std::size_t(t)] = 0.5 - 0.5 * std::cos(2 * kPi * (t + 0.5) / len);
        u += win[std::size_t(t)] * win[std::size_t(t)];
    }
    const double dtS = binMs / 1000.0, fs = 1000.0 / binMs;
    std::vector<double> sum(static_cast<std::size_t>(len / 2), 0.0);
    int segments = 0;
    std::vector<double> seg(static_cast<std::size_t>(len));
    for (int start = 0; start + len <= n; start += hop, ++segments) {
        double mean = 0;
        for (int t = 0; t < len; ++t) mean += x[std::size_t(start + t)];
        mean /= len;
        for (int t = 0; t < len; ++t)
            seg[std::size_t(t)] = (x[std::size_t(start + t)] - mean) * win[std::size_t(t)];
        for (int f = 1; f <= len / 2; ++f) {  // plain DFT: len is at most kWelchSegment
            std::complex<double> acc = 0;
            const double w = -2 * kPi * f / len;
            for (int t = 0; t < len; ++t) acc += seg[std::size_t(t)] * std::polar(1.0, w * t);
            sum[std::size_t(f - 1)] += std::norm(acc);
        }
    }
    s.segments = segments;
    for (int f = 1; f <= len / 2; ++f) {
        s.freqHz.push_back(f * fs / len);
        // One-sided density (Hz^2 / Hz): the negative frequencies folded onto the positive ones.
        s.power.push_back(2 * sum[std::size_t(f - 1)] / segments * dtS / u);
    }
    return s;
}

double meanDecoded(const TraceBuffer& tr, double t0, double t1) {
    const int ct = tr.index("t"), cd = tr.index("decoded");
    std::complex<double> v = 0;
    int n = 0;
    for (std::size_t i = 0; i < tr.size(); ++i) {
        const double t = tr.at(std::size_t(ct), i), d = tr.at(std::size_t(cd), i);
        if (t < t0 || t >= t1 || std::isnan(d)) continue;
        v += std::polar(1.0, d);
        ++n;
    }
    return n ? std::arg(v) : NAN;
}

double adaptationTime95(const TraceBuffer& tr, double tJump) {
    if (tr.size() == 0) return NAN;
    const int ct = tr.index("t"), cd = tr.index("decoded");
    const double tEnd = tr.at(std::size_t(ct), tr.size() - 1);
    const double from = meanDecoded(tr, tJump - 50, tJump);
    const double to = meanDecoded(tr, tJump + 0.8 * (tEnd - tJump), tEnd + 1);
    const double way = wrapAngle(to - from);
    if (std::isnan(way) || std::abs(way) < 1e-6) return NAN;
    for (std::size_t i = 0; i < tr.size(); ++i) {
        const double t = tr.at(std::size_t(ct), i);
        if (t < tJump) continue;
        const double covered = wrapAngle(tr.at(std::size_t(cd), i) - from) / way;
        if (covered >= 0.95) return t - tJump;
    }
    return NAN;
}

LagStats lagDistribution(const TraceBuffer& tr, double tFrom) {
    LagStats s;
    const int ct = tr.index("t"), cd = tr.index("decoded"), cs = tr.index("stimulus");
    for (std::size_t i = 0; i < tr.size(); ++i) {
        if (tr.at(std::size_t(ct), i) < tFrom) continue;
        const double d = tr.at(std::size_t(cd), i);
        if (std::isnan(d)) continue;
        s.samples.push_back(wrapAngle(tr.at(std::size_t(cs), i) - d));
    }
    if (s.samples.empty()) return {NAN, NAN, {}};
    for (double x : s.samples) s.mean += x;
    s.mean /= double(s.samples.size());
    for (double x : s.samples) s.sd += (x - s.mean) * (x - s.mean);
    s.sd = std::sqrt(s.sd / double(s.samples.size()));
    return s;
}

double meanDecodeError(const TraceBuffer& tr, double t0, double t1) {
    const int ct = tr.index("t"), cd = tr.index("decoded"), cs = tr.index("stimulus");
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < tr.size(); ++i) {
        const double t = tr.at(std::size_t(ct), i), d = tr.at(std::size_t(cd), i);
        if (t < t0 || t >= t1 || std::isnan(d)) continue;
        sum += std::abs(wrapAngle(d - tr.at(std::size_t(cs), i)));
        ++n;
    }
    return n ? sum / n : NAN;
}

std::vector<double> runningDecodeSd(const TraceBuffer& tr, double windowMs) {
    const int ct = tr.index("t"), cd = tr.index("decoded");
    std::vector<double> out(tr.size(), NAN);
    std::size_t lo = 0;
    std::complex<double> acc = 0;
    int n = 0;
    for (std::size_t i = 0; i < tr.size(); ++i) {
        const double t = tr.at(std::size_t(ct), i), d = tr.at(std::size_t(cd), i);
        if (!std::isnan(d)) {
            acc += std::polar(1.0, d);
            ++n;
        }
        while (tr.at(std::size_t(ct), lo) <= t - windowMs) {
            const double dl = tr.at(std::size_t(cd), lo);
            if (!std::isnan(dl)) {
                acc -= std::polar(1.0, dl);
                --n;
            }
            ++lo;
        }
        if (n > 0) {
            const double R = std::min(1.0, std::abs(acc) / n);
            out[i] = std::sqrt(std::max(0.0, -2.0 * std::log(std::max(R, 1e-12))));
        }
    }
    return out;
}

}  // namespace as
