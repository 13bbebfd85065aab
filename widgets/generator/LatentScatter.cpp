#include "widgets/generator/LatentScatter.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace as::widgets {

LatentScatter::LatentScatter(QWidget* parent) : QWidget(parent) {
    setMinimumSize(200, 200);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
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

void LatentScatter::setTitle(const QString& title) {
    title_ = title;
    update();
}

void LatentScatter::setRotation(double yawDeg, double pitchDeg) {
    yaw_ = yawDeg;
    pitch_ = std::clamp(pitchDeg, -89.0, 89.0);
    update();
}

void LatentScatter::setMarked(int index) {
    marked_ = index;
    update();
}

void LatentScatter::setDark(bool dark) {
    dark_ = dark;
    update();
}

QPointF LatentScatter::project(const std::array<float, 3>& v, double* depth) const {
    const double x = (v[0] - centre_[0]) / extent_, y = (v[1] - centre_[1]) / extent_,
                 z = (v[2] - centre_[2]) / extent_;
    const double ya = yaw_ * M_PI / 180, pa = pitch_ * M_PI / 180;
    const double x1 = x * std::cos(ya) - y * std::sin(ya);
    const double y1 = x * std::sin(ya) + y * std::cos(ya);
    if (depth) *depth = y1 * std::cos(pa) - z * std::sin(pa);
    const double sy = y1 * std::sin(pa) + z * std::cos(pa);
    const double scale = 0.36 * std::min(width(), height() - 24) * zoom_;
    return {width() / 2.0 + x1 * scale, 24 + (height() - 24) / 2.0 - sy * scale};
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
    const QColor bg = dark_ ? QColor(22, 22, 28) : QColor(250, 250, 252);
    const QColor fg = dark_ ? QColor(215, 215, 220) : QColor(50, 50, 60);
    p.fillRect(rect(), bg);
    p.setPen(fg);
    p.drawText(QRect(0, 2, width(), 20), Qt::AlignHCenter | Qt::AlignVCenter, title_);
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
    std::vector<std::size_t> order(points_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return depth[a] > depth[b]; });
    p.setPen(Qt::NoPen);
    for (std::size_t i : order) {
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

void LatentScatter::mousePressEvent(QMouseEvent* e) {
    press_ = last_ = e->position();
    dragging_ = false;
}

void LatentScatter::mouseMoveEvent(QMouseEvent* e) {
    if (e->buttons() & Qt::LeftButton) {
        const QPointF d = e->position() - last_;
        last_ = e->position();
        if ((e->position() - press_).manhattanLength() > 3) dragging_ = true;
        if (dragging_) {
            setCursor(Qt::ClosedHandCursor);
            setRotation(yaw_ + d.x() * 0.5, pitch_ + d.y() * 0.5);
        }
        return;
    }
    const int i = pointAt(e->position());
    if (i != hovered_) {
        hovered_ = i;
        update();
        if (i >= 0) emit pointHovered(i);
    }
}

void LatentScatter::mouseReleaseEvent(QMouseEvent* e) {
    setCursor(Qt::OpenHandCursor);
    if (!dragging_) {
        const int i = pointAt(e->position());
        if (i >= 0) {
            marked_ = i;
            update();
            emit pointClicked(i);
        }
    }
    dragging_ = false;
}

void LatentScatter::wheelEvent(QWheelEvent* e) {
    zoom_ = std::clamp(zoom_ * std::pow(1.0015, e->angleDelta().y()), 0.3, 6.0);
    update();
}

}  // namespace as::widgets
