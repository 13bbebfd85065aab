#include "widgets/sde/DigitCanvas.h"

#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/common/Colormap.h"
#include "widgets/common/FittedText.h"

namespace as::widgets {

namespace {
constexpr int kMargin = 2;

/// 1 inside half the radius, falling smoothly (smoothstep) to 0 at the radius.
double brushProfile(double d, double r) {
    const double u = std::clamp((d - 0.5 * r) / (0.5 * r), 0.0, 1.0);
    return 1.0 - u * u * (3.0 - 2.0 * u);
}
}  // namespace

DigitCanvas::DigitCanvas(QWidget* parent) : PlotWidget(parent), pixels_(28 * 28, 0.0f) {
    setMinimumSize(84, 96);
    QSizePolicy sp(QSizePolicy::Preferred, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
}

void DigitCanvas::setImage(const std::vector<float>& pixels, int w, int h) {
    w_ = std::max(1, w);
    h_ = std::max(1, h);
    if (pixels.size() == std::size_t(w_) * std::size_t(h_))
        pixels_ = pixels;
    else
        pixels_.assign(std::size_t(w_) * std::size_t(h_), 0.0f);
    update();
}

void DigitCanvas::clear() {
    std::fill(pixels_.begin(), pixels_.end(), 0.0f);
    update();
    if (editable_) {
        emit imageChanged();
        emit strokeFinished();
    }
}

void DigitCanvas::setEditable(bool editable) {
    editable_ = editable;
    setCursor(editable ? Qt::CrossCursor : Qt::ArrowCursor);
    setToolTip(editable ? tr("Draw with the left mouse button, erase with the right one")
                        : QString());
}

void DigitCanvas::setBrush(double radiusCells, double strength) {
    radius_ = std::max(0.5, radiusCells);
    strength_ = std::clamp(strength, 0.0, 1.0);
}

void DigitCanvas::setRange(double lo, double hi) {
    lo_ = lo;
    hi_ = hi > lo ? hi : lo + 1.0;
    update();
}

void DigitCanvas::setColorMap(ColorMap m) {
    map_ = m;
    update();
}

void DigitCanvas::setCaption(const QString& text) {
    caption_ = text;
    update();
}

double DigitCanvas::ink() const {
    double s = 0;
    for (float v : pixels_) s += v;
    return s;
}

int DigitCanvas::heightForWidth(int w) const {
    return w * h_ / w_ + (caption_.isEmpty() ? 0 : fontMetrics().height() + 4);
}

QRectF DigitCanvas::imageRect() const {
    const double top = caption_.isEmpty() ? kMargin : fontMetrics().height() + 4;
    const double availW = width() - 2.0 * kMargin, availH = height() - top - kMargin;
    const double cell = std::max(1.0, std::min(availW / w_, availH / h_));
    const double W = cell * w_, H = cell * h_;
    return {(width() - W) / 2.0, top + (availH - H) / 2.0, W, H};
}

void DigitCanvas::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(20, 22, 26) : palette().color(QPalette::Window);
    g.fillRect(rect(), bg);
    if (!caption_.isEmpty()) {
        g.setPen(dark_ ? QColor(220, 220, 220) : palette().color(QPalette::WindowText));
        drawFittedText(g, QRectF(0, 0, width(), fontMetrics().height() + 4), caption_);
    }
    QImage img(w_, h_, QImage::Format_RGB32);
    const Colormap& vir = Colormap::viridis();
    for (int y = 0; y < h_; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w_; ++x) {
            const double v = pixels_[std::size_t(y) * std::size_t(w_) + std::size_t(x)];
            const double t = std::isfinite(v) ? std::clamp((v - lo_) / (hi_ - lo_), 0.0, 1.0) : 0.0;
            if (map_ == ColorMap::Viridis) {
                line[x] = vir.rgb(t);
            } else {
                const int c = int(std::lround(255 * t));
                line[x] = qRgb(c, c, c);
            }
        }
    }
    const QRectF r = imageRect();
    g.setRenderHint(QPainter::SmoothPixmapTransform, false);  // crisp cells
    g.drawImage(r, img);
    g.setPen(QPen(QColor(128, 128, 128, 160), 1));
    g.setBrush(Qt::NoBrush);
    g.drawRect(r.adjusted(-0.5, -0.5, 0.5, 0.5));
}

bool DigitCanvas::dab(QPointF p, bool erase) {
    const QRectF r = imageRect();
    const double cell = r.width() / w_;
    const double cx = (p.x() - r.left()) / cell, cy = (p.y() - r.top()) / cell;  // in cells
    bool changed = false;
    const int x0 = int(std::floor(cx - radius_)), x1 = int(std::ceil(cx + radius_));
    const int y0 = int(std::floor(cy - radius_)), y1 = int(std::ceil(cy + radius_));
    for (int y = std::max(0, y0); y <= std::min(h_ - 1, y1); ++y)
        for (int x = std::max(0, x0); x <= std::min(w_ - 1, x1); ++x) {
            const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            const double f = brushProfile(d, radius_);
            if (f <= 0) continue;
            float& v = pixels_[std::size_t(y) * std::size_t(w_) + std::size_t(x)];
            const float nv = erase ? float(v * (1.0 - f)) : std::max(v, float(strength_ * f));
            if (nv != v) {
                v = std::clamp(nv, 0.0f, 1.0f);
                changed = true;
            }
        }
    return changed;
}

bool DigitCanvas::strokeTo(QPointF p, bool erase) {
    const QRectF r = imageRect();
    const double cell = r.width() / w_;
    const double len = std::hypot(p.x() - last_.x(), p.y() - last_.y());
    const int n = std::max(1, int(std::ceil(len / (0.35 * radius_ * cell))));
    bool changed = false;
    for (int i = 1; i <= n; ++i) {
        const double a = double(i) / n;
        changed |= dab(last_ + a * (p - last_), erase);
    }
    last_ = p;
    return changed;
}

void DigitCanvas::inked(bool changed) {
    if (!changed) return;
    update();
    emit imageChanged();
}

void DigitCanvas::mousePressEvent(QMouseEvent* e) {
    if (!editable_ || (e->button() != Qt::LeftButton && e->button() != Qt::RightButton))
        return QWidget::mousePressEvent(e);
    drawing_ = true;
    erasing_ = e->button() == Qt::RightButton;
    last_ = e->position();
    inked(dab(last_, erasing_));
}

void DigitCanvas::mouseMoveEvent(QMouseEvent* e) {
    if (!drawing_) return QWidget::mouseMoveEvent(e);
    inked(strokeTo(e->position(), erasing_));
}

void DigitCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (!drawing_) return QWidget::mouseReleaseEvent(e);
    inked(strokeTo(e->position(), erasing_));
    drawing_ = false;
    emit strokeFinished();
}

}  // namespace as::widgets
