#pragma once
// A small square or rectangular matrix (e.g. the C x C Mahalanobis separations of seed 002 eq 19)
// as coloured cells with the viridis-like Colormap, row and column labels, the value written in
// each cell when it fits, and a colour bar. Optional log scale (non-positive entries are then drawn
// neutral grey). Hovering a cell shows its value. Painted with QPainter, so it renders offscreen.
#include <Eigen/Core>
#include <QStringList>
#include <optional>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class MatrixHeatmap : public PlotWidget {
    Q_OBJECT
  public:
    explicit MatrixHeatmap(QWidget* parent = nullptr);

    /// The matrix and its labels (default: 0, 1, 2, ...). NaN entries are drawn grey.
    void setMatrix(const Eigen::MatrixXd& m, QStringList rowLabels = {},
                   QStringList colLabels = {});
    void clear();
    /// Axis captions (e.g. "attractor l", "attractor m") and the colour bar's caption.
    void setAxisLabels(const QString& rows, const QString& cols, const QString& colour);
    void setLogScale(bool on);
    /// Draws the diagonal grey and leaves it out of the colour range (a distance matrix's zeros).
    void setDiagonalNeutral(bool on);
    bool logScale() const { return log_; }

    const Eigen::MatrixXd& matrix() const { return m_; }
    /// The colour scale's ends (data units) after the last setMatrix / setLogScale.
    double colourMin() const { return lo_; }
    double colourMax() const { return hi_; }
    /// A cell's rectangle in the current geometry (empty when out of range).
    QRectF cellRect(int row, int col) const;
    /// Whether value text is drawn in the cells at the current size.
    bool valuesShown() const;
    QString tooltipAt(QPointF pos) const;

    QSize sizeHint() const override { return {460, 400}; }
    QSize minimumSizeHint() const override { return {200, 180}; }

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;

  private:
    void rescale();
    QFont cellFont() const;
    /// The font for the value text, if the values fit the cells at all.
    std::optional<QFont> valueFont() const;
    QRectF gridRect() const;
    /// Position in [0, 1] on the colour scale, or NaN (grey).
    double scaled(double v) const;
    double scaledAt(int row, int col) const;
    QString valueText(double v) const;
    QString barText(double v) const;

    Eigen::MatrixXd m_;
    QStringList rows_, cols_;
    QString rowAxis_, colAxis_, colourAxis_;
    double lo_ = 0, hi_ = 1;
    bool log_ = false, neutralDiagonal_ = false;
};

}  // namespace as::widgets
