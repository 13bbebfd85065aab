#include "widgets/sde/DistanceBars.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/common/FittedText.h"

namespace as::widgets {

namespace {
/// The smallest of 1, 2, 5 x 10^k at or above x (x > 0).
double niceCeil(double x) {
    if (!(x > 0) || !std::isfinite(x)) return 1.0;
    const double e = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * e >= x * (1 - 1e-12)) return m * e;
    return 10 * e;
}

QString shortNumber(double v) {
    if (!std::isfinite(v)) return QStringLiteral("–");
    if (v != 0 && (std::abs(v) >= 1e4 || std::abs(v) < 1e-2)) return QString::number(v, 'e', 1);
    return QString::number(v, 'f', std::abs(v) >= 100 ? 0 : (std::abs(v) >= 10 ? 1 : 2));
}
}  // namespace

DistanceBars::DistanceBars(QWidget* parent) : PlotWidget(parent) {
    setMinimumSize(140, 110);
}

void DistanceBars::setValues(std::vector<double> values, QStringList labels) {
    values_ = std::move(values);
    labels_ = std::move(labels);
    highlighted_ = -1;
    double best = 0, top = 0;
    for (std::size_t i = 0; i < values_.size(); ++i) {
        const double v = values_[i];
        if (!std::isfinite(v)) continue;
        top = std::max(top, v);
        if (highlighted_ < 0 || v < best) {
            best = v;
            highlighted_ = int(i);
        }
    }
    autoMax_ = std::max(autoMax_, niceCeil(top));
    update();
}

void DistanceBars::setHighlightColor(const QColor& c) {
    highlight_ = c;
    update();
}

void DistanceBars::setFixedMax(double top) {
    fixedMax_ = top;
    update();
}

void DistanceBars::resetScale() {
    autoMax_ = 0;
    double top = 0;
    for (double v : values_)
        if (std::isfinite(v)) top = std::max(top, v);
    autoMax_ = niceCeil(top);
    update();
}

QRectF DistanceBars::plotRect() const {
    const int fh = fontMetrics().height();
    const double top = title_.isEmpty() ? 4 : fh + 6;
    const double valueH = fh, labelH = fh + 2;
    return QRectF(8, top + valueH, width() - 16, height() - top - valueH - labelH - 2);
}

QFont DistanceBars::valueFont() const {
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    return small;
}

std::vector<QRectF> DistanceBars::valueLabelRects() const {
    const int n = int(values_.size());
    std::vector<QRectF> rects(values_.size());
    const QRectF plot = plotRect();
    if (n == 0 || plot.height() < 4) return rects;
    const double ymax = axisMax() > 0 ? axisMax() : 1.0;
    const double pitch = plot.width() / n;
    const QFontMetricsF fm(valueFont());
    double widest = 0;
    for (double v : values_) widest = std::max(widest, fm.horizontalAdvance(shortNumber(v)));
    const bool all = widest <= pitch - 2;  // else only the highlighted bar's
    for (int i = 0; i < n; ++i) {
        const double v = values_[std::size_t(i)];
        if (!std::isfinite(v) || (!all && i != highlighted_)) continue;
        const double cx = plot.left() + (i + 0.5) * pitch;
        const double h = std::clamp(v / ymax, 0.0, 1.0) * plot.height();
        const double w =
            all ? pitch - 2 : std::min(plot.width(), fm.horizontalAdvance(shortNumber(v)) + 4);
        const double x = std::clamp(cx - w / 2, 0.0, std::max(0.0, width() - w));
        rects[std::size_t(i)] = QRectF(x, plot.bottom() - h - fm.height(), w, fm.height());
    }
    return rects;
}

void DistanceBars::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(20, 22, 26) : palette().color(QPalette::Window);
    const QColor fg = dark_ ? QColor(220, 220, 220) : palette().color(QPalette::WindowText);
    const QColor bar = dark_ ? QColor(110, 115, 125) : QColor(160, 165, 175);
    g.fillRect(rect(), bg);
    const int fh = fontMetrics().height();
    const double labelH = fh + 2;
    const QRectF plot = plotRect();
    g.setPen(fg);
    if (!title_.isEmpty()) drawFittedText(g, QRectF(0, 0, width(), fh + 4), title_);
    const int n = int(values_.size());
    g.setPen(QPen(QColor(128, 128, 128, 150), 1));
    g.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    if (n == 0 || plot.height() < 4) return;
    const double ymax = axisMax() > 0 ? axisMax() : 1.0;
    const double pitch = plot.width() / n, bw = std::max(2.0, 0.7 * pitch);
    const QFont small = valueFont();
    const std::vector<QRectF> valueRects = valueLabelRects();
    for (int i = 0; i < n; ++i) {
        const double v = values_[std::size_t(i)];
        const double cx = plot.left() + (i + 0.5) * pitch;
        const bool hi = i == highlighted_;
        if (std::isfinite(v)) {
            const double h = std::clamp(v / ymax, 0.0, 1.0) * plot.height();
            const QRectF b(cx - bw / 2, plot.bottom() - h, bw, h);
            g.fillRect(b, hi ? highlight_ : bar);
            g.setFont(small);
            g.setPen(hi ? highlight_ : fg);
            if (!valueRects[std::size_t(i)].isEmpty())
                g.drawText(valueRects[std::size_t(i)], Qt::AlignHCenter | Qt::AlignBottom,
                           shortNumber(v));
        }
        QFont f = font();
        f.setBold(hi);
        g.setFont(f);
        g.setPen(hi ? highlight_ : fg);
        const QString label = i < labels_.size() ? labels_[i] : QString::number(i);
        g.drawText(QRectF(cx - pitch / 2, plot.bottom() + 2, pitch, labelH),
                   Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

}  // namespace as::widgets
