#include "widgets/generator/LatentScatter.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace as::widgets {

LatentScatter::LatentScatter(QWidget* parent) : RotatableView(QString(), 6.0, 3.0, parent) {
    setMinimumSize(200, 200);
    setMouseTracking(true);
}

QColor LatentScatter::classColour(int cls) {
    static const std::array<QColor, 10> c = {
        QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),   QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34),  QColor(23, 190, 207)};
    return c[std::size_t(((cls % 10) + 10) % 10)];
}

void LatentScatter::setData(std::vector<Point> points, std::vector<std::array<float, 3>> attractors,
                            QStringList classNames) {
    points_ = std::move(points);
    attractors_ = std::move(attractors);
    names_ = std::move(classNames);
    std::array<float, 3> lo{1e30f, 1e30f, 1e30f}, hi{-1e30f, -1e30f, -1e30f};
    auto grow = [&](const std::array<float, 3>& x) {
        for (int k = 0; k < 3; ++k) {
            lo[std::size_t(k)] = std::min(lo[std::size_t(k)], x[std::size_t(k)]);
            hi[std::size_t(k)] = std::max(hi[std::size_t(k)], x[std::size_t(k)]);
        }
    };
    for (const auto& p : points_) grow(p.x);
    for (const auto& a : attractors_) grow(a);
    extent_ = 1e-6f;
    for (std::size_t k = 0; k < 3; ++k) {
        centre_[k] = points_.empty() && attractors_.empty() ? 0.f : 0.5f * (lo[k] + hi[k]);
        extent_ = std::max(extent_, 0.5f * (hi[k] - lo[k]));
    }
    marked_ = hovered_ = -1;
    update();
}

void LatentScatter::setMarked(int index) {
    marked_ = index;
    update();
}

QPointF LatentScatter::project(const std::array<float, 3>& v, double* depth) const {
    const double x = (v[0] - centre_[0]) / extent_, y = (v[1] - centre_[1]) / extent_,
                 z = (v[2] - centre_[2]) / extent_;
    const Rotated r = rotate(x, y, z);
    if (depth) *depth = r.depth;
    const double scale = 0.36 * std::min(width(), height() - 24) * zoom();
    return {width() / 2.0 + r.across * scale, 24 + (height() - 24) / 2.0 - r.up * scale};
}

int LatentScatter::pointAt(QPointF pos, double radiusPx) const {
    int best = -1;
    double bestD = radiusPx * radiusPx;
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const QPointF d = project(points_[i].x) - pos;
        const double dd = d.x() * d.x() + d.y() * d.y();
        if (dd <= bestD) {
            bestD = dd;
            best = int(i);
        }
    }
    return best;
}

void LatentScatter::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor bg = isDark() ? QColor(22, 22, 28) : QColor(250, 250, 252);
    const QColor fg = isDark() ? QColor(215, 215, 220) : QColor(50, 50, 60);
    p.fillRect(rect(), bg);
    p.setPen(fg);
    p.drawText(QRect(0, 2, width(), 20), Qt::AlignHCenter | Qt::AlignVCenter, title());
    // Axes through the centre of the data, labelled x1, x2, x3.
    const std::array<const char*, 3> axisNames = {"x₁", "x₂", "x₃"};
    for (std::size_t k = 0; k < 3; ++k) {
        std::array<float, 3> a = centre_, b = centre_;
        a[k] -= extent_;
        b[k] += extent_ * 1.1f;
        p.setPen(QPen(QColor(fg.red(), fg.green(), fg.blue(), 110), 1));
        p.drawLine(project(a), project(b));
        p.setPen(fg);
        p.drawText(project(b), QString::fromUtf8(axisNames[k]));
    }
    std::vector<double> depth(points_.size());
    std::vector<QPointF> screen(points_.size());
    for (std::size_t i = 0; i < points_.size(); ++i) screen[i] = project(points_[i].x, &depth[i]);
    p.setPen(Qt::NoPen);
    for (std::size_t i : backToFront(depth)) {
        QColor c = classColour(points_[i].cls);
        c.setAlphaF(0.7);
        p.setBrush(c);
        p.drawEllipse(screen[i], 2.6, 2.6);
    }
    for (std::size_t l = 0; l < attractors_.size(); ++l) {
        const QPointF s = project(attractors_[l]);
        p.setPen(QPen(fg, 2));
        p.setBrush(classColour(int(l)));
        p.drawEllipse(s, 8, 8);
        p.drawText(
            s + QPointF(10, -8),
            tr("x̄ %1").arg(l < std::size_t(names_.size()) ? names_[int(l)] : QString::number(l)));
    }
    for (int i : {marked_, hovered_}) {
        if (i < 0 || i >= int(points_.size())) continue;
        p.setPen(QPen(fg, 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(screen[std::size_t(i)], 6, 6);
    }
    // Legend.
    int y = 30;
    for (int l = 0; l < names_.size(); ++l, y += 18) {
        p.setPen(Qt::NoPen);
        p.setBrush(classColour(l));
        p.drawEllipse(QPointF(14, y), 5, 5);
        p.setPen(fg);
        p.drawText(QPointF(24, y + 5), tr("digit %1").arg(names_[l]));
    }
}

void LatentScatter::hoverAt(QPointF pos) {
    const int i = pointAt(pos);
    if (i != hovered_) {
        hovered_ = i;
        update();
        if (i >= 0) emit pointHovered(i);
    }
}

void LatentScatter::clickedAt(QPointF pos) {
    const int i = pointAt(pos);
    if (i >= 0) {
        marked_ = i;
        update();
        emit pointClicked(i);
    }
}

}  // namespace as::widgets
