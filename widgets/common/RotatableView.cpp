#include "widgets/common/RotatableView.h"

#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace as::widgets {

RotatableView::RotatableView(const QString& title, double maxZoom, double dragThreshold,
                             QWidget* parent)
    : PlotWidget(title, parent), maxZoom_(maxZoom), dragThreshold_(dragThreshold) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
}

void RotatableView::setRotation(double yawDeg, double pitchDeg) {
    yaw_ = yawDeg;
    pitch_ = std::clamp(pitchDeg, -89.0, 89.0);
    update();
}

RotatableView::Rotated RotatableView::rotate(double x, double y, double z) const {
    const double ya = yaw_ * M_PI / 180, pa = pitch_ * M_PI / 180;
    const double x1 = x * std::cos(ya) - y * std::sin(ya);
    const double y1 = x * std::sin(ya) + y * std::cos(ya);
    return {x1, y1 * std::sin(pa) + z * std::cos(pa), y1 * std::cos(pa) - z * std::sin(pa)};
}

std::vector<std::size_t> RotatableView::backToFront(const std::vector<double>& depth) {
    std::vector<std::size_t> order(depth.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return depth[a] > depth[b]; });
    return order;
}

void RotatableView::rotateBy(QPointF mouseDelta) {
    setRotation(yaw_ + mouseDelta.x() * 0.5, pitch_ + mouseDelta.y() * 0.5);
}

void RotatableView::wheelEvent(QWheelEvent* e) {
    zoom_ = std::clamp(zoom_ * std::pow(1.0015, e->angleDelta().y()), 0.3, maxZoom_);
    update();
}

void RotatableView::mousePressEvent(QMouseEvent* e) {
    press_ = last_ = e->position();
    dragging_ = dragThreshold_ <= 0;
    if (dragging_) setCursor(Qt::ClosedHandCursor);
}

void RotatableView::mouseMoveEvent(QMouseEvent* e) {
    if (!(e->buttons() & Qt::LeftButton)) {
        hoverAt(e->position());
        return;
    }
    const QPointF d = e->position() - last_;
    last_ = e->position();
    if (!dragging_ && (e->position() - press_).manhattanLength() > dragThreshold_) {
        dragging_ = true;
        setCursor(Qt::ClosedHandCursor);
    }
    if (dragging_) rotateBy(d);
}

void RotatableView::mouseReleaseEvent(QMouseEvent* e) {
    setCursor(Qt::OpenHandCursor);
    if (!dragging_) clickedAt(e->position());
    dragging_ = false;
}

}  // namespace as::widgets
