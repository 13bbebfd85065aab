#include "widgets/ei/ConfidenceDecodePlot.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "core/Angles.h"
#include "widgets/common/FittedText.h"
#include "widgets/common/TickFormatter.h"

namespace as::widgets {

namespace {
constexpr int kLeft = 40, kRight = 8, kTop = 20, kBottom = 20;
}  // namespace

ConfidenceDecodePlot::ConfidenceDecodePlot(QWidget* parent) : PlotWidget(parent) {
    setMinimumSize(240, 90);
}

void ConfidenceDecodePlot::setData(std::vector<double> t, std::vector<double> decoded,
                                   std::vector<double> stimulus, std::vector<double> confidence) {
    t_ = std::move(t);
    decoded_ = std::move(decoded);
    stimulus_ = std::move(stimulus);
    confidence_ = std::move(confidence);
    update();
}

void ConfidenceDecodePlot::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(20, 22, 26) : Qt::white,
                 fg = dark_ ? QColor(220, 220, 220) : QColor(40, 40, 40);
    g.fillRect(rect(), bg);
    const QRectF plot(kLeft, kTop, width() - kLeft - kRight, height() - kTop - kBottom);
    g.setPen(QColor(128, 128, 128, 120));
    g.drawRect(plot);
    g.setPen(fg);
    drawFittedText(g, QRectF(0, 0, width(), kTop),
                   tr("Decoded position, coloured by confidence C(t)"));
    g.drawText(QRectF(0, plot.top() - 8, kLeft - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("π"));
    g.drawText(QRectF(0, plot.bottom() - 8, kLeft - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("-π"));
    drawn_ = 0;
    const std::size_t n =
        std::min({t_.size(), decoded_.size(), stimulus_.size(), confidence_.size()});
    if (n < 2) return;
    const double t0 = t_.front(), t1 = std::max(t_.back(), t0 + 1);
    auto X = [&](double t) { return plot.left() + (t - t0) / (t1 - t0) * plot.width(); };
    auto Y = [&](double a) { return plot.top() + (kPi - a) / (2 * kPi) * plot.height(); };
    g.drawText(QRectF(plot.left(), plot.bottom(), 120, kBottom), Qt::AlignLeft | Qt::AlignVCenter,
               TickFormatter::timeText(t0));
    g.drawText(QRectF(plot.right() - 120, plot.bottom(), 120, kBottom),
               Qt::AlignRight | Qt::AlignVCenter, TickFormatter::timeText(t1));
    g.setRenderHint(QPainter::Antialiasing, true);
    g.setPen(QPen(QColor(130, 130, 130), 1.5));
    for (std::size_t i = 1; i < n; ++i) {  // stimulus, broken where it wraps
        if (!std::isfinite(stimulus_[i]) || !std::isfinite(stimulus_[i - 1]) ||
            std::abs(stimulus_[i] - stimulus_[i - 1]) > kPi)
            continue;
        g.drawLine(QPointF(X(t_[i - 1]), Y(stimulus_[i - 1])), QPointF(X(t_[i]), Y(stimulus_[i])));
    }
    g.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(decoded_[i]) || !std::isfinite(confidence_[i])) continue;
        const double c = std::clamp(confidence_[i], 0.0, 1.0);
        QColor col =
            QColor::fromHsvF(0.0, 0.15 + 0.85 * c, dark_ ? 0.55 + 0.45 * c : 0.95 - 0.2 * c);
        g.setBrush(col);
        g.drawEllipse(QPointF(X(t_[i]), Y(decoded_[i])), 1.6, 1.6);
        ++drawn_;
    }
}

}  // namespace as::widgets
