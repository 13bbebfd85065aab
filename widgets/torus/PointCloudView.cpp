#include "widgets/torus/PointCloudView.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/common/Colormap.h"
#include "widgets/common/FittedText.h"

namespace as::widgets {

PointCloudView::PointCloudView(const QString& title, QWidget* parent)
    : RotatableView(title, 5.0, 0.0, parent) {
    setMinimumSize(160, 160);
    setFocusPolicy(Qt::ClickFocus);  // a click focuses the lab's views; unhandled keys (steering)
                                     // go to the lab
}

void PointCloudView::setPoints(std::vector<Point> points) {
    points_ = std::move(points);
    update();
}

void PointCloudView::setPolylines(std::vector<Polyline> lines) {
    lines_ = std::move(lines);
    update();
}

void PointCloudView::setBox(bool on) {
    box_ = on;
    update();
}

QPointF PointCloudView::project(float x, float y, float z, double* depth) const {
    const Rotated r = rotate(x, y, z);
    if (depth) *depth = r.depth;
    const double ya = yaw() * M_PI / 180, pa = pitch() * M_PI / 180;
    // The cube's half extent on screen, across (ex) and up (ey), for this rotation: fit it with
    // a margin for the axis letters, so no corner is cut off.
    const double c = std::abs(std::cos(ya)), s = std::abs(std::sin(ya));
    const double ex = c + s, ey = (c + s) * std::abs(std::sin(pa)) + std::abs(std::cos(pa));
    constexpr double kMargin = 14;
    const double scale = zoom() * std::max(1.0, std::min((width() / 2.0 - kMargin) / ex,
                                                         ((height() - 20) / 2.0 - kMargin) / ey));
    return {width() / 2.0 + r.across * scale, 20 + (height() - 20) / 2.0 - r.up * scale};
}

void PointCloudView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor bg = isDark() ? QColor(22, 22, 28) : QColor(248, 248, 250);
    const QColor fg = isDark() ? QColor(210, 210, 215) : QColor(60, 60, 70);
    p.fillRect(rect(), bg);
    p.setPen(fg);
    drawFittedText(p, QRectF(0, 2, width(), 18), title());
    if (box_) {
        static const int e[12][2] = {{0, 1}, {1, 3}, {3, 2}, {2, 0}, {4, 5}, {5, 7},
                                     {7, 6}, {6, 4}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
        QPointF c[8];
        for (int i = 0; i < 8; ++i)
            c[i] = project(i & 1 ? 1.f : -1.f, i & 2 ? 1.f : -1.f, i & 4 ? 1.f : -1.f);
        p.setPen(QPen(QColor(fg.red(), fg.green(), fg.blue(), 90), 1));
        for (const auto& edge : e) p.drawLine(c[edge[0]], c[edge[1]]);
        p.setPen(fg);
        p.drawText(project(1.2f, -1.f, -1.f), "x");
        p.drawText(project(-1.f, 1.2f, -1.f), "y");
        p.drawText(project(-1.f, -1.f, 1.2f), "z");
    }
    // Points back to front.
    std::vector<double> depth(points_.size());
    std::vector<QPointF> screen(points_.size());
    for (std::size_t i = 0; i < points_.size(); ++i)
        screen[i] = project(points_[i].x, points_[i].y, points_[i].z, &depth[i]);
    const auto& map = Colormap::viridis();
    const double base = std::max(2.0, 0.012 * std::min(width(), height()) * zoom());
    p.setPen(Qt::NoPen);
    for (std::size_t i : backToFront(depth)) {
        const float v = std::clamp(points_[i].value, 0.0f, 1.0f);
        QColor c = QColor::fromRgb(map.rgb(double(v)));
        c.setAlphaF(0.35 + 0.65 * double(v));
        p.setBrush(c);
        const double s = base * (0.6 + 0.8 * double(v));
        p.drawEllipse(screen[i], s, s);
    }
    for (const auto& line : lines_) {
        if (line.points.size() < 2) continue;
        QPolygonF poly;
        poly.reserve(int(line.points.size()));
        for (const auto& q : line.points) poly << project(q.x, q.y, q.z);
        p.setPen(QPen(line.colour, line.width));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(poly);
    }
}

}  // namespace as::widgets
