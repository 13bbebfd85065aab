#pragma once
// The ring CANN drawn as a circle: the firing-rate profile r(x) as a filled polygon around it
// (radius grows with r / scale), a tick ring at the neuron positions, the stimulus (filled circle,
// hollow when off) and the decoded position (diamond on a line from the centre), and a legend.
// Angles: x in [-pi, pi), 0 at the right, counter-clockwise. Pressing or dragging the mouse emits
// stimulusDragged(angle) so the owner can move the stimulus.
#include <QWidget>
#include <memory>

#include "cann/RingSnapshot.h"

namespace as::widgets {

class RingView : public QWidget {
    Q_OBJECT
  public:
    explicit RingView(QWidget* parent = nullptr);
    void setSnapshot(std::shared_ptr<const as::RingSnapshot> s);
    std::shared_ptr<const as::RingSnapshot> snapshot() const { return snap_; }

    /// Screen point of angle x (rad) at a radius given as a fraction of the ring radius.
    QPointF pointAt(double x, double radiusFraction = 1.0) const;
    /// Angle (rad, in (-pi, pi]) of a widget point as seen from the centre.
    double angleAt(const QPointF& p) const;
    bool dragging() const { return dragging_; }

    QSize sizeHint() const override { return {560, 560}; }
    QSize minimumSizeHint() const override { return {220, 220}; }

  signals:
    void stimulusDragged(double zRad);
    void dragStarted();
    void dragFinished();

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;

  private:
    QPointF centre() const;
    double ringRadius() const;
    double profileScale();
    void drawLegend(QPainter& p);

    std::shared_ptr<const as::RingSnapshot> snap_;
    double scale_ = 0.0;  // smoothed r scale, so the profile does not flicker
    bool dragging_ = false;
};

}  // namespace as::widgets
