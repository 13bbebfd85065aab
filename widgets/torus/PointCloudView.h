#pragma once
// A rotatable, zoomable 3D view drawn with QPainter (no OpenGL, so it also works offscreen and
// under software rendering): coloured points (e.g. torus neurons above a threshold, or a donut's
// surface), polylines (paths) and a wire box. Orthographic projection after a yaw/pitch rotation
// (RotatableView); points are drawn back to front. Drag rotates, the wheel zooms.
#include <QColor>
#include <QString>
#include <vector>

#include "widgets/common/RotatableView.h"

namespace as::widgets {

class PointCloudView : public RotatableView {
    Q_OBJECT
  public:
    struct Point {
        float x, y, z;  ///< in the view's unit cube [-1, 1]^3
        float value;    ///< colour in [0, 1] through the colour map; also the size and opacity
    };
    struct Polyline {
        std::vector<Point> points;  ///< value ignored
        QColor colour;
        qreal width = 1.5;
    };

    explicit PointCloudView(const QString& title, QWidget* parent = nullptr);
    void setPoints(std::vector<Point> points);
    void setPolylines(std::vector<Polyline> lines);
    /// Draws the cube's edges and axis names (x, y, z) when true (default).
    void setBox(bool on);
    std::size_t pointCount() const { return points_.size(); }
    QSize sizeHint() const override { return {360, 320}; }

    /// Where a point of the cube [-1, 1]^3 is drawn (the whole cube fits below the title at zoom
    /// 1, whatever the rotation).
    QPointF project(float x, float y, float z, double* depth = nullptr) const;

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<Point> points_;
    std::vector<Polyline> lines_;
    bool box_ = true;
};

}  // namespace as::widgets
