#pragma once
// What the rotatable 3D views share (torus/PointCloudView, generator/LatentScatter): a title, a
// light or dark theme, a yaw/pitch rotation and a zoom. QPainter only (works offscreen). z is up on
// screen; yaw turns about z, pitch tilts the view towards the viewer; a derived view projects the
// rotated point (rotate()) orthographically to its own scale and draws back to front
// (backToFront()). Dragging with the left button rotates (rotateBy()), the wheel zooms. A press
// that moves no further than the drag threshold before its release is a click (clickedAt()); a
// move with no button pressed is a hover (hoverAt(), with mouse tracking on).
#include <QPointF>
#include <QString>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class RotatableView : public PlotWidget {
    Q_OBJECT
  public:
    /// Angles in degrees; the pitch is held within [-89, 89].
    void setRotation(double yawDeg, double pitchDeg);
    double yaw() const { return yaw_; }
    double pitch() const { return pitch_; }
    double zoom() const { return zoom_; }

  protected:
    /// maxZoom: the wheel zooms within [0.3, maxZoom]. dragThreshold: how far (Manhattan
    /// pixels) a press must move before it rotates; 0 rotates from the press on.
    RotatableView(const QString& title, double maxZoom, double dragThreshold, QWidget* parent);

    /// A point after the rotation: across the screen (right), up the screen, and depth (larger =
    /// farther from the viewer).
    struct Rotated {
        double across, up, depth;
    };
    Rotated rotate(double x, double y, double z) const;
    /// The indices of `depth`, farthest first (the order to draw in).
    static std::vector<std::size_t> backToFront(const std::vector<double>& depth);
    /// A drag by `mouseDelta` pixels: half a degree of yaw and pitch a pixel.
    void rotateBy(QPointF mouseDelta);

    /// A click (press and release without a drag) at widget position p; nothing by default.
    virtual void clickedAt(QPointF) {}
    /// The pointer at p with no button pressed; nothing by default.
    virtual void hoverAt(QPointF) {}

    void wheelEvent(QWheelEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

  private:
    double yaw_ = 35.0, pitch_ = 25.0, zoom_ = 1.0;
    double maxZoom_, dragThreshold_;
    QPointF press_, last_;
    bool dragging_ = false;
};

}  // namespace as::widgets
