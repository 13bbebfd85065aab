#pragma once
// Eigenvalues in the complex plane (seed 002 Fig. 6): Re on the horizontal axis, Im on the
// vertical, the stable half-plane Re < 0 tinted, the imaginary axis drawn, each eigenvalue a dot
// coloured stable (Re < 0) or unstable (Re >= 0). An optional second set (another model, e.g.
// deterministic against stochastic as in Fig. 6 a/b) is drawn as rings in another colour, and
// optional markers (crosses) flag eigenvalues every spectrum shares. Autoscaled around all points
// and the origin. Hovering a point shows its value. Painted with QPainter, so it renders offscreen.
#include <QString>
#include <complex>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class SpectrumPlot : public PlotWidget {
    Q_OBJECT
  public:
    using Values = std::vector<std::complex<double>>;

    explicit SpectrumPlot(QWidget* parent = nullptr);

    /// The main set (filled dots) and its legend label.
    void setPrimary(Values values, const QString& label);
    /// The comparison set (rings); an empty vector removes it.
    void setComparison(Values values, const QString& label);
    /// Crosses at eigenvalues shared by every spectrum (Appendix A); empty removes them.
    void setMarkers(Values values, const QString& label);
    void clear();

    const Values& primary() const { return primary_; }
    const Values& comparison() const { return comparison_; }

    /// The plot area in widget pixels for the current size.
    QRectF plotRect() const;
    /// Data ranges currently shown (after autoscale).
    double reMin() const { return reMin_; }
    double reMax() const { return reMax_; }
    double imMin() const { return imMin_; }
    double imMax() const { return imMax_; }
    /// Pixel of a complex value in the current geometry.
    QPointF toPixel(std::complex<double> z) const;
    /// The hover text for a pixel position ("" when no point is within a few pixels).
    QString tooltipAt(QPointF pos) const;

    QSize sizeHint() const override { return {520, 400}; }
    QSize minimumSizeHint() const override { return {240, 180}; }

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

  private:
    void rescale();
    QFont plotFont() const;

    Values primary_, comparison_, markers_;
    QString primaryLabel_, comparisonLabel_, markersLabel_;
    double reMin_ = -2, reMax_ = 0.5, imMin_ = -1, imMax_ = 1;
};

}  // namespace as::widgets
