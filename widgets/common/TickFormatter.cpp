#include "widgets/common/TickFormatter.h"

#include <algorithm>
#include <cmath>

namespace as::widgets::TickFormatter {

namespace {
constexpr double kSecondsFromMs = 1e6;  ///< a time axis reaching this many ms is shown in s
}

double niceStep(double span, int maxTicks) {
    const double raw = std::abs(span) / std::max(1, maxTicks);
    if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
    const double e = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * e >= raw * (1 - 1e-12)) return m * e;
    return 10 * e;
}

QString format(double v, double step) {
    step = std::abs(step);
    if (!(step > 0) || !std::isfinite(step)) step = 1;
    // Decimals the step needs (0.25 needs 2; 5e-4 needs 4), at most 12.
    int decimals = 0;
    while (decimals < 12 && std::abs(step * std::pow(10.0, decimals) -
                                     std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    if (std::abs(v) < 1e-9 * step) v = 0;  // 2.7e-17 from summed steps, and -0
    QString s = QString::number(v, 'f', decimals);
    if (s.startsWith('-') &&
        std::all_of(s.begin() + 1, s.end(), [](QChar c) { return c == '0' || c == '.'; }))
        s.remove(0, 1);  // "-0.00" from a value rounding to zero
    return s;
}

Ticks ticks(double lo, double hi, int maxTicks, AxisUnit unit) {
    if (hi < lo) std::swap(lo, hi);
    Ticks t;
    double scale = 1;  // data units per display unit
    if (unit == AxisUnit::Milliseconds) {
        const bool seconds = std::max(std::abs(lo), std::abs(hi)) >= kSecondsFromMs;
        t.unit = seconds ? QStringLiteral("s") : QStringLiteral("ms");
        if (seconds) scale = 1000;
    }
    const double a = lo / scale, b = hi / scale;
    const double step = niceStep(b - a, maxTicks);
    t.step = step * scale;
    if (!std::isfinite(a) || !std::isfinite(b)) return t;
    // Index the ticks (k * step) rather than summing steps: no drift, exact round values.
    const double k0 = std::ceil(a / step - 1e-9), k1 = std::floor(b / step + 1e-9);
    for (double k = k0; k <= k1 && t.values.size() < 1000; ++k) {
        const double v = k * step;
        t.values.push_back(v * scale);
        t.labels << format(v, step);
    }
    return t;
}

Ticks fitTicks(double lo, double hi, int maxTicks, AxisUnit unit, double length, double pad,
               const std::function<double(const QString&)>& extent) {
    for (int n = std::max(1, maxTicks); n >= 1; --n) {
        Ticks t = ticks(lo, hi, n, unit);
        double widest = 0;
        for (const QString& l : t.labels) widest = std::max(widest, extent(l));
        if (widest <= length / double(t.values.size() + 1) - pad) return t;
    }
    // Room for one label only: the round value nearest the middle; else none (rather than "...").
    Ticks one = ticks(lo, hi, 2, unit);
    std::size_t best = 0;
    for (std::size_t i = 1; i < one.values.size(); ++i)
        if (std::abs(one.values[i] - (lo + hi) / 2) < std::abs(one.values[best] - (lo + hi) / 2))
            best = i;
    const bool fits =
        !one.values.empty() && extent(one.labels[qsizetype(best)]) <= length / 2 - pad;
    if (fits) {
        one.values = {one.values[best]};
        one.labels = QStringList{one.labels[qsizetype(best)]};
    } else {
        one.values.clear();
        one.labels.clear();
    }
    return one;
}

QString timeText(double ms) {
    if (std::abs(ms) >= kSecondsFromMs) return format(ms / 1000, 0.1) + QStringLiteral(" s");
    return format(ms, 1) + QStringLiteral(" ms");
}

}  // namespace as::widgets::TickFormatter
