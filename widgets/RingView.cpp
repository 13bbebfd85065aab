#include "RingView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "PresentationScale.h"

namespace as::widgets {
namespace {
constexpr double kPi = 3.14159265358979323846;
const QColor kProfile(230, 97, 1);     // orange: firing rate
const QColor kStimulus(33, 145, 140);  // teal: stimulus
const QColor kDecoded(200, 30, 90);    // magenta: decoded position
}  // namespace

RingView::RingView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(false);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Press and drag to move the stimulus (switches to the external protocol)"));
}

void RingView::setSnapshot(std::shared_ptr<const as::RingSnapshot> s) {
    snap_ = std::move(s);
    update();
}

QPointF RingView::centre() const {
    // Leave room at the top for the legend.
    return QPointF(width() / 2.0, height() / 2.0 + std::min(width(), height()) * 0.04);
}

double RingView::ringRadius() const {
    return std::min<double>(width(), height() * 0.92) * 0.26;
}

QPointF RingView::pointAt(double x, double f) const {
    const QPointF c = centre();
    const double rr = ringRadius() * f;
    return {c.x() + rr * std::cos(x), c.y() - rr * std::sin(x)};
}

double RingView::angleAt(const QPointF& p) const {
    const QPointF c = centre();
    return std::atan2(-(p.y() - c.y()), p.x() - c.x());
}

double RingView::profileScale() {
    double target = 1e-9;
    if (snap_) {
        target = std::max(snap_->r0Analytic, snap_->height);
        if (!(target > 0) || !std::isfinite(target)) target = 1.0;
    }
    // Grow at once, shrink slowly: a stable scale is easier to read.
    if (scale_ <= 0 || target > scale_ || target < 0.25 * scale_) scale_ = target * 1.1;
    return scale_;
}

void RingView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.base());
    const QColor fg = pal.color(QPalette::Text);
    QColor faint = fg;
    faint.setAlphaF(0.35);

    const QPointF c = centre();
    const double R = ringRadius();
    const double outer = 1.9;  // profile at r = scale reaches 1.9 R

    // Reference circles: the ring itself and the profile's full scale.
    p.setPen(QPen(faint, 1, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, R * outer, R * outer);

    // Firing-rate profile.
    if (snap_ && !snap_->r.empty() && snap_->r.size() == snap_->positions.size()) {
        const double scale = profileScale();
        const std::size_t n = snap_->r.size();
        const std::size_t stride = std::max<std::size_t>(1, n / 1024);
        QPolygonF outerPoly, innerPoly;
        for (std::size_t i = 0; i < n; i += stride) {
            double v = snap_->r[i] / scale;
            if (!std::isfinite(v)) v = 0;
            v = std::clamp(v, 0.0, 1.05);
            outerPoly << pointAt(snap_->positions[i], 1.0 + (outer - 1.0) * v);
        }
        QPainterPath path;
        path.addPolygon(outerPoly);
        path.closeSubpath();
        QPainterPath inner;
        inner.addEllipse(c, R, R);
        path = path.subtracted(inner);
        QColor fill = kProfile;
        fill.setAlphaF(0.55);
        p.setPen(QPen(kProfile.darker(115), 1.6));
        p.setBrush(fill);
        p.drawPath(path);
    }

    // The ring and the neuron ticks (at most 128 drawn).
    p.setPen(QPen(fg, 2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, R, R);
    const int n = snap_ ? int(snap_->positions.size()) : 0;
    if (n > 0) {
        const int stride = std::max(1, n / 128);
        p.setPen(QPen(faint, 1));
        for (int i = 0; i < n; i += stride) {
            const double x = snap_->positions[i];
            p.drawLine(pointAt(x, 0.93), pointAt(x, 1.0));
        }
    }
    // Angle labels.
    QFont f = font();
    f.setPointSizeF(presentationScale() * std::max(8.0, std::min(width(), height()) / 45.0));
    p.setFont(f);
    p.setPen(fg);
    const struct {
        double x;
        const char* t;
    } labels[] = {
        {0, "0"}, {kPi / 2, "\u03c0/2"}, {kPi, "\u00b1\u03c0"}, {-kPi / 2, "\u2212\u03c0/2"}};
    const QFontMetricsF fm(f);
    for (const auto& l : labels) {
        const QString t = QString::fromUtf8(l.t);
        const QPointF q = pointAt(l.x, 0.66);
        const QSizeF sz(fm.horizontalAdvance(t), fm.height());
        p.drawText(QRectF(q.x() - sz.width() / 2, q.y() - sz.height() / 2, sz.width(), sz.height()),
                   Qt::AlignCenter, t);
    }

    if (snap_) {
        // Decoded position: a line from the centre and a diamond on the ring.
        const double d = snap_->decoded;
        const double conf = std::clamp(snap_->confidence, 0.0, 1.0);
        const double mr = std::max(5.0, R * 0.07);
        p.setPen(QPen(kDecoded, 2.2));
        p.drawLine(c, pointAt(d, 1.0));
        QPolygonF diamond;
        const QPointF q = pointAt(d, 1.0);
        diamond << q + QPointF(0, -mr) << q + QPointF(mr, 0) << q + QPointF(0, mr)
                << q + QPointF(-mr, 0);
        QColor dfill = kDecoded;
        dfill.setAlphaF(0.3 + 0.7 * conf);
        p.setBrush(dfill);
        p.drawPolygon(diamond);
        p.setBrush(fg);
        p.setPen(Qt::NoPen);
        p.drawEllipse(c, 3, 3);

        // Stimulus marker, just outside the ring.
        const QPointF s = pointAt(snap_->stimulusZ, 0.86);
        p.setPen(QPen(kStimulus, 2.5));
        p.setBrush(snap_->stimulusOn ? QBrush(kStimulus) : QBrush(Qt::NoBrush));
        p.drawEllipse(s, mr * 0.9, mr * 0.9);
    }
    drawLegend(p);
}

void RingView::drawLegend(QPainter& p) {
    QFont f = font();
    f.setPointSizeF(presentationScale() *
                    std::clamp(std::min(width(), height()) / 50.0, 8.0, 12.0));
    p.setFont(f);
    const QFontMetricsF fm(f);
    const double lh = fm.height() * 1.25;
    const double x0 = 10, sw = fm.height() * 1.1;
    double y = 10;
    const QColor fg = palette().color(QPalette::Text);
    auto row = [&](auto drawSwatch, const QString& text) {
        drawSwatch(QRectF(x0, y + (lh - sw) / 2, sw, sw));
        p.setPen(fg);
        p.drawText(QPointF(x0 + sw + 8, y + lh / 2 + fm.ascent() / 2 - 1), text);
        y += lh;
    };
    row(
        [&](QRectF r) {
            QColor fill = kProfile;
            fill.setAlphaF(0.55);
            p.setPen(QPen(kProfile.darker(115), 1.2));
            p.setBrush(fill);
            p.drawRect(r.adjusted(1, 3, -1, -3));
        },
        tr("firing rate r(x)"));
    row(
        [&](QRectF r) {
            p.setPen(QPen(kStimulus, 2));
            p.setBrush(kStimulus);
            p.drawEllipse(r.center(), r.width() * 0.32, r.width() * 0.32);
        },
        tr("stimulus z (hollow: off)"));
    row(
        [&](QRectF r) {
            p.setPen(QPen(kDecoded, 2));
            p.setBrush(kDecoded);
            const QPointF q = r.center();
            const double m = r.width() * 0.38;
            p.drawPolygon(QPolygonF{} << q + QPointF(0, -m) << q + QPointF(m, 0)
                                      << q + QPointF(0, m) << q + QPointF(-m, 0));
        },
        tr("decoded position"));
    if (snap_) {
        p.setPen(fg);
        const QString info = tr("t = %1 ms   N = %2   scale r = %3")
                                 .arg(snap_->t, 0, 'f', 1)
                                 .arg(snap_->params.N)
                                 .arg(scale_, 0, 'g', 3);
        p.drawText(QRectF(0, height() - lh - 6, width() - 10, lh),
                   Qt::AlignRight | Qt::AlignVCenter, info);
    }
}

void RingView::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return;
    dragging_ = true;
    emit dragStarted();
    emit stimulusDragged(angleAt(e->position()));
}

void RingView::mouseMoveEvent(QMouseEvent* e) {
    if (dragging_) emit stimulusDragged(angleAt(e->position()));
}

void RingView::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || !dragging_) return;
    dragging_ = false;
    emit stimulusDragged(angleAt(e->position()));
    emit dragFinished();
}

}  // namespace as::widgets
