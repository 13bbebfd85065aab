#include "widgets/common/ErrorBarPlot.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/common/TickFormatter.h"

namespace as::widgets {

ErrorBarPlot::ErrorBarPlot(QWidget* parent) : PlotWidget(parent) {
    setAutoFillBackground(false);
}

QColor ErrorBarPlot::curveColor(int i) {
    static const QColor kColors[] = {
        QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),   QColor(255, 127, 14),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127)};
    return kColors[i % 8];
}

void ErrorBarPlot::setCurves(std::vector<Curve> curves) {
    curves_ = std::move(curves);
    update();
}

void ErrorBarPlot::setTitles(const QString& title, const QString& xTitle, const QString& yTitle) {
    title_ = title;
    xTitle_ = xTitle;
    yTitle_ = yTitle;
    update();
}

void ErrorBarPlot::setXLabels(const QStringList& labels) {
    xLabels_ = labels;
    update();
}

void ErrorBarPlot::setReference(double y, const QString& label) {
    ref_ = y;
    refLabel_ = label;
    update();
}

void ErrorBarPlot::paintEvent(QPaintEvent*) {
    QPainter g(this);
    g.setRenderHint(QPainter::Antialiasing);
    const QColor bg = dark_ ? QColor(20, 22, 26) : QColor(255, 255, 255);
    const QColor fg = dark_ ? QColor(220, 220, 220) : QColor(30, 30, 30);
    const QColor grid = dark_ ? QColor(70, 72, 78) : QColor(225, 225, 225);
    g.fillRect(rect(), bg);
    const QFontMetrics fm(font());
    // Data range, error bars included.
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const auto& c : curves_)
        for (std::size_t i = 0; i < c.x.size(); ++i) {
            const double e = i < c.err.size() && std::isfinite(c.err[i]) ? c.err[i] : 0.0;
            if (!std::isfinite(c.x[i]) || !std::isfinite(c.y[i])) continue;
            x0 = std::min(x0, c.x[i]);
            x1 = std::max(x1, c.x[i]);
            y0 = std::min(y0, c.y[i] - e);
            y1 = std::max(y1, c.y[i] + e);
        }
    if (std::isfinite(ref_) && std::isfinite(x0)) {
        y0 = std::min(y0, ref_);
        y1 = std::max(y1, ref_);
    }
    g.setPen(fg);
    const int titleH = title_.isEmpty() ? 6 : fm.height() + 10;
    if (!title_.isEmpty()) g.drawText(QRect(0, 4, width(), fm.height()), Qt::AlignCenter, title_);
    if (!std::isfinite(x0)) {
        g.drawText(rect(), Qt::AlignCenter, tr("No finished jobs to plot"));
        return;
    }
    if (x1 - x0 <= 0) {
        x0 -= 0.5;
        x1 += 0.5;
    }
    if (y1 - y0 <= 0) {
        const double pad = y0 == 0 ? 1.0 : 0.1 * std::abs(y0);
        y0 -= pad;
        y1 += pad;
    }
    const double xPad = 0.05 * (x1 - x0), yPad = 0.08 * (y1 - y0);
    x0 -= xPad;
    x1 += xPad;
    y0 -= yPad;
    y1 += yPad;
    // Ticks from the shared formatter, as many as fit without eliding a label.
    const Ticks yt = TickFormatter::fitTicks(y0, y1, std::max(2, height() / 70), AxisUnit::Plain,
                                             height() - titleH - 3.0 * fm.height(), 4,
                                             [&](const QString&) { return double(fm.height()); });
    int yLabelW = 0;
    for (const QString& t : yt.labels) yLabelW = std::max(yLabelW, fm.horizontalAdvance(t));
    const int legendH = curves_.size() > 1 ? fm.height() + 8 : 0;
    const QRect plot(fm.height() + yLabelW + 14, titleH + legendH,
                     width() - (fm.height() + yLabelW + 14) - 16,
                     height() - titleH - legendH - 2 * fm.height() - 16);
    if (plot.width() < 20 || plot.height() < 20) return;
    auto px = [&](double x) { return plot.left() + (x - x0) / (x1 - x0) * plot.width(); };
    auto py = [&](double y) { return plot.bottom() - (y - y0) / (y1 - y0) * plot.height(); };
    // Grid, ticks and labels.
    for (std::size_t i = 0; i < yt.values.size(); ++i) {
        const double v = yt.values[i];
        g.setPen(grid);
        g.drawLine(QPointF(plot.left(), py(v)), QPointF(plot.right(), py(v)));
        g.setPen(fg);
        g.drawText(
            QRectF(plot.left() - yLabelW - 8, py(v) - fm.height() / 2.0, yLabelW + 4, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, yt.labels[int(i)]);
    }
    std::vector<std::pair<double, QString>> xt;
    if (!xLabels_.isEmpty()) {
        for (int i = 0; i < xLabels_.size(); ++i) xt.push_back({double(i), xLabels_[i]});
    } else {
        const Ticks t = TickFormatter::fitTicks(
            x0, x1, std::max(2, plot.width() / 90), AxisUnit::Plain, plot.width(), 8,
            [&](const QString& text) { return double(fm.horizontalAdvance(text)); });
        for (std::size_t i = 0; i < t.values.size(); ++i)
            xt.push_back({t.values[i], t.labels[int(i)]});
    }
    for (const auto& [v, text] : xt) {
        if (v < x0 || v > x1) continue;
        g.setPen(grid);
        g.drawLine(QPointF(px(v), plot.top()), QPointF(px(v), plot.bottom()));
        g.setPen(fg);
        g.drawText(QRectF(px(v) - 60, plot.bottom() + 4, 120, fm.height()), Qt::AlignCenter, text);
    }
    g.setPen(QPen(fg, 1));
    g.drawRect(plot);
    g.drawText(QRect(plot.left(), plot.bottom() + fm.height() + 8, plot.width(), fm.height()),
               Qt::AlignCenter, xTitle_);
    g.save();
    g.translate(4, plot.center().y());
    g.rotate(-90);
    g.drawText(QRect(-plot.height() / 2, 0, plot.height(), fm.height()), Qt::AlignCenter, yTitle_);
    g.restore();
    if (std::isfinite(ref_)) {  // the reference line, dashed, its label above its right end
        g.setPen(QPen(fg, 1, Qt::DashLine));
        g.drawLine(QPointF(plot.left(), py(ref_)), QPointF(plot.right(), py(ref_)));
        g.drawText(QRectF(plot.left(), py(ref_) - fm.height() - 2, plot.width() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignBottom, refLabel_);
    }
    // Curves: error bars, line, markers.
    g.setClipRect(plot.adjusted(-6, -6, 6, 6));
    for (std::size_t k = 0; k < curves_.size(); ++k) {
        const auto& c = curves_[k];
        const QColor col = curveColor(int(k));
        QPainterPath line;
        bool started = false;
        for (std::size_t i = 0; i < c.x.size(); ++i) {
            if (!std::isfinite(c.x[i]) || !std::isfinite(c.y[i])) continue;
            const QPointF p(px(c.x[i]), py(c.y[i]));
            started ? line.lineTo(p) : line.moveTo(p);
            started = true;
            if (i < c.err.size() && std::isfinite(c.err[i]) && c.err[i] > 0) {
                g.setPen(QPen(col, 1.2));
                const double top = py(c.y[i] + c.err[i]), bottom = py(c.y[i] - c.err[i]);
                g.drawLine(QPointF(p.x(), top), QPointF(p.x(), bottom));
                g.drawLine(QPointF(p.x() - 4, top), QPointF(p.x() + 4, top));
                g.drawLine(QPointF(p.x() - 4, bottom), QPointF(p.x() + 4, bottom));
            }
        }
        g.setPen(QPen(col, 2));
        g.setBrush(Qt::NoBrush);
        g.drawPath(line);
        g.setBrush(col);
        for (std::size_t i = 0; i < c.x.size(); ++i)
            if (std::isfinite(c.x[i]) && std::isfinite(c.y[i]))
                g.drawEllipse(QPointF(px(c.x[i]), py(c.y[i])), 3.5, 3.5);
    }
    g.setClipping(false);
    // Legend: a swatch and the name of each curve, in a row above the plot.
    if (curves_.size() > 1) {
        int x = plot.left();
        const int y = titleH + 2;
        for (std::size_t k = 0; k < curves_.size(); ++k) {
            g.setPen(Qt::NoPen);
            g.setBrush(curveColor(int(k)));
            g.drawRect(QRectF(x, y + fm.height() / 2.0 - 5, 18, 10));
            g.setPen(fg);
            g.drawText(QPointF(x + 24, y + fm.ascent()), curves_[k].name);
            x += 24 + fm.horizontalAdvance(curves_[k].name) + 18;
        }
    }
}

}  // namespace as::widgets
