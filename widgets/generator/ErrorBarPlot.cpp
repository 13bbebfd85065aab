#include "widgets/generator/ErrorBarPlot.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace as::widgets {

ErrorBarPlot::ErrorBarPlot(const QString& title, const QString& xTitle, const QString& yTitle,
                           QWidget* parent)
    : QWidget(parent), title_(title), xTitle_(xTitle), yTitle_(yTitle) {
    setMinimumSize(240, 180);
}

void ErrorBarPlot::setPoints(std::vector<Point> points) {
    points_ = std::move(points);
    std::sort(points_.begin(), points_.end(),
              [](const Point& a, const Point& b) { return a.x < b.x; });
    update();
}

void ErrorBarPlot::setReference(double y, const QString& label) {
    ref_ = y;
    refLabel_ = label;
    update();
}

void ErrorBarPlot::setTitle(const QString& title) {
    title_ = title;
    update();
}

void ErrorBarPlot::setDark(bool dark) {
    dark_ = dark;
    update();
}

namespace {
/// A "nice" tick step for a range.
double tickStep(double span) {
    if (!(span > 0)) return 1;
    const double raw = span / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag) return m * mag;
    return 10 * mag;
}
}  // namespace

void ErrorBarPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor bg = dark_ ? QColor(30, 30, 34) : Qt::white;
    const QColor fg = dark_ ? QColor(220, 220, 225) : QColor(40, 40, 48);
    const QColor line(31, 119, 180);
    p.fillRect(rect(), bg);
    p.setPen(fg);
    p.drawText(QRect(0, 4, width(), 20), Qt::AlignHCenter, title_);
    const QRectF area(64, 32, width() - 84, height() - 80);
    if (points_.empty() || area.width() < 20 || area.height() < 20) {
        p.drawText(rect(), Qt::AlignCenter, tr("no data"));
        return;
    }
    // The x values are placed evenly (categories), labelled with their values.
    double x0 = -0.5, x1 = double(points_.size()) - 0.5, y0 = 0, y1 = 0;
    for (const Point& q : points_) y1 = std::max(y1, q.y + q.err);
    if (std::isfinite(ref_)) y1 = std::max(y1, ref_);
    y1 *= 1.1;
    if (y1 <= y0) y1 = y0 + 1;
    auto X = [&](double x) { return area.left() + (x - x0) / (x1 - x0) * area.width(); };
    auto Y = [&](double y) { return area.bottom() - (y - y0) / (y1 - y0) * area.height(); };
    p.setPen(QPen(fg, 1));
    p.drawRect(area);
    const double ys = tickStep(y1 - y0);
    for (double y = y0; y <= y1 + 1e-12; y += ys) {
        p.drawLine(QPointF(area.left() - 4, Y(y)), QPointF(area.left(), Y(y)));
        p.drawText(QRectF(0, Y(y) - 8, area.left() - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(y, 'g', 4));
    }
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const double cx = X(double(i));
        p.drawLine(QPointF(cx, area.bottom()), QPointF(cx, area.bottom() + 4));
        p.drawText(QRectF(cx - 30, area.bottom() + 5, 60, 16), Qt::AlignHCenter,
                   QString::number(points_[i].x, 'g', 4));
    }
    p.drawText(QRectF(area.left(), area.bottom() + 22, area.width(), 18), Qt::AlignHCenter,
               xTitle_);
    p.save();
    p.translate(14, area.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-area.height() / 2, -8, area.height(), 18), Qt::AlignHCenter, yTitle_);
    p.restore();
    if (std::isfinite(ref_)) {
        p.setPen(QPen(QColor(200, 80, 40), 1.5, Qt::DashLine));
        p.drawLine(QPointF(area.left(), Y(ref_)), QPointF(area.right(), Y(ref_)));
        p.drawText(QPointF(area.left() + 6, Y(ref_) - 4), refLabel_);
    }
    QPainterPath path;
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const QPointF c(X(double(i)), Y(points_[i].y));
        if (i == 0)
            path.moveTo(c);
        else
            path.lineTo(c);
    }
    p.setPen(QPen(line, 2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const Point& q = points_[i];
        const double cx = X(double(i));
        p.drawLine(QPointF(cx, Y(q.y - q.err)), QPointF(cx, Y(q.y + q.err)));
        p.drawLine(QPointF(cx - 5, Y(q.y - q.err)), QPointF(cx + 5, Y(q.y - q.err)));
        p.drawLine(QPointF(cx - 5, Y(q.y + q.err)), QPointF(cx + 5, Y(q.y + q.err)));
        p.setBrush(line);
        p.drawEllipse(QPointF(cx, Y(q.y)), 4, 4);
    }
}

}  // namespace as::widgets
