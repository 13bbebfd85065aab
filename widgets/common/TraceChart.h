#pragma once
// A Qt Charts view of a few named traces against time. Data is set from vectors with
// QLineSeries::replace() (one call per series per frame); the axes carry titles with units and
// range automatically to the data unless a fixed y range is given. Ticks come from TickFormatter
// (round steps, fixed-point labels, an x title with "(ms)" switching to "(s)" from 10^6 ms), as
// many as fit the plot, so no label is ever elided; they follow the plot's size and fonts.
#include <QChartView>
#include <QColor>
#include <QString>
#include <array>
#include <vector>

#include "widgets/common/TickFormatter.h"

class QCategoryAxis;
class QLineSeries;

namespace as::widgets {

class TraceChart : public QChartView {
    Q_OBJECT
  public:
    TraceChart(const QString& title, const QString& xTitle, const QString& yTitle,
               QWidget* parent = nullptr);
    /// Adds a series; returns its index.
    int addSeries(const QString& name, const QColor& colour, qreal width = 2.0);
    /// Replaces the points of one series (x and y of equal length; extra entries are ignored).
    void setSeriesData(int series, const std::vector<double>& x, const std::vector<double>& y);
    /// Fixes the y range (auto-range otherwise).
    void setFixedYRange(double lo, double hi);
    /// Chooses a light or dark chart theme.
    void setDark(bool dark);

    int seriesCount() const { return int(series_.size()); }
    int pointCount(int series) const;
    /// The tick labels shown (tests, figure checks).
    QStringList xTickLabels() const { return xTicks_.labels; }
    QStringList yTickLabels() const { return yTicks_.labels; }
    QString xTitle() const;
    QSize sizeHint() const override { return {420, 200}; }
    /// Room for the title, the legend, two lines of tick labels, the axis titles and a plot, in
    /// the chart's fonts: squeezed below it Qt Charts would elide the tick labels ("...").
    QSize minimumSizeHint() const override;

  protected:
    void changeEvent(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

  private:
    bool dark_ = false;
    void rescale();
    /// Ticks that fit the plot for the axes' current ranges; categories rebuilt when they change.
    void updateTicks();
    /// The title at its size, or smaller (down to 60 %) where the chart is too narrow for it.
    void fitTitle();
    void setAxisTicks(QCategoryAxis* axis, Ticks& shown, Ticks next);
    std::vector<QLineSeries*> series_;
    std::vector<QColor> colours_;
    QCategoryAxis* xAxis_;
    QCategoryAxis* yAxis_;
    QString xTitleMs_;  ///< the x title as given (with "(ms)" for a time axis)
    AxisUnit xUnit_ = AxisUnit::Plain;
    Ticks xTicks_, yTicks_;
    bool updatingTicks_ = false;
    bool fixedY_ = false;
    double yLo_ = 0, yHi_ = 1;
    std::vector<std::array<double, 4>> extents_;
};

}  // namespace as::widgets
