#pragma once
// A 2D grid of values (a slice of a lattice, or a sheet) drawn as a heatmap with QPainter, with a
// title, axis names and an optional cross-hair (the bump centre). Works offscreen. A click emits
// the clicked cell as fractions of the width and height (for steering).
#include <QImage>
#include <QString>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class SliceHeatmap : public PlotWidget {
    Q_OBJECT
  public:
    explicit SliceHeatmap(const QString& title, const QString& rowAxis, const QString& colAxis,
                          QWidget* parent = nullptr);
    /// rows x cols values, row-major (row 0 drawn at the bottom); colours scale to [0, vmax].
    void setData(const std::vector<float>& values, int rows, int cols, float vmax);
    /// Cross-hair at (row, col); negative hides it.
    void setMarker(int row, int col);
    /// A second marker (e.g. the input position) drawn as a ring.
    void setTarget(double rowFrac, double colFrac);
    int rows() const { return rows_; }
    int cols() const { return cols_; }
    QSize sizeHint() const override { return {260, 260}; }
    QSize minimumSizeHint() const override { return {120, 120}; }

  signals:
    /// Click at fractions (row from the bottom, col from the left) in [0, 1).
    void clicked(double rowFrac, double colFrac);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRect plotRect() const;
    QString rowAxis_, colAxis_;
    QImage image_;
    int rows_ = 0, cols_ = 0, markRow_ = -1, markCol_ = -1;
    double targetRow_ = -1, targetCol_ = -1;
};

}  // namespace as::widgets
