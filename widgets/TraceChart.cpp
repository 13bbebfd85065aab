#include "TraceChart.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>

#include "PresentationScale.h"

namespace as::widgets {
namespace {

/// A round tick interval (1, 2, 5 x 10^k) giving at most about maxTicks ticks over span.
double niceInterval(double span, int maxTicks) {
    const double raw = span / std::max(1, maxTicks);
    if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
    const double e = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * e >= raw) return m * e;
    return 10 * e;
}

/// Exact range, ticks at round values (anchored at 0), so data fills the plot.
void setRoundTicks(QValueAxis* a, double lo, double hi, int maxTicks) {
    // Qt Charts lays the axis out after each setter. With dynamic ticks, a new range under the old
    // interval (or the reverse) can ask for ~1e5 tick items and hang the GUI thread, so both change
    // while the axis has a fixed tick count, and dynamic ticks come back with consistent values.
    a->setTickType(QValueAxis::TicksFixed);
    a->setRange(lo, hi);
    a->setTickAnchor(0.0);
    a->setTickInterval(niceInterval(hi - lo, maxTicks));
    a->setTickType(QValueAxis::TicksDynamic);
}

}  // namespace

TraceChart::TraceChart(const QString& title, const QString& xTitle, const QString& yTitle,
                       QWidget* parent)
    : QChartView(parent), xAxis_(new QValueAxis), yAxis_(new QValueAxis) {
    auto* c = new QChart;
    c->setTitle(title);
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignTop);
    c->setMargins(QMargins(4, 2, 6, 2));
    c->setBackgroundRoundness(0);
    xAxis_->setTitleText(xTitle);
    yAxis_->setTitleText(yTitle);
    xAxis_->setLabelFormat("%.5g");
    yAxis_->setLabelFormat("%.4g");
    xAxis_->setTickCount(6);
    yAxis_->setTickCount(5);
    c->addAxis(xAxis_, Qt::AlignBottom);
    c->addAxis(yAxis_, Qt::AlignLeft);
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    setDark(false);
}

int TraceChart::addSeries(const QString& name, const QColor& colour, qreal width) {
    auto* s = new QLineSeries;
    s->setName(name);
    s->setUseOpenGL(false);
    QPen pen(colour, width);
    s->setPen(pen);
    chart()->addSeries(s);
    s->attachAxis(xAxis_);
    s->attachAxis(yAxis_);
    series_.push_back(s);
    colours_.push_back(colour);
    chart()->legend()->setVisible(series_.size() > 1);
    extents_.push_back({0, 0, 0, 0});
    return int(series_.size()) - 1;
}

int TraceChart::pointCount(int i) const {
    return series_.at(std::size_t(i))->count();
}

void TraceChart::setSeriesData(int i, const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = std::min(x.size(), y.size());
    QList<QPointF> pts;
    pts.reserve(qsizetype(n));
    std::array<double, 4> e{INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (std::size_t k = 0; k < n; ++k) {
        if (!std::isfinite(x[k]) || !std::isfinite(y[k])) continue;
        pts.append(QPointF(x[k], y[k]));
        e[0] = std::min(e[0], x[k]);
        e[1] = std::max(e[1], x[k]);
        e[2] = std::min(e[2], y[k]);
        e[3] = std::max(e[3], y[k]);
    }
    series_.at(std::size_t(i))->replace(pts);
    extents_[std::size_t(i)] = e;
    rescale();
}

void TraceChart::setFixedYRange(double lo, double hi) {
    fixedY_ = true;
    yLo_ = lo;
    yHi_ = hi;
    setRoundTicks(yAxis_, lo, hi, 5);
}

void TraceChart::rescale() {
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (const auto& e : extents_) {
        if (!(e[1] >= e[0])) continue;
        x0 = std::min(x0, e[0]);
        x1 = std::max(x1, e[1]);
        y0 = std::min(y0, e[2]);
        y1 = std::max(y1, e[3]);
    }
    if (!(x1 >= x0)) return;
    if (x1 - x0 < 1e-9) x1 = x0 + 1;
    setRoundTicks(xAxis_, x0, x1, 5);
    if (fixedY_) return;
    double pad = (y1 - y0) * 0.08;
    if (pad < 1e-6) pad = std::max(1e-3, std::abs(y1) * 0.1);
    y0 -= pad;
    y1 += pad;
    // Hysteresis: keep the current range unless the data leaves it or shrinks to under half.
    const double cur0 = yAxis_->min(), cur1 = yAxis_->max();
    const bool inside = y0 >= cur0 && y1 <= cur1 && (y1 - y0) > 0.5 * (cur1 - cur0);
    if (!inside) {
        setRoundTicks(yAxis_, y0, y1, 4);
    }
}

void TraceChart::changeEvent(QEvent* e) {
    QChartView::changeEvent(e);
    if (e->type() == QEvent::FontChange) setDark(dark_);  // re-derive the chart fonts
}

void TraceChart::setDark(bool dark) {
    dark_ = dark;
    // Presentation mode enlarges chart text by half as much as the rest, so tick labels still fit.
    const double s = 1.0 + 0.5 * (presentationScale() - 1.0);
    QChart* c = chart();
    const QString title = c->title();
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setTitle(title);
    QFont tf = c->titleFont();
    tf.setBold(true);
    tf.setPointSizeF(10 * s);
    c->setTitleFont(tf);
    // The theme resets series pens: restore ours.
    for (std::size_t i = 0; i < series_.size(); ++i) series_[i]->setPen(QPen(colours_[i], 2.0));
    const QColor grid = dark ? QColor(80, 80, 90) : QColor(220, 220, 225);
    for (QValueAxis* a : {xAxis_, yAxis_}) {
        a->setGridLineColor(grid);
        QFont lf = a->labelsFont();
        lf.setPointSizeF(8.5 * s);
        a->setLabelsFont(lf);
        QFont af = a->titleFont();
        af.setPointSizeF(9 * s);
        af.setBold(false);
        a->setTitleFont(af);
    }
}

}  // namespace as::widgets
