#include "widgets/sde/PixelTrajectoryPlot.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/common/FittedText.h"
#include "widgets/common/TickFormatter.h"

namespace as::widgets {

namespace {
constexpr int kRight = 12;
const QColor kZero(40, 100, 220), kPlus(30, 160, 60), kMinus(235, 130, 20);

QColor blend(const QColor& a, const QColor& b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + t * (b.redF() - a.redF())),
                            float(a.greenF() + t * (b.greenF() - a.greenF())),
                            float(a.blueF() + t * (b.blueF() - a.blueF())));
}
}  // namespace

PixelTrajectoryPlot::PixelTrajectoryPlot(QWidget* parent)
    : PlotWidget(parent), cursor_(std::numeric_limits<double>::quiet_NaN()) {
    setMinimumSize(160, 120);
}

void PixelTrajectoryPlot::setData(std::vector<double> t, std::vector<std::vector<float>> traces,
                                  std::vector<double> targets) {
    t_ = std::move(t);
    traces_ = std::move(traces);
    targets_ = std::move(targets);
    updateRange();
    update();
}

void PixelTrajectoryPlot::setLevels(double aPlus, double aMinus) {
    aPlus_ = aPlus;
    aMinus_ = aMinus;
    updateRange();
    update();
}

void PixelTrajectoryPlot::setTimeRange(double t0, double t1) {
    t0_ = t0;
    t1_ = t1 > t0 ? t1 : t0 + 1.0;
    update();
}

void PixelTrajectoryPlot::setCursorTime(double t) {
    cursor_ = t;
    update();
}

QColor PixelTrajectoryPlot::colourFor(double target) const {
    if (!std::isfinite(target)) return QColor(128, 128, 128);
    if (aMinus_ > 0 && target <= aMinus_) return blend(kZero, kMinus, target / aMinus_);
    if (aMinus_ > 0)
        return blend(kMinus, kPlus, (target - aMinus_) / std::max(1e-12, aPlus_ - aMinus_));
    return blend(kZero, kPlus, target / std::max(1e-12, aPlus_));
}

void PixelTrajectoryPlot::updateRange() {
    double lo = 0.0, hi = std::max(aPlus_, 1e-6);
    for (const auto& tr : traces_)
        for (float v : tr)
            if (std::isfinite(v)) {
                lo = std::min(lo, double(v));
                hi = std::max(hi, double(v));
            }
    const double pad = 0.06 * (hi - lo);
    yLo_ = lo - (lo < 0 ? pad : 0.02 * (hi - lo));
    yHi_ = hi + pad;
}

void PixelTrajectoryPlot::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(20, 22, 26) : Qt::white;
    const QColor fg = dark_ ? QColor(220, 220, 220) : QColor(40, 40, 40);
    g.fillRect(rect(), bg);
    const int fh = fontMetrics().height();
    const double top = title_.isEmpty() ? 8 : fh + 8;
    // Margins from the font, so large (presentation) fonts keep the labels inside the widget.
    const double leftMargin = fontMetrics().horizontalAdvance(QStringLiteral("a₊ 0.000")) + 8;
    const double bottomMargin = 2 * fh + 8;
    const QRectF plot(leftMargin, top, width() - leftMargin - kRight,
                      height() - top - bottomMargin);
    g.setPen(fg);
    if (!title_.isEmpty()) drawFittedText(g, QRectF(0, 2, width(), fh + 4), title_);
    g.setPen(QPen(QColor(128, 128, 128, 150), 1));
    g.drawRect(plot);
    drawn_ = 0;
    if (plot.width() < 4 || plot.height() < 4) return;
    auto X = [&](double t) { return plot.left() + (t - t0_) / (t1_ - t0_) * plot.width(); };
    auto Y = [&](double v) { return plot.bottom() - (v - yLo_) / (yHi_ - yLo_) * plot.height(); };

    // Levels: 0 solid and faint, a_+ (and a_-) dashed, labelled on the left.
    g.setRenderHint(QPainter::Antialiasing, true);
    g.setPen(QPen(QColor(128, 128, 128, 110), 1));
    g.drawLine(QPointF(plot.left(), Y(0)), QPointF(plot.right(), Y(0)));
    g.setPen(fg);
    g.drawText(QRectF(0, Y(0) - fh / 2.0, leftMargin - 4, fh), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("0"));
    auto level = [&](double v, const QColor& c, const QString& name) {
        QPen pen(c, 1.5, Qt::DashLine);
        g.setPen(pen);
        g.drawLine(QPointF(plot.left(), Y(v)), QPointF(plot.right(), Y(v)));
        g.setPen(c);
        g.drawText(QRectF(0, Y(v) - fh / 2.0, leftMargin - 4, fh),
                   Qt::AlignRight | Qt::AlignVCenter, name + QString::number(v, 'f', 2));
    };
    level(aPlus_, kPlus.darker(dark_ ? 70 : 110), QStringLiteral("a₊ "));
    if (aMinus_ > 0) level(aMinus_, kMinus, QStringLiteral("a₋ "));

    // Curves, clipped to the plot; the 0-target ones first so the a_+ ones stay on top.
    g.save();
    g.setClipRect(plot);
    std::vector<std::size_t> order(traces_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double ta = a < targets_.size() ? targets_[a] : 0,
                     tb = b < targets_.size() ? targets_[b] : 0;
        return ta < tb;
    });
    for (std::size_t k : order) {
        const auto& tr = traces_[k];
        const std::size_t n = std::min(tr.size(), t_.size());
        if (n < 1) continue;
        QPainterPath path;
        bool open = false;
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(tr[j]) || !std::isfinite(t_[j])) {
                open = false;
                continue;
            }
            const QPointF p(X(t_[j]), Y(tr[j]));
            if (open)
                path.lineTo(p);
            else
                path.moveTo(p);
            open = true;
        }
        QColor c = colourFor(k < targets_.size() ? targets_[k] : 0.0);
        c.setAlphaF(0.85f);
        g.setPen(QPen(c, 1.4));
        g.setBrush(Qt::NoBrush);
        g.drawPath(path);
        ++drawn_;
    }
    if (std::isfinite(cursor_) && cursor_ >= t0_ && cursor_ <= t1_) {
        g.setPen(QPen(dark_ ? QColor(240, 240, 240, 160) : QColor(60, 60, 60, 140), 1));
        g.drawLine(QPointF(X(cursor_), plot.top()), QPointF(X(cursor_), plot.bottom()));
    }
    g.restore();

    // Time axis.
    g.setPen(fg);
    const QFontMetricsF tm(g.font());
    const Ticks ticks =
        TickFormatter::fitTicks(t0_, t1_, 5, AxisUnit::Plain, plot.width(), 8,
                                [&](const QString& l) { return tm.horizontalAdvance(l); });
    for (std::size_t k = 0; k < ticks.values.size(); ++k) {
        const double x = X(ticks.values[k]);
        g.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        g.drawText(QRectF(x - 40, plot.bottom() + 3, 80, fh), Qt::AlignHCenter | Qt::AlignTop,
                   ticks.labels[qsizetype(k)]);
    }
    g.drawText(QRectF(plot.left(), plot.bottom() + 3 + fh, plot.width(), fh),
               Qt::AlignHCenter | Qt::AlignTop, tr("time t (model units)"));
    // Legend of the colour code, top right inside the plot.
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    g.setFont(small);
    const QFontMetrics sm(small);
    QStringList names = {tr("target 0"), tr("target a₊")};
    std::vector<QColor> cols = {kZero, kPlus};
    if (aMinus_ > 0) {
        names << tr("target a₋");
        cols.push_back(kMinus);
    }
    double lx = plot.right() - 8, ly = plot.top() + 4;
    for (int i = int(names.size()) - 1; i >= 0; --i) {
        const double w = sm.horizontalAdvance(names[i]);
        lx -= w;
        g.setPen(cols[std::size_t(i)]);
        g.drawText(QPointF(lx, ly + sm.ascent()), names[i]);
        g.drawLine(QPointF(lx - 18, ly + sm.height() / 2.0),
                   QPointF(lx - 4, ly + sm.height() / 2.0));
        lx -= 28;
    }
}

}  // namespace as::widgets
