#pragma once
// Curves with error bars: one line with markers per curve, a vertical bar of +- std at each point
// (none where std is NaN or 0), a legend, titled axes with round ticks (TickFormatter), and an
// optional dashed reference line (a floor). Used by File → Open Sweep and the Generator lab's
// Noise page. The x axis can carry text
// labels instead of numbers (a parameter such as a protocol name). Painted by hand, so it exports
// to PNG, SVG and PDF as drawn (widgets/common/FigureExport).
#include <QString>
#include <QStringList>
#include <limits>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class ErrorBarPlot : public PlotWidget {
    Q_OBJECT
  public:
    struct Curve {
        QString name;
        std::vector<double> x, y, err;  ///< err: half the bar's height (NaN: no bar)
    };
    explicit ErrorBarPlot(QWidget* parent = nullptr);

    void setCurves(std::vector<Curve> curves);
    const std::vector<Curve>& curves() const { return curves_; }
    void setTitles(const QString& title, const QString& xTitle, const QString& yTitle);
    /// Text under the x ticks at 0, 1, 2, ... (empty: numbers).
    void setXLabels(const QStringList& labels);
    /// A dashed horizontal reference line at y with its label (NaN: none), e.g. a floor.
    void setReference(double y, const QString& label);
    double reference() const { return ref_; }
    /// The colour of curve i (the legend's and the export's).
    static QColor curveColor(int i);

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {240, 180}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<Curve> curves_;
    QString xTitle_, yTitle_;
    QStringList xLabels_;
    QString refLabel_;
    double ref_ = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace as::widgets
