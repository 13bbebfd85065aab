#include "widgets/sde/SpectrumPlot.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "widgets/common/FittedText.h"
#include "widgets/common/PresentationScale.h"
#include "widgets/common/TickFormatter.h"

namespace as::widgets {

namespace {

/// A tick label with a typographic minus.
QString tickText(double v, double step) {
    return TickFormatter::format(v, step).replace('-', QChar(0x2212));
}

QString complexText(std::complex<double> z) {
    const QString sign = z.imag() < 0 ? QStringLiteral(" \u2212 ") : QStringLiteral(" + ");
    return QStringLiteral("%1%2%3 i")
        .arg(z.real(), 0, 'g', 5)
        .arg(sign)
        .arg(std::abs(z.imag()), 0, 'g', 5);
}

bool finite(std::complex<double> z) {
    return std::isfinite(z.real()) && std::isfinite(z.imag());
}

const QColor kStable(40, 90, 200), kUnstable(215, 45, 45), kCompare(235, 140, 20),
    kMarker(200, 0, 0);

}  // namespace

SpectrumPlot::SpectrumPlot(QWidget* parent) : PlotWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    title_ = tr("Jacobian spectrum");
}

void SpectrumPlot::setPrimary(Values values, const QString& label) {
    primary_ = std::move(values);
    primaryLabel_ = label;
    rescale();
}

void SpectrumPlot::setComparison(Values values, const QString& label) {
    comparison_ = std::move(values);
    comparisonLabel_ = label;
    rescale();
}

void SpectrumPlot::setMarkers(Values values, const QString& label) {
    markers_ = std::move(values);
    markersLabel_ = label;
    rescale();
}

void SpectrumPlot::clear() {
    primary_.clear();
    comparison_.clear();
    markers_.clear();
    rescale();
}

void SpectrumPlot::rescale() {
    double r0 = 0, r1 = 0, im = 0;
    bool any = false;
    for (const Values* set : {&primary_, &comparison_, &markers_})
        for (const auto& z : *set) {
            if (!finite(z)) continue;
            r0 = std::min(r0, z.real());
            r1 = std::max(r1, z.real());
            im = std::max(im, std::abs(z.imag()));
            any = true;
        }
    if (!any) {
        r0 = -2;
        r1 = 0.5;
        im = 1;
    }
    double span = r1 - r0;
    if (!(span > 0)) span = std::max(1.0, im);
    im = std::max(im, 0.05 * span);  // a real spectrum still gets a readable Im axis
    // Margins: 8% of the span on each side, so points never sit on the frame; Im symmetric (the
    // spectrum of a real matrix is closed under conjugation).
    reMin_ = r0 - 0.08 * span;
    reMax_ = r1 + 0.08 * span;
    imMax_ = im * 1.12;
    imMin_ = -imMax_;
    update();
}

QFont SpectrumPlot::plotFont() const {
    QFont f = font();
    f.setPointSizeF(presentationScale() * std::clamp(height() / 32.0, 7.5, 10.0));
    return f;
}

QRectF SpectrumPlot::plotRect() const {
    const QFontMetricsF fm(plotFont());
    const double left = fm.horizontalAdvance(QStringLiteral("\u22120.000")) + fm.height() + 10;
    const double top = fm.height() * 1.6, bottom = fm.height() * 2.6, right = 12;
    return {left, top, std::max(10.0, width() - left - right),
            std::max(10.0, height() - top - bottom)};
}

QPointF SpectrumPlot::toPixel(std::complex<double> z) const {
    const QRectF p = plotRect();
    return {p.left() + (z.real() - reMin_) / (reMax_ - reMin_) * p.width(),
            p.bottom() - (z.imag() - imMin_) / (imMax_ - imMin_) * p.height()};
}

QString SpectrumPlot::tooltipAt(QPointF pos) const {
    double best = 8.0 * 8.0;
    QString text;
    auto scan = [&](const Values& set, const QString& label) {
        for (const auto& z : set) {
            if (!finite(z)) continue;
            const QPointF d = toPixel(z) - pos;
            const double d2 = d.x() * d.x() + d.y() * d.y();
            if (d2 <= best) {
                best = d2;
                text = QStringLiteral("\u03bb = %1%2")
                           .arg(complexText(z), label.isEmpty() ? QString() : "  (" + label + ")");
            }
        }
    };
    scan(markers_, markersLabel_);
    scan(comparison_, comparisonLabel_);
    scan(primary_, primaryLabel_);
    return text;
}

void SpectrumPlot::mouseMoveEvent(QMouseEvent* e) {
    const QString text = tooltipAt(e->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(e->globalPosition().toPoint(), text, this);
}

void SpectrumPlot::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    update();
}

void SpectrumPlot::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(24, 26, 30) : Qt::white,
                 fg = dark_ ? QColor(220, 220, 220) : QColor(40, 40, 40);
    g.fillRect(rect(), bg);
    const QColor stable = dark_ ? QColor(110, 170, 255) : kStable;  // readable on the dark tint
    const QFont font = plotFont();
    g.setFont(font);
    const QFontMetricsF fm(font);
    const QRectF plot = plotRect();

    g.setPen(fg);
    drawFittedText(g, QRectF(0, 0, width(), fm.height() * 1.5), title_);

    // The stable half-plane Re < 0, tinted.
    const double x0 = std::clamp(toPixel({0, 0}).x(), plot.left(), plot.right());
    g.fillRect(QRectF(plot.left(), plot.top(), x0 - plot.left(), plot.height()),
               dark_ ? QColor(40, 70, 120, 70) : QColor(215, 230, 250));

    // Grid and ticks.
    const QColor grid = dark_ ? QColor(80, 80, 80) : QColor(225, 225, 225);
    auto widthOf = [&](const QString& l) { return double(fm.horizontalAdvance(l)); };
    const Ticks re = TickFormatter::fitTicks(reMin_, reMax_, std::max(2, int(plot.width() / 70)),
                                             AxisUnit::Plain, plot.width(), 8, widthOf);
    const Ticks im = TickFormatter::fitTicks(imMin_, imMax_, std::max(2, int(plot.height() / 45)),
                                             AxisUnit::Plain, plot.height(), 4,
                                             [&](const QString&) { return double(fm.height()); });
    for (std::size_t k = 0; k < re.values.size(); ++k) {
        const double px = toPixel({re.values[k], 0}).x();
        g.setPen(grid);
        g.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        g.setPen(fg);
        g.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 4));
        g.drawText(QRectF(px - 40, plot.bottom() + 4, 80, fm.height()), Qt::AlignCenter,
                   tickText(re.values[k], re.step));
    }
    for (std::size_t k = 0; k < im.values.size(); ++k) {
        const double py = toPixel({0, im.values[k]}).y();
        g.setPen(grid);
        g.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
        g.setPen(fg);
        g.drawLine(QPointF(plot.left() - 4, py), QPointF(plot.left(), py));
        g.drawText(QRectF(0, py - fm.height() / 2, plot.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tickText(im.values[k], im.step));
    }
    g.drawText(
        QRectF(plot.left(), plot.bottom() + 4 + fm.height(), plot.width(), fm.height() * 1.3),
        Qt::AlignCenter, tr("Re \u03bb"));
    g.save();
    g.translate(fm.height() * 0.6, plot.center().y());
    g.rotate(-90);
    g.drawText(QRectF(-plot.height() / 2, -fm.height() / 2, plot.height(), fm.height()),
               Qt::AlignCenter, tr("Im \u03bb"));
    g.restore();

    // Axes through the origin: the imaginary axis (the stability boundary) bold, the real axis
    // thin.
    g.setPen(QPen(fg, 1.6));
    if (x0 > plot.left() && x0 < plot.right())
        g.drawLine(QPointF(x0, plot.top()), QPointF(x0, plot.bottom()));
    const double y0 = toPixel({0, 0}).y();
    g.setPen(QPen(fg, 0.8, Qt::DashLine));
    g.drawLine(QPointF(plot.left(), y0), QPointF(plot.right(), y0));
    g.setPen(QPen(fg, 1));
    g.setBrush(Qt::NoBrush);
    g.drawRect(plot);

    g.setRenderHint(QPainter::Antialiasing, true);
    g.setClipRect(plot.adjusted(-1, -1, 1, 1));
    const double r = std::clamp(plot.height() / 140.0, 2.2, 3.6);
    g.setBrush(Qt::NoBrush);
    for (const auto& z : comparison_) {
        if (!finite(z)) continue;
        g.setPen(QPen(z.real() < 0 ? kCompare : kUnstable, 1.3));
        g.drawEllipse(toPixel(z), r + 1, r + 1);
    }
    g.setPen(Qt::NoPen);
    for (const auto& z : primary_) {
        if (!finite(z)) continue;
        QColor c = z.real() < 0 ? stable : kUnstable;
        c.setAlpha(200);
        g.setBrush(c);
        g.drawEllipse(toPixel(z), r, r);
    }
    g.setPen(QPen(kMarker, 1.8));
    for (const auto& z : markers_) {
        if (!finite(z)) continue;
        const QPointF p = toPixel(z);
        const double s = r + 3;
        g.drawLine(p + QPointF(-s, -s), p + QPointF(s, s));
        g.drawLine(p + QPointF(-s, s), p + QPointF(s, -s));
    }
    g.setClipping(false);

    // Legend: top right, on a translucent box (the clouds sit mostly left of the imaginary axis).
    struct Entry {
        int kind;
        QColor colour;
        QString text;
    };
    std::vector<Entry> entries;
    if (!primary_.empty()) {
        entries.push_back(
            {0, stable,
             primaryLabel_.isEmpty() ? tr("stable (Re < 0)") : primaryLabel_ + tr(", stable")});
        if (std::any_of(primary_.begin(), primary_.end(), [](auto z) { return z.real() >= 0; }))
            entries.push_back({0, kUnstable, tr("unstable (Re \u2265 0)")});
    }
    if (!comparison_.empty()) entries.push_back({1, kCompare, comparisonLabel_});
    if (!markers_.empty()) entries.push_back({2, kMarker, markersLabel_});
    double legendW = 0;
    for (const auto& e : entries) legendW = std::max(legendW, fm.horizontalAdvance(e.text));
    legendW = std::min(legendW + 30, plot.width() - 8);
    const double lx = plot.right() - legendW - 4;
    if (!entries.empty()) {
        g.setPen(Qt::NoPen);
        QColor box = bg;
        box.setAlpha(215);
        g.setBrush(box);
        g.drawRoundedRect(
            QRectF(lx, plot.top() + 4, legendW, fm.height() * 1.15 * double(entries.size()) + 6), 3,
            3);
    }
    double ly = plot.top() + 6;
    for (const auto& e : entries) {
        const QPointF c(lx + 12, ly + fm.height() / 2);
        if (e.kind == 0) {
            g.setPen(Qt::NoPen);
            g.setBrush(e.colour);
            g.drawEllipse(c, 3.5, 3.5);
        } else if (e.kind == 1) {
            g.setPen(QPen(e.colour, 1.3));
            g.setBrush(Qt::NoBrush);
            g.drawEllipse(c, 4.5, 4.5);
        } else {
            g.setPen(QPen(e.colour, 1.8));
            g.drawLine(c + QPointF(-4, -4), c + QPointF(4, 4));
            g.drawLine(c + QPointF(-4, 4), c + QPointF(4, -4));
        }
        g.setPen(fg);
        g.drawText(QRectF(lx + 22, ly, legendW - 24, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   e.text);
        ly += fm.height() * 1.15;
    }
    if (primary_.empty() && comparison_.empty()) {
        g.setPen(fg);
        g.drawText(plot, Qt::AlignCenter, tr("no spectrum computed yet"));
    }
}

}  // namespace as::widgets
