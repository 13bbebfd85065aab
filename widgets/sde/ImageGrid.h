#pragma once
// A grid of small images (28 x 28 by default) with a caption under each, one of them highlighted
// with a thick coloured frame: the planted attractors, highlighted = the predicted class. Values
// are mapped through the viridis map over one shared range. Clicking an image emits imageClicked.
#include <QColor>
#include <QStringList>
#include <vector>

#include "widgets/common/PlotWidget.h"

namespace as::widgets {

class ImageGrid : public PlotWidget {
    Q_OBJECT
  public:
    explicit ImageGrid(QWidget* parent = nullptr);

    /// images[k] holds w * h values (row-major); captions may be shorter (missing: none).
    void setImages(std::vector<std::vector<float>> images, int w, int h, QStringList captions = {});
    int count() const { return int(images_.size()); }
    /// The values shown as the darkest and brightest colour (default: the data's min and max).
    void setRange(double lo, double hi);
    void setAutoRange();
    /// Which image has the frame (-1: none).
    void setHighlighted(int index);
    int highlighted() const { return highlighted_; }
    void setHighlightColor(const QColor& c);
    /// Fixed number of columns (0: chosen from the widget's shape).
    void setColumns(int columns);
    /// The index under a widget position, or -1.
    int indexAt(QPointF p) const;
    QSize sizeHint() const override { return {360, 200}; }

  signals:
    void imageClicked(int index);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    struct Layout {
        int cols = 1, rows = 1;
        double cell = 1, pitchX = 1, pitchY = 1, x0 = 0, y0 = 0, captionH = 0;
    };
    Layout layout() const;
    void rebuildImages();

    std::vector<std::vector<float>> images_;
    std::vector<QImage> rendered_;
    QStringList captions_;
    int w_ = 28, h_ = 28, columns_ = 0, highlighted_ = -1;
    double lo_ = 0, hi_ = 1;
    bool autoRange_ = true;
    QColor highlight_{230, 97, 1};
};

}  // namespace as::widgets
