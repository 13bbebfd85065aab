#include "widgets/common/RotatableView.h"

#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace as::widgets {

RotatableView::RotatableView(const QString& title, double maxZoom, QWidget* parent)
    : PlotWidget(title, parent), maxZoom_(maxZoom) {
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

}  // namespace as::widgets
