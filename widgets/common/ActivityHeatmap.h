#pragma once
// The "bump transition diagram": firing rate over neuron position (vertical, -pi..pi) and time
// (horizontal, oldest left, newest right), coloured with the viridis-like Colormap, with a colour
// bar giving the scale. Painted from a QImage built once per new snapshot.
#include <QImage>
#include <QWidget>
#include <memory>

#include "cann/RingSnapshot.h"

namespace as::widgets {

class ActivityHeatmap : public QWidget {
    Q_OBJECT
  public:
    explicit ActivityHeatmap(QWidget* parent = nullptr);
    void setSnapshot(std::shared_ptr<const as::RingSnapshot> s);
    /// Sets the data directly: rows x cols row-major, oldest row first, times in ms.
    void setData(const std::vector<float>& rows, std::size_t nRows, double t0, double t1);
    /// Upper end of the colour scale (the current maximum of the data, rounded up).
    double colourMax() const { return vmax_; }
    QSize sizeHint() const override { return {520, 260}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QImage image_;
    double t0_ = 0, t1_ = 0, vmax_ = 1;
    std::size_t rows_ = 0, cols_ = 0;
};

}  // namespace as::widgets
