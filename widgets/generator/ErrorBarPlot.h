#pragma once
// A small line plot with error bars drawn with QPainter: points (x, mean ± sd) joined by a line,
// an optional dashed horizontal reference line (e.g. a floor), axis titles and ticks.
#include <QString>
#include <QWidget>
#include <limits>
#include <vector>

namespace as::widgets {

class ErrorBarPlot : public QWidget {
    Q_OBJECT
  public:
    struct Point {
        double x = 0, y = 0, err = 0;
    };
    ErrorBarPlot(const QString& title, const QString& xTitle, const QString& yTitle,
                 QWidget* parent = nullptr);
    void setPoints(std::vector<Point> points);
    /// A dashed horizontal line at y with a label (NaN: none).
    void setReference(double y, const QString& label);
    void setTitle(const QString& title);
    void setDark(bool dark);
    const std::vector<Point>& points() const { return points_; }
    QSize sizeHint() const override { return {560, 380}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QString title_, xTitle_, yTitle_, refLabel_;
    std::vector<Point> points_;
    double ref_ = std::numeric_limits<double>::quiet_NaN();
    bool dark_ = false;
};

}  // namespace as::widgets
