#pragma once
// A raster of spiking populations over a scrolling time window, drawn into a QImage (one pixel
// write per spike, no item per spike), so 10^5 spikes per second redraw at the views' capped rate.
// Populations are stacked in horizontal bands, their heights in proportion to their sizes (with a
// minimum), each in its own colour; neuron i of a band sits at the fraction i / size of it.
#include <QColor>
#include <QImage>
#include <QString>
#include <QWidget>
#include <cstdint>
#include <vector>

namespace as::widgets {

class SpikeRaster : public QWidget {
    Q_OBJECT
  public:
    struct Population {
        QString name;
        int size = 0;
        QColor colour;
        std::vector<double> times;  ///< ms, any order
        std::vector<std::uint32_t> ids;
    };

    explicit SpikeRaster(QWidget* parent = nullptr);
    /// Shows the spikes with times in [t0, t1] (ms); populations top to bottom.
    void setData(double t0, double t1, std::vector<Population> pops);
    void setDark(bool dark);
    /// Spikes drawn in the last paint (for tests and the status bar).
    std::size_t drawnSpikes() const { return drawn_; }
    QSize sizeHint() const override { return {640, 300}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    void render();

    double t0_ = 0, t1_ = 1000;
    std::vector<Population> pops_;
    QImage image_;
    bool dirty_ = true, dark_ = false;
    std::size_t drawn_ = 0;
};

}  // namespace as::widgets
