#pragma once
// A small image (28 x 28 by default) drawn as square cells, in two modes:
//  - editable: a drawing pad with a soft round brush (left button paints, right button erases),
//    values in [0, 1] shown white on black like MNIST; emits imageChanged() while a stroke runs
//    and strokeFinished() when the button is released;
//  - display-only: any values (the evolving state x(t)) mapped through a colour map over a range.
#include <QString>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class DigitCanvas : public PlotWidget {
    Q_OBJECT
  public:
    enum class ColorMap { Grey, Viridis };

    explicit DigitCanvas(QWidget* parent = nullptr);

    /// Replaces the image (w * h values, row-major); sizes mismatch -> a blank w x h image.
    void setImage(const std::vector<float>& pixels, int w = 28, int h = 28);
    const std::vector<float>& image() const { return pixels_; }
    int imageWidth() const { return w_; }
    int imageHeight() const { return h_; }
    /// All pixels to 0 (emits imageChanged and strokeFinished if editable).
    void clear();

    void setEditable(bool editable);
    bool isEditable() const { return editable_; }
    /// Brush radius in cells (default 1.4) and ink added per dab at the centre (default 0.9).
    void setBrush(double radiusCells, double strength);
    /// The values shown as the darkest and brightest colour (default [0, 1]).
    void setRange(double lo, double hi);
    void setColorMap(ColorMap m);
    /// A line of text above the image (empty: none).
    void setCaption(const QString& text);
    QString caption() const { return caption_; }

    /// Sum of all pixel values (handy for tests and "is anything drawn").
    double ink() const;
    QSize sizeHint() const override { return {220, 240}; }
    QSize minimumSizeHint() const override { return {84, 96}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;

  signals:
    void imageChanged();
    void strokeFinished();

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

  private:
    QRectF imageRect() const;
    /// Paints (or erases) one dab at widget position p; returns whether any pixel changed.
    bool dab(QPointF p, bool erase);
    /// Dabs along the segment from the last position to p, spaced by a fraction of the radius.
    bool strokeTo(QPointF p, bool erase);
    /// After a dab or stroke: repaints and emits imageChanged() when a pixel changed.
    void inked(bool changed);

    std::vector<float> pixels_;
    int w_ = 28, h_ = 28;
    bool editable_ = false, drawing_ = false, erasing_ = false;
    double radius_ = 1.4, strength_ = 0.9, lo_ = 0.0, hi_ = 1.0;
    ColorMap map_ = ColorMap::Grey;
    QString caption_;
    QPointF last_;
};

}  // namespace as::widgets
