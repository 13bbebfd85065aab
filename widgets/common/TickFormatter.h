#pragma once
// Axis ticks shared by every chart (TraceChart and the painted plots of the E-I, torus, surrogate
// and SDE labs): round steps (1, 2 or 5 x 10^k), labels in fixed-point notation with as many
// decimals as the step needs (never "1.2215e+05", never "-0"), and time in ms shown in seconds
// from 10^6 ms on. fitTicks() picks the most ticks whose labels fit the axis, so a chart never has
// to elide one ("5…") on screen or in an exported figure.
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace as::widgets {

/// What an axis measures: a plain number, or a time in milliseconds (shown in s from 10^6 ms).
enum class AxisUnit { Plain, Milliseconds };

/// The ticks of one axis over [lo, hi].
struct Ticks {
    std::vector<double> values;  ///< in data units (ms for a time axis), ascending, in [lo, hi]
    QStringList labels;          ///< one per value, in the display unit
    double step = 1;             ///< between values, in data units
    QString unit;                ///< display unit: "ms" or "s" for a time axis, else ""
};

namespace TickFormatter {
/// The round step (1, 2 or 5 x 10^k) giving at most about maxTicks intervals over span.
double niceStep(double span, int maxTicks);
/// v as a label on an axis with this step: fixed point, the step's decimals, "-0" as "0".
QString format(double v, double step);
/// Ticks at multiples of a round step inside [lo, hi] (at most about maxTicks intervals).
Ticks ticks(double lo, double hi, int maxTicks, AxisUnit unit = AxisUnit::Plain);
/// The ticks with the most values (at most about maxTicks intervals) whose labels each fit their
/// share of an axis `length` long: extent(label) <= length / (count + 1) - pad; else the one
/// round value nearest the middle if it fits half the axis; else none. extent is the label's width
/// (horizontal axis) or height (vertical axis) in the same units as length.
Ticks fitTicks(double lo, double hi, int maxTicks, AxisUnit unit, double length, double pad,
               const std::function<double(const QString&)>& extent);
/// A time for a label outside an axis ("12 ms", "122150 ms", "1200.5 s"): whole ms below 10^6 ms,
/// else seconds with one decimal.
QString timeText(double ms);
}  // namespace TickFormatter

}  // namespace as::widgets
