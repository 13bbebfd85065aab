#include "cann/PopulationDecoder.h"

#include <algorithm>
#include <cmath>

namespace as {

Decode populationDecode(const std::vector<double>& positions, const std::vector<double>& r) {
    Decode d;
    const std::size_t n = std::min(positions.size(), r.size());
    for (std::size_t i = 0; i < n; ++i) {
        d.sumCos += r[i] * std::cos(positions[i]);
        d.sumSin += r[i] * std::sin(positions[i]);
    }
    d.magnitude = std::hypot(d.sumCos, d.sumSin);
    d.angle = std::atan2(d.sumSin, d.sumCos);
    return d;
}

void ConfidenceTracker::reset() {
    smoothed_ = lastT_ = c_ = 0.0;
    started_ = false;
    maxQueue_.clear();
}

double ConfidenceTracker::update(double t, double magnitude) {
    if (!std::isfinite(magnitude)) return c_;
    if (!started_) {
        smoothed_ = magnitude;
        started_ = true;
    } else {
        const double dt = std::max(0.0, t - lastT_);
        const double w = smoothing_ > 0 ? 1.0 - std::exp(-dt / smoothing_) : 1.0;
        smoothed_ += w * (magnitude - smoothed_);
    }
    lastT_ = t;
    while (!maxQueue_.empty() && maxQueue_.back().second <= smoothed_) maxQueue_.pop_back();
    maxQueue_.emplace_back(t, smoothed_);
    while (maxQueue_.front().first < t - window_) maxQueue_.pop_front();
    const double peak = maxQueue_.front().second;
    c_ = peak > 0 ? std::clamp(magnitude / peak, 0.0, 1.0) : 0.0;
    return c_;
}

}  // namespace as
