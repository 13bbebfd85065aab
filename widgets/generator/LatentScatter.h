#pragma once
// A rotatable 3D scatter of latent states coloured by class (ten distinct colours), with the
// attractors drawn as large ringed markers and a legend; QPainter only (works offscreen).
// Orthographic projection after yaw and pitch (RotatableView); drag rotates, the wheel zooms.
// Hovering or clicking a point emits pointHovered / pointClicked with its index (the nearest point
// within a few pixels).
#include <QColor>
#include <QString>
#include <QStringList>
#include <array>
#include <vector>

#include "widgets/common/RotatableView.h"

namespace as::widgets {

class LatentScatter : public RotatableView {
    Q_OBJECT
  public:
    struct Point {
        std::array<float, 3> x;  ///< data coordinates
        int cls = 0;
    };
    explicit LatentScatter(QWidget* parent = nullptr);

    /// Points and attractors (one per class, in class order); the view fits their extent.
    void setData(std::vector<Point> points, std::vector<std::array<float, 3>> attractors,
                 QStringList classNames);
    void setMarked(int index);  ///< a point drawn with a ring (-1: none)
    int pointAt(QPointF pos, double radiusPx = 6) const;
    std::size_t pointCount() const { return points_.size(); }
    static QColor classColour(int cls);
    QSize sizeHint() const override { return {520, 480}; }

  signals:
    void pointHovered(int index);
    void pointClicked(int index);

  protected:
    void paintEvent(QPaintEvent*) override;
    void hoverAt(QPointF pos) override;
    void clickedAt(QPointF pos) override;

  private:
    QPointF project(const std::array<float, 3>& x, double* depth = nullptr) const;

    std::vector<Point> points_;
    std::vector<std::array<float, 3>> attractors_;
    QStringList names_;
    std::array<float, 3> centre_{0, 0, 0};
    float extent_ = 1;
    int marked_ = -1, hovered_ = -1;
};

}  // namespace as::widgets
