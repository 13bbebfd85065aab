#pragma once
// Trajectories x_i(t) of a subset of pixels against time (the paper's Fig. 3-4), each polyline
// coloured by the value that pixel should reach at the target attractor: blue for 0, green for
// a_+, orange for a_- (values in between are blended). A dashed line marks a_+ (and a_- when it
// is set), a vertical line the current time.
#include <QString>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class PixelTrajectoryPlot : public PlotWidget {
    Q_OBJECT
  public:
    explicit PixelTrajectoryPlot(QWidget* parent = nullptr);

    /// t: sample times; traces[k][j] = x_{pixel k}(t[j]); targets[k]: the value pixel k should
    /// reach (its colour). Traces shorter than t are drawn as far as they go.
    void setData(std::vector<double> t, std::vector<std::vector<float>> traces,
                 std::vector<double> targets);
    /// The alphabet levels: a dashed line at aPlus (and at aMinus if it is > 0).
    void setLevels(double aPlus, double aMinus = 0.0);
    /// The time axis [t0, t1] (the run's horizon; the data fill it as time goes on).
    void setTimeRange(double t0, double t1);
    /// The vertical time cursor (NaN: none).
    void setCursorTime(double t);

    /// Curves drawn in the last paint (for tests).
    int drawnCurves() const { return drawn_; }
    int traceCount() const { return int(traces_.size()); }
    double yMin() const { return yLo_; }
    double yMax() const { return yHi_; }
    /// The colour a target value is drawn in.
    QColor colourFor(double target) const;
    QSize sizeHint() const override { return {480, 240}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    void updateRange();

    std::vector<double> t_;
    std::vector<std::vector<float>> traces_;
    std::vector<double> targets_;
    double aPlus_ = 1.0, aMinus_ = 0.0, t0_ = 0.0, t1_ = 1.0, cursor_;
    double yLo_ = 0.0, yHi_ = 1.0;
    int drawn_ = 0;
};

}  // namespace as::widgets
