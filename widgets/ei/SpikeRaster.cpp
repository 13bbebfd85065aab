#include "widgets/ei/SpikeRaster.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/common/TickFormatter.h"

namespace as::widgets {

namespace {
constexpr int kLeft = 34, kBottom = 18, kTop = 4, kRight = 6;
}

SpikeRaster::SpikeRaster(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(240, 90);
}

void SpikeRaster::setData(double t0, double t1, std::vector<Population> pops) {
    t0_ = t0;
    t1_ = t1 > t0 ? t1 : t0 + 1;
    pops_ = std::move(pops);
    dirty_ = true;
    update();
}

void SpikeRaster::setDark(bool dark) {
    dark_ = dark;
    dirty_ = true;
    update();
}

void SpikeRaster::render() {
    const QSize sz = size() * devicePixelRatioF();
    if (image_.size() != sz) image_ = QImage(sz, QImage::Format_RGB32);
    image_.fill(dark_ ? QColor(20, 22, 26) : Qt::white);
    const double dpr = devicePixelRatioF();
    const int x0 = int(kLeft * dpr), x1 = sz.width() - int(kRight * dpr);
    const int y0 = int(kTop * dpr), y1 = sz.height() - int(kBottom * dpr);
    const int W = std::max(1, x1 - x0), H = std::max(1, y1 - y0);
    double total = 0;
    for (const auto& p : pops_) total += std::max(0.12 * 1000, double(p.size));  // min band share
    drawn_ = 0;
    double yStart = y0;
    for (const auto& p : pops_) {
        const double band = H * std::max(0.12 * 1000, double(p.size)) / std::max(total, 1.0);
        const QRgb c = p.colour.rgb();
        const double sx = W / (t1_ - t0_);
        const double sy = p.size > 0 ? (band - 1) / p.size : 0;
        for (std::size_t k = 0; k < p.times.size(); ++k) {
            const double t = p.times[k];
            if (t < t0_ || t > t1_) continue;
            const int x = x0 + int((t - t0_) * sx);
            const int y = int(yStart + p.ids[k] * sy);
            if (x < x0 || x >= x1 || y < y0 || y >= y1) continue;
            auto* line = reinterpret_cast<QRgb*>(image_.scanLine(y));
            line[x] = c;
            if (x + 1 < x1) line[x + 1] = c;  // 2 px wide: visible on high-DPI screens
            ++drawn_;
        }
        yStart += band;
    }
    dirty_ = false;
}

void SpikeRaster::paintEvent(QPaintEvent*) {
    if (dirty_ || image_.size() != size() * devicePixelRatioF()) render();
    QPainter g(this);
    QImage img = image_;
    img.setDevicePixelRatio(devicePixelRatioF());
    g.drawImage(0, 0, img);
    const QColor text = dark_ ? QColor(220, 220, 220) : QColor(40, 40, 40);
    g.setPen(text);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    g.setFont(f);
    const int H = height() - kBottom - kTop;
    double total = 0;
    for (const auto& p : pops_) total += std::max(0.12 * 1000, double(p.size));
    double y = kTop;
    for (const auto& p : pops_) {
        const double band = H * std::max(0.12 * 1000, double(p.size)) / std::max(total, 1.0);
        g.setPen(p.colour);
        g.drawText(QRectF(0, y, kLeft - 4, band), Qt::AlignRight | Qt::AlignVCenter, p.name);
        g.setPen(QColor(128, 128, 128, 90));
        g.drawLine(QPointF(kLeft, y + band), QPointF(width() - kRight, y + band));
        y += band;
    }
    g.setPen(text);
    g.drawText(QRectF(kLeft, height() - kBottom, 120, kBottom), Qt::AlignLeft | Qt::AlignVCenter,
               TickFormatter::timeText(t0_));
    g.drawText(QRectF(width() - kRight - 120, height() - kBottom, 120, kBottom),
               Qt::AlignRight | Qt::AlignVCenter, TickFormatter::timeText(t1_));
}

}  // namespace as::widgets
