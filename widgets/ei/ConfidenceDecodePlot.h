#pragma once
// Decoded position over time with each sample coloured by the readout confidence (seed 001
// Fig. 4A): a dot per sample, pale at low confidence, saturated at C = 1; the stimulus as a grey
// line. Drawn with QPainter directly (a few thousand points per frame).
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class ConfidenceDecodePlot : public PlotWidget {
    Q_OBJECT
  public:
    explicit ConfidenceDecodePlot(QWidget* parent = nullptr);
    /// t (ms), decoded and stimulus (rad, wrapped to (-pi, pi]), confidence in [0, 1]; equal
    /// lengths.
    void setData(std::vector<double> t, std::vector<double> decoded, std::vector<double> stimulus,
                 std::vector<double> confidence);
    /// Samples drawn in the last paint.
    std::size_t drawnPoints() const { return drawn_; }
    QSize sizeHint() const override { return {640, 180}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<double> t_, decoded_, stimulus_, confidence_;
    std::size_t drawn_ = 0;
};

}  // namespace as::widgets
