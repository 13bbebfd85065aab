#include "widgets/torus/SliceHeatmap.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "widgets/common/Colormap.h"
#include "widgets/common/FittedText.h"

namespace as::widgets {

SliceHeatmap::SliceHeatmap(const QString& title, const QString& rowAxis, const QString& colAxis,
                           QWidget* parent)
    : PlotWidget(title, parent), rowAxis_(rowAxis), colAxis_(colAxis) {
    setMinimumSize(120, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);  // a click focuses the lab's views; unhandled keys (steering)
                                     // go to the lab
}

void SliceHeatmap::setData(const std::vector<float>& values, int rows, int cols, float vmax) {
    if (rows <= 0 || cols <= 0 || values.size() < std::size_t(rows) * std::size_t(cols)) return;
    if (image_.width() != cols || image_.height() != rows)
        image_ = QImage(cols, rows, QImage::Format_RGB32);
    const auto& map = Colormap::viridis();
    const float inv = vmax > 0 ? 1.0f / vmax : 0.0f;
    for (int r = 0; r < rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image_.scanLine(rows - 1 - r));  // row 0 at the bottom
        const float* src = values.data() + std::size_t(r) * std::size_t(cols);
        for (int c = 0; c < cols; ++c) line[c] = map.rgb(double(src[c] * inv));
    }
    rows_ = rows;
    cols_ = cols;
    update();
}

void SliceHeatmap::setMarker(int row, int col) {
    markRow_ = row;
    markCol_ = col;
    update();
}

void SliceHeatmap::setTarget(double rowFrac, double colFrac) {
    targetRow_ = rowFrac;
    targetCol_ = colFrac;
    update();
}

QRect SliceHeatmap::plotRect() const {
    const int top = 22, left = 22, bottom = 20, right = 8;
    const int side = std::max(10, std::min(width() - left - right, height() - top - bottom));
    return QRect(left + (width() - left - right - side) / 2, top, side, side);
}

void SliceHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QColor bg = dark_ ? QColor(30, 30, 34) : QColor(250, 250, 250);
    const QColor fg = dark_ ? QColor(220, 220, 220) : QColor(40, 40, 40);
    p.fillRect(rect(), bg);
    const QRect plot = plotRect();
    p.setPen(fg);
    drawFittedText(p, QRectF(0, 2, width(), 18), title_);
    if (!image_.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(plot, image_);
    }
    p.setPen(QPen(fg, 1));
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    p.drawText(QRect(plot.left(), plot.bottom() + 2, plot.width(), 16), Qt::AlignHCenter,
               colAxis_ + " →");
    p.save();
    p.translate(plot.left() - 6, plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-plot.height() / 2, -14, plot.height(), 16), Qt::AlignHCenter,
               rowAxis_ + " →");
    p.restore();
    if (rows_ > 0 && markRow_ >= 0 && markCol_ >= 0) {
        const double cw = double(plot.width()) / cols_, ch = double(plot.height()) / rows_;
        const double x = plot.left() + (markCol_ + 0.5) * cw;
        const double y = plot.bottom() + 1 - (markRow_ + 0.5) * ch;
        p.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DashLine));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    if (targetRow_ >= 0 && targetCol_ >= 0) {
        const double x = plot.left() + targetCol_ * plot.width();
        const double y = plot.bottom() + 1 - targetRow_ * plot.height();
        p.setPen(QPen(QColor(255, 80, 60), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(x, y), 6, 6);
    }
}

void SliceHeatmap::mousePressEvent(QMouseEvent* e) {
    const QRect plot = plotRect();
    const QPointF pos = e->position();
    if (!plot.contains(pos.toPoint())) return;
    const double col = (pos.x() - plot.left()) / plot.width();
    const double row = (plot.bottom() + 1 - pos.y()) / plot.height();
    emit clicked(std::clamp(row, 0.0, 0.999999), std::clamp(col, 0.0, 0.999999));
}

}  // namespace as::widgets
