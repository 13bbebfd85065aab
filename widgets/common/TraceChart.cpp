#include "widgets/common/TraceChart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QEvent>
#include <QFontMetricsF>
#include <QLegend>
#include <QLineSeries>
#include <algorithm>
#include <array>
#include <cmath>

#include "widgets/common/PresentationScale.h"

namespace as::widgets {

namespace {
constexpr double kTitlePt = 10;       ///< the title's size (times the presentation scale)
constexpr double kTitleShrink = 0.6;  ///< a narrow chart's title shrinks down to this fraction
constexpr double kTitleMargin = 30;   ///< the chart's margins around its title (px)
}  // namespace

TraceChart::TraceChart(const QString& title, const QString& xTitle, const QString& yTitle,
                       QWidget* parent)
    : QChartView(parent), xAxis_(new QCategoryAxis), yAxis_(new QCategoryAxis), xTitleMs_(xTitle) {
    auto* c = new QChart;
    c->setTitle(title);
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignTop);
    c->setMargins(QMargins(4, 2, 6, 2));
    c->setBackgroundRoundness(0);
    xUnit_ = xTitle.contains(QStringLiteral("(ms)")) ? AxisUnit::Milliseconds : AxisUnit::Plain;
    xAxis_->setTitleText(xTitle);
    yAxis_->setTitleText(yTitle);
    for (QCategoryAxis* a : {xAxis_, yAxis_})
        a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    c->addAxis(xAxis_, Qt::AlignBottom);
    c->addAxis(yAxis_, Qt::AlignLeft);
    setChart(c);
    // The plot's size sets how many labels fit: refit when the layout changes it.
    connect(c, &QChart::plotAreaChanged, this, [this] { updateTicks(); });
    setRenderHint(QPainter::Antialiasing);
    setDark(false);
}

QSize TraceChart::minimumSizeHint() const {
    // Charts shrink to fit a 1024×700 window (their ticks thin out), down to this.
    const QChart* c = chart();
    auto lineHeight = [](const QFont& f) { return QFontMetricsF(f).height(); };
    // (Qt Charts pads each part: below about this the x axis loses its labels before the plot
    // shrinks further; measured with the default and the presentation fonts.)
    double h = 1.4 * lineHeight(c->titleFont()) + 3 * lineHeight(xAxis_->labelsFont()) +
               1.2 * lineHeight(xAxis_->titleFont()) + 60 /* plot */ + 20 /* margins */;
    if (c->legend()->isVisible()) h += 2.2 * lineHeight(c->legend()->font());
    // As wide as the title at the smallest size fitTitle() gives it.
    QFont title = c->titleFont();
    title.setPointSizeF(kTitleShrink * kTitlePt * presentationScale());
    const double w = QFontMetricsF(title).horizontalAdvance(c->title()) + kTitleMargin + 4;
    return {std::max(160, int(std::ceil(w))), int(std::ceil(h))};
}

QString TraceChart::xTitle() const {
    return xAxis_->titleText();
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
    // The legend takes room. (QChartView sets an explicit minimum size from its chart's layout,
    // which layouts prefer to minimumSizeHint(): set ours instead; it only grows it.)
    setMinimumSize(minimumSizeHint());
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
    yAxis_->setRange(lo, hi);
    updateTicks();
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
    const bool empty = !(x1 >= x0);
    if (empty) x0 = 0, x1 = 1;  // no data (after a reset): not the old range
    if (x1 - x0 < 1e-9) x1 = x0 + 1;
    xAxis_->setRange(x0, x1);
    if (!fixedY_ && !empty) {
        double pad = (y1 - y0) * 0.08;
        if (pad < 1e-6) pad = std::max(1e-3, std::abs(y1) * 0.1);
        y0 -= pad;
        y1 += pad;
        // Hysteresis: keep the current range unless the data leaves it or shrinks to under half.
        const double cur0 = yAxis_->min(), cur1 = yAxis_->max();
        const bool inside = y0 >= cur0 && y1 <= cur1 && (y1 - y0) > 0.5 * (cur1 - cur0);
        if (!inside) yAxis_->setRange(y0, y1);
    }
    updateTicks();
}

void TraceChart::updateTicks() {
    if (updatingTicks_) return;
    updatingTicks_ = true;
    // Qt Charts gives each label (width across, height up) the axis length / (labels + 1) less
    // twice its padding, and elides what is longer: ask for no more ticks than fit so.
    constexpr double kPad = 9;  // (Qt Charts' label padding is 4 px a side)
    QRectF area = chart()->plotArea();
    if (area.width() < 10 || area.height() < 10)  // before the first layout
        area = QRectF(0, 0, std::max(100, width() - 90), std::max(60, height() - 90));
    const QFontMetricsF fx(xAxis_->labelsFont()), fy(yAxis_->labelsFont());
    setAxisTicks(
        xAxis_, xTicks_,
        TickFormatter::fitTicks(xAxis_->min(), xAxis_->max(), 8, xUnit_, area.width(), kPad,
                                [&](const QString& l) { return fx.horizontalAdvance(l); }));
    setAxisTicks(
        yAxis_, yTicks_,
        TickFormatter::fitTicks(yAxis_->min(), yAxis_->max(), 6, AxisUnit::Plain, area.height(),
                                kPad, [&](const QString&) { return fy.height(); }));
    if (xUnit_ == AxisUnit::Milliseconds) {
        QString t = xTitleMs_;
        if (xTicks_.unit == QStringLiteral("s"))
            t.replace(QStringLiteral("(ms)"), QStringLiteral("(s)"));
        if (xAxis_->titleText() != t) xAxis_->setTitleText(t);
    }
    updatingTicks_ = false;
}

void TraceChart::setAxisTicks(QCategoryAxis* axis, Ticks& shown, Ticks next) {
    if (next.values == shown.values && next.labels == shown.labels) return;
    for (const QString& l : axis->categoriesLabels()) axis->remove(l);
    // Category i ends at tick i, where its label stands (AxisLabelsPositionOnValue); the first
    // starts a step before, outside the plot.
    if (!next.values.empty()) axis->setStartValue(next.values.front() - next.step);
    for (std::size_t i = 0; i < next.values.size(); ++i)
        axis->append(next.labels[qsizetype(i)], next.values[i]);
    shown = std::move(next);
}

void TraceChart::resizeEvent(QResizeEvent* e) {
    QChartView::resizeEvent(e);
    fitTitle();
}

void TraceChart::fitTitle() {
    const double full = kTitlePt * presentationScale();
    QFont f = chart()->titleFont();
    const double room = width() - kTitleMargin;
    double pt = full;
    for (; pt > kTitleShrink * full; pt -= 0.25) {
        f.setPointSizeF(pt);
        if (QFontMetricsF(f).horizontalAdvance(chart()->title()) <= room) break;
    }
    if (f.pointSizeF() != chart()->titleFont().pointSizeF()) chart()->setTitleFont(f);
}

void TraceChart::changeEvent(QEvent* e) {
    QChartView::changeEvent(e);
    if (e->type() == QEvent::FontChange) setDark(dark_);  // re-derive the chart fonts
}

void TraceChart::setDark(bool dark) {
    dark_ = dark;
    // Presentation mode enlarges chart text as much as the rest (ticks thin out to fit).
    const double s = presentationScale();
    QChart* c = chart();
    const QString title = c->title();
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setTitle(title);
    QFont tf = c->titleFont();
    tf.setBold(true);
    tf.setPointSizeF(kTitlePt * s);
    c->setTitleFont(tf);
    fitTitle();
    // The theme resets the legend's font to the application's at that time: the chart's own.
    QFont legend = c->legend()->font();
    legend.setPointSizeF(8.5 * s);
    c->legend()->setFont(legend);
    // The theme resets series pens: restore ours.
    for (std::size_t i = 0; i < series_.size(); ++i) series_[i]->setPen(QPen(colours_[i], 2.0));
    const QColor grid = dark ? QColor(80, 80, 90) : QColor(220, 220, 225);
    for (QCategoryAxis* a : {xAxis_, yAxis_}) {
        a->setGridLineColor(grid);
        QFont lf = a->labelsFont();
        lf.setPointSizeF(8.5 * s);
        a->setLabelsFont(lf);
        QFont af = a->titleFont();
        af.setPointSizeF(9 * s);
        af.setBold(false);
        a->setTitleFont(af);
    }
    xTicks_ = yTicks_ = Ticks{};  // new fonts: refit the labels
    updateTicks();
    setMinimumSize(minimumSizeHint());  // and a new minimum size (see addSeries)
}

}  // namespace as::widgets
