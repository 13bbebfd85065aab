#include "widgets/sde/ImageGrid.h"

#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/common/Colormap.h"
#include "widgets/common/FittedText.h"

namespace as::widgets {

ImageGrid::ImageGrid(QWidget* parent) : PlotWidget(parent) {
    setMinimumSize(160, 90);
}

void ImageGrid::setImages(std::vector<std::vector<float>> images, int w, int h,
                          QStringList captions) {
    images_ = std::move(images);
    w_ = std::max(1, w);
    h_ = std::max(1, h);
    captions_ = std::move(captions);
    if (highlighted_ >= count()) highlighted_ = -1;
    rebuildImages();
    update();
}

void ImageGrid::setRange(double lo, double hi) {
    autoRange_ = false;
    lo_ = lo;
    hi_ = hi > lo ? hi : lo + 1.0;
    rebuildImages();
    update();
}

void ImageGrid::setAutoRange() {
    autoRange_ = true;
    rebuildImages();
    update();
}

void ImageGrid::setHighlighted(int index) {
    const int i = index >= 0 && index < count() ? index : -1;
    if (i == highlighted_) return;
    highlighted_ = i;
    update();
}

void ImageGrid::setHighlightColor(const QColor& c) {
    highlight_ = c;
    update();
}

void ImageGrid::setColumns(int columns) {
    columns_ = std::max(0, columns);
    update();
}

void ImageGrid::rebuildImages() {
    double lo = lo_, hi = hi_;
    if (autoRange_) {
        lo = 0.0;  // images of non-negative states: keep 0 dark
        hi = 0.0;
        for (const auto& im : images_)
            for (float v : im)
                if (std::isfinite(v)) {
                    lo = std::min(lo, double(v));
                    hi = std::max(hi, double(v));
                }
        if (!(hi > lo)) hi = lo + 1.0;
    }
    const Colormap& map = Colormap::viridis();
    rendered_.clear();
    for (const auto& im : images_) {
        QImage img(w_, h_, QImage::Format_RGB32);
        const bool ok = im.size() == std::size_t(w_) * std::size_t(h_);
        for (int y = 0; y < h_; ++y) {
            auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
            for (int x = 0; x < w_; ++x) {
                const double v = ok ? im[std::size_t(y) * std::size_t(w_) + std::size_t(x)] : 0.0;
                line[x] = map.rgb(std::isfinite(v) ? (v - lo) / (hi - lo) : 0.0);
            }
        }
        rendered_.push_back(img);
    }
}

ImageGrid::Layout ImageGrid::layout() const {
    Layout L;
    const int n = std::max(1, count());
    const double titleH = title_.isEmpty() ? 0 : fontMetrics().height() + 4;
    L.captionH = captions_.isEmpty() ? 2 : fontMetrics().height() + 2;
    const double W = width() - 4, H = height() - titleH - 4;
    const double gap = 6;
    // Pick the column count that makes the cells largest (or the fixed one).
    double best = -1;
    for (int cols = 1; cols <= n; ++cols) {
        if (columns_ > 0 && cols != columns_) continue;
        const int rows = (n + cols - 1) / cols;
        const double cw = (W - gap * (cols - 1)) / cols;
        const double ch = (H - rows * L.captionH - gap * (rows - 1)) / rows;
        const double cell = std::min(cw / w_, ch / h_);
        if (cell > best) {
            best = cell;
            L.cols = cols;
            L.rows = rows;
        }
    }
    L.cell = std::max(0.5, best);
    L.pitchX = L.cell * w_ + gap;
    L.pitchY = L.cell * h_ + L.captionH + gap;
    const double usedW = L.cols * L.pitchX - gap, usedH = L.rows * L.pitchY - gap;
    L.x0 = (width() - usedW) / 2.0;
    L.y0 = titleH + 2 + std::max(0.0, (H - usedH) / 2.0);
    return L;
}

int ImageGrid::indexAt(QPointF p) const {
    const Layout L = layout();
    const int c = int(std::floor((p.x() - L.x0) / L.pitchX)),
              r = int(std::floor((p.y() - L.y0) / L.pitchY));
    if (c < 0 || c >= L.cols || r < 0 || r >= L.rows) return -1;
    const int i = r * L.cols + c;
    return i < count() ? i : -1;
}

void ImageGrid::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(20, 22, 26) : palette().color(QPalette::Window);
    const QColor fg = dark_ ? QColor(220, 220, 220) : palette().color(QPalette::WindowText);
    g.fillRect(rect(), bg);
    g.setPen(fg);
    if (!title_.isEmpty())
        drawFittedText(g, QRectF(0, 0, width(), fontMetrics().height() + 4), title_);
    const Layout L = layout();
    for (int i = 0; i < count(); ++i) {
        const int r = i / L.cols, c = i % L.cols;
        const QRectF cellRect(L.x0 + c * L.pitchX, L.y0 + r * L.pitchY, L.cell * w_, L.cell * h_);
        g.setRenderHint(QPainter::SmoothPixmapTransform, false);
        g.drawImage(cellRect, rendered_[std::size_t(i)]);
        const bool hi = i == highlighted_;
        if (hi) {
            g.setRenderHint(QPainter::Antialiasing, true);
            g.setPen(QPen(highlight_, 3.5));
            g.setBrush(Qt::NoBrush);
            g.drawRect(cellRect.adjusted(-2, -2, 2, 2));
            g.setRenderHint(QPainter::Antialiasing, false);
        }
        if (i < captions_.size()) {
            QFont f = font();
            f.setBold(hi);
            g.setFont(f);
            g.setPen(hi ? highlight_ : fg);
            g.drawText(QRectF(cellRect.left() - 10, cellRect.bottom() + 1, cellRect.width() + 20,
                              L.captionH),
                       Qt::AlignHCenter | Qt::AlignTop, captions_[i]);
            g.setFont(font());
        }
    }
}

void ImageGrid::mousePressEvent(QMouseEvent* e) {
    const int i = indexAt(e->position());
    if (i >= 0 && e->button() == Qt::LeftButton) emit imageClicked(i);
    QWidget::mousePressEvent(e);
}

}  // namespace as::widgets
