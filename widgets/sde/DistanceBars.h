#pragma once
// One vertical bar per class: the distance of the state to that class's attractor. The nearest
// (the prediction) is drawn in the highlight colour, the others in grey; each bar carries its
// value, each class its label underneath. The axis starts at 0 and grows in round steps, so the
// bars shrink visibly as the state falls into an attractor.
#include <QColor>
#include <QFont>
#include <QRectF>
#include <QStringList>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class DistanceBars : public PlotWidget {
    Q_OBJECT
  public:
    explicit DistanceBars(QWidget* parent = nullptr);

    /// Values (non-finite ones are drawn as "–"); labels default to 0, 1, 2, ...
    void setValues(std::vector<double> values, QStringList labels = {});
    const std::vector<double>& values() const { return values_; }
    /// The highlighted bar: the smallest finite value (-1 if none).
    int highlighted() const { return highlighted_; }
    void setHighlightColor(const QColor& c);
    /// Fixes the top of the axis (<= 0: automatic: a round number above the largest value seen
    /// since the last resetScale(); it only grows, so converging bars shrink visibly).
    void setFixedMax(double top);
    void resetScale();
    double axisMax() const { return fixedMax_ > 0 ? fixedMax_ : autoMax_; }
    QSize sizeHint() const override { return {360, 180}; }
    /// Where each bar's value is written (an empty rect: not written). When the values are wider
    /// than the bars' pitch only the highlighted one is written, so no two overlap.
    std::vector<QRectF> valueLabelRects() const;

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QRectF plotRect() const;
    QFont valueFont() const;
    std::vector<double> values_;
    QStringList labels_;
    int highlighted_ = -1;
    double fixedMax_ = 0, autoMax_ = 0;
    QColor highlight_{230, 97, 1};
};

}  // namespace as::widgets
