#include "widgets/common/ActivityHeatmap.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/common/Colormap.h"
#include "widgets/common/FittedText.h"
#include "widgets/common/PresentationScale.h"
#include "widgets/common/TickFormatter.h"

namespace as::widgets {
namespace {

/// A "nice" number >= v (1, 2, 2.5, 5 x 10^k).
double niceCeil(double v) {
    if (!(v > 0) || !std::isfinite(v)) return 1.0;
    const double e = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * e >= v * 0.999) return m * e;
    return 10 * e;
}

}  // namespace

ActivityHeatmap::ActivityHeatmap(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ActivityHeatmap::setSnapshot(std::shared_ptr<const as::RingSnapshot> s) {
    if (!s) return;
    setData(s->activity, s->activityRows, s->activityT0, s->activityT1);
}

void ActivityHeatmap::setData(const std::vector<float>& data, std::size_t nRows, double t0,
                              double t1) {
    rows_ = nRows;
    cols_ = nRows ? data.size() / nRows : 0;
    t0_ = t0;
    t1_ = t1;
    if (rows_ == 0 || cols_ == 0) {
        image_ = QImage();
        update();
        return;
    }
    float mx = 0;
    for (float v : data)
        if (std::isfinite(v)) mx = std::max(mx, v);
    // Rescale only on a clear change, so colours stay comparable frame to frame.
    const double nice = niceCeil(mx);
    if (nice > vmax_ || nice < 0.5 * vmax_) vmax_ = nice;
    // Image: x = time row, y = neuron (top = +pi).
    image_ = QImage(int(rows_), int(cols_), QImage::Format_RGB32);
    const auto& lut = Colormap::viridis().table();
    const float inv = float(255.0 / vmax_);
    for (std::size_t c = 0; c < cols_; ++c) {
        auto* line = reinterpret_cast<QRgb*>(image_.scanLine(int(cols_ - 1 - c)));
        for (std::size_t r = 0; r < rows_; ++r) {
            float v = data[r * cols_ + c] * inv;
            if (!(v > 0)) v = 0;
            line[r] = lut[std::size_t(std::min(v, 255.0f))];
        }
    }
    update();
}

void ActivityHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QColor fg = palette().color(QPalette::Text);
    QFont f = font();
    f.setPointSizeF(presentationScale() * std::clamp(height() / 28.0, 7.5, 10.5));
    p.setFont(f);
    const QFontMetricsF fm(f);

    const double left = fm.horizontalAdvance("\u2212\u03c0/2") + fm.height() + 12;
    // Colour bar labels at 0, vmax / 2 and vmax, with the decimals a quarter of vmax needs.
    QStringList barLabels{QStringLiteral("0")};
    for (double frac : {0.5, 1.0})
        barLabels << TickFormatter::format(frac * vmax_, TickFormatter::niceStep(vmax_, 4));
    double right = 0;
    for (const QString& l : barLabels) right = std::max(right, fm.horizontalAdvance(l) + 38);
    right = std::max(right, fm.horizontalAdvance("0.000") + 44);
    const double top = fm.height() * 1.4, bottom = fm.height() * 2.6;
    const QRectF plot(left, top, std::max(10.0, width() - left - right),
                      std::max(10.0, height() - top - bottom));

    p.setPen(fg);
    drawFittedText(p, QRectF(0, 0, width(), top),
                   tr("Activity r(x, t) \u2014 bump transition diagram"));

    if (!image_.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(plot, image_);
    } else {
        p.fillRect(plot, palette().alternateBase());
        p.drawText(plot, Qt::AlignCenter, tr("no activity recorded yet"));
    }
    p.setPen(QPen(fg, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);

    // Vertical axis: neuron position.
    const struct {
        double x;
        const char* t;
    } ys[] = {
        {-1, "\u2212\u03c0"}, {-0.5, "\u2212\u03c0/2"}, {0, "0"}, {0.5, "\u03c0/2"}, {1, "\u03c0"}};
    for (const auto& y : ys) {
        const double py = plot.bottom() - (y.x + 1) / 2 * plot.height();
        p.drawLine(QPointF(plot.left() - 4, py), QPointF(plot.left(), py));
        p.drawText(QRectF(0, py - fm.height() / 2, plot.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::fromUtf8(y.t));
    }
    p.save();
    p.translate(fm.height() * 0.6, plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-plot.height() / 2, -fm.height() / 2, plot.height(), fm.height()),
               Qt::AlignCenter, tr("neuron position x (rad)"));
    p.restore();

    // Horizontal axis: time (ms).
    if (t1_ > t0_) {
        const Ticks ticks = TickFormatter::fitTicks(
            t0_, t1_, std::max(2, int(plot.width() / 80)), AxisUnit::Plain, plot.width(), 8,
            [&](const QString& l) { return double(fm.horizontalAdvance(l)); });
        for (std::size_t k = 0; k < ticks.values.size(); ++k) {
            const double px = plot.left() + (ticks.values[k] - t0_) / (t1_ - t0_) * plot.width();
            p.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 4));
            p.drawText(QRectF(px - 40, plot.bottom() + 4, 80, fm.height()), Qt::AlignCenter,
                       ticks.labels[qsizetype(k)]);
        }
    }
    p.drawText(
        QRectF(plot.left(), plot.bottom() + 4 + fm.height(), plot.width(), fm.height() * 1.2),
        Qt::AlignCenter, tr("time t (ms)"));

    // Colour bar.
    const QRectF bar(plot.right() + 12, plot.top(), 14, plot.height());
    const auto& lut = Colormap::viridis().table();
    for (int i = 0; i < int(bar.height()); ++i) {
        p.setPen(QColor::fromRgb(lut[std::size_t(255.0 * i / std::max(1.0, bar.height() - 1))]));
        p.drawLine(QPointF(bar.left(), bar.bottom() - i), QPointF(bar.right(), bar.bottom() - i));
    }
    p.setPen(fg);
    p.drawRect(bar);
    for (int k = 0; k < 3; ++k) {
        const double py = bar.bottom() - 0.5 * k * bar.height();
        p.drawLine(QPointF(bar.right(), py), QPointF(bar.right() + 3, py));
        p.drawText(QRectF(bar.right() + 5, py - fm.height() / 2, right, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, barLabels[k]);
    }
    p.drawText(QRectF(bar.left() - 10, 0, 40, top), Qt::AlignCenter, tr("r"));
}

}  // namespace as::widgets
