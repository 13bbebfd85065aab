#include "widgets/sde/MatrixHeatmap.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/common/Colormap.h"
#include "widgets/common/FittedText.h"
#include "widgets/common/PresentationScale.h"

namespace as::widgets {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QStringList defaultLabels(int n) {
    QStringList l;
    for (int i = 0; i < n; ++i) l << QString::number(i);
    return l;
}
}  // namespace

MatrixHeatmap::MatrixHeatmap(QWidget* parent) : PlotWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void MatrixHeatmap::setMatrix(const Eigen::MatrixXd& m, QStringList rowLabels,
                              QStringList colLabels) {
    m_ = m;
    rows_ = rowLabels.size() == m.rows() ? rowLabels : defaultLabels(int(m.rows()));
    cols_ = colLabels.size() == m.cols() ? colLabels : defaultLabels(int(m.cols()));
    rescale();
}

void MatrixHeatmap::clear() {
    setMatrix(Eigen::MatrixXd());
}

void MatrixHeatmap::setAxisLabels(const QString& rows, const QString& cols, const QString& colour) {
    rowAxis_ = rows;
    colAxis_ = cols;
    colourAxis_ = colour;
    update();
}

void MatrixHeatmap::setLogScale(bool on) {
    log_ = on;
    rescale();
}

void MatrixHeatmap::setDiagonalNeutral(bool on) {
    neutralDiagonal_ = on;
    rescale();
}

void MatrixHeatmap::rescale() {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (Eigen::Index c = 0; c < m_.cols(); ++c)
        for (Eigen::Index r = 0; r < m_.rows(); ++r) {
            const double v = m_(r, c);
            if (!std::isfinite(v) || (log_ && !(v > 0)) || (neutralDiagonal_ && r == c)) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!std::isfinite(lo)) {
        lo = log_ ? 1 : 0;
        hi = log_ ? 10 : 1;
    }
    // Non-negative data (separations, covariances) starts the bar at 0 unless the values sit in a
    // narrow band far from 0 (then the band is spread over the map, so differences show).
    if (!log_ && lo >= 0 && lo < 0.5 * hi) lo = 0.0;
    // A constant matrix (up to rounding) gets one colour, not rounding noise spread over the map.
    if (!log_ && hi - lo <= 1e-6 * std::max(std::abs(hi), std::abs(lo)) && lo > 0) lo = 0.0;
    if (!(hi > lo)) hi = log_ ? lo * 10 : lo + 1;
    lo_ = lo;
    hi_ = hi;
    update();
}

double MatrixHeatmap::scaledAt(int row, int col) const {
    return neutralDiagonal_ && row == col ? kNaN : scaled(m_(row, col));
}

double MatrixHeatmap::scaled(double v) const {
    if (!std::isfinite(v)) return kNaN;
    if (log_) {
        if (!(v > 0)) return kNaN;
        return std::clamp(std::log(v / lo_) / std::log(hi_ / lo_), 0.0, 1.0);
    }
    return std::clamp((v - lo_) / (hi_ - lo_), 0.0, 1.0);
}

QString MatrixHeatmap::valueText(double v) const {
    if (!std::isfinite(v)) return QStringLiteral("\u2013");
    const double a = std::abs(v);
    if (a == 0) return QStringLiteral("0");
    if (a >= 1e5 || a < 1e-2) {  // 1.2e+06 -> 1.2e6
        QString t = QString::number(v, 'e', 1);
        t.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        return t;
    }
    return QString::number(v, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

QString MatrixHeatmap::barText(double v) const {
    // Enough significant digits that the two ends of a narrow range read differently.
    const double span = std::abs(hi_ - lo_), mag = std::max(std::abs(lo_), std::abs(hi_));
    const int digits =
        span > 0 && mag > 0 ? std::clamp(int(std::ceil(std::log10(mag / span))) + 2, 3, 8) : 3;
    return QString::number(v, 'g', digits);
}

QFont MatrixHeatmap::cellFont() const {
    QFont f = font();
    f.setPointSizeF(presentationScale() * std::clamp(height() / 34.0, 7.0, 10.0));
    return f;
}

QRectF MatrixHeatmap::gridRect() const {
    if (m_.size() == 0) return {};
    const QFontMetricsF fm(cellFont());
    double labelW = 0;
    for (const auto& s : rows_) labelW = std::max(labelW, fm.horizontalAdvance(s));
    const double left = fm.height() * 1.4 + labelW + 8;
    const double top = fm.height() * 1.6 + fm.height() * 1.2 + fm.height() + 4;
    const double right = 14 + 8 +
                         std::max({fm.horizontalAdvance(barText(lo_)),
                                   fm.horizontalAdvance(barText(hi_)),
                                   fm.horizontalAdvance(colourAxis_ + tr(" (log)")) / 2}) +
                         12,
                 bottom = 8;
    const double aw = std::max(10.0, width() - left - right),
                 ah = std::max(10.0, height() - top - bottom);
    const double cell = std::min(aw / double(m_.cols()), ah / double(m_.rows()));
    return {left, top, cell * double(m_.cols()), cell * double(m_.rows())};
}

QRectF MatrixHeatmap::cellRect(int row, int col) const {
    if (row < 0 || col < 0 || row >= m_.rows() || col >= m_.cols()) return {};
    const QRectF gr = gridRect();
    const double cw = gr.width() / double(m_.cols()), ch = gr.height() / double(m_.rows());
    return {gr.left() + col * cw, gr.top() + row * ch, cw, ch};
}

bool MatrixHeatmap::valuesShown() const {
    return valueFont().has_value();
}

std::optional<QFont> MatrixHeatmap::valueFont() const {
    if (m_.size() == 0) return std::nullopt;
    const QRectF c = cellRect(0, 0);
    QFont f = cellFont();
    // The label font, shrunk (down to 6.5 pt) until the widest value fits its cell.
    for (double pt = f.pointSizeF(); pt >= 6.5; pt -= 0.5) {
        f.setPointSizeF(pt);
        const QFontMetricsF fm(f);
        double widest = 0;
        for (Eigen::Index i = 0; i < m_.size(); ++i)
            widest = std::max(widest, fm.horizontalAdvance(valueText(m_.data()[i])));
        if (c.height() >= fm.height() + 2 && c.width() >= widest + 4) return f;
    }
    return std::nullopt;
}

QString MatrixHeatmap::tooltipAt(QPointF pos) const {
    for (int r = 0; r < m_.rows(); ++r)
        for (int c = 0; c < m_.cols(); ++c)
            if (cellRect(r, c).contains(pos))
                return QStringLiteral("%1 %2, %3 %4: %5")
                    .arg(rowAxis_.isEmpty() ? tr("row") : rowAxis_, rows_[r],
                         colAxis_.isEmpty() ? tr("column") : colAxis_, cols_[c],
                         std::isfinite(m_(r, c)) ? QString::number(m_(r, c), 'g', 5)
                                                 : tr("not available"));
    return {};
}

void MatrixHeatmap::mouseMoveEvent(QMouseEvent* e) {
    const QString text = tooltipAt(e->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(e->globalPosition().toPoint(), text, this);
}

void MatrixHeatmap::paintEvent(QPaintEvent*) {
    QPainter g(this);
    const QColor bg = dark_ ? QColor(24, 26, 30) : Qt::white,
                 fg = dark_ ? QColor(220, 220, 220) : QColor(40, 40, 40);
    g.fillRect(rect(), bg);
    const QFont font = cellFont();
    g.setFont(font);
    const QFontMetricsF fm(font);
    g.setPen(fg);
    drawFittedText(g, QRectF(0, 0, width(), fm.height() * 1.5), title_);
    if (m_.size() == 0) {
        g.drawText(rect(), Qt::AlignCenter, tr("no matrix computed yet"));
        return;
    }
    const QRectF gr = gridRect();
    const std::optional<QFont> values = valueFont();
    if (values) g.setFont(*values);
    const QColor grey = dark_ ? QColor(70, 70, 70) : QColor(200, 200, 200);
    for (int r = 0; r < m_.rows(); ++r)
        for (int c = 0; c < m_.cols(); ++c) {
            const QRectF cell = cellRect(r, c);
            const double t = scaledAt(r, c);
            const QColor col = std::isnan(t) ? grey : Colormap::viridis().color(t);
            g.fillRect(cell, col);
            if (values) {
                // Dark text on the bright (yellow-green) end, light text on the dark (purple) end.
                const bool light = col.lightnessF() > 0.55;
                g.setPen(light ? QColor(20, 20, 20) : QColor(245, 245, 245));
                g.drawText(cell, Qt::AlignCenter, valueText(m_(r, c)));
            }
        }
    g.setFont(font);
    g.setPen(QPen(fg, 1));
    g.setBrush(Qt::NoBrush);
    g.drawRect(gr);

    // Labels: columns above the grid, rows left of it, and the axis captions.
    g.setPen(fg);
    const double cw = gr.width() / double(m_.cols()), ch = gr.height() / double(m_.rows());
    const bool everyCol = cw >= fm.horizontalAdvance(cols_.value(int(m_.cols()) - 1)) + 2;
    for (int c = 0; c < m_.cols(); ++c)
        if (everyCol || c % std::max(1, int(std::ceil((fm.height() * 2) / cw))) == 0)
            g.drawText(QRectF(gr.left() + c * cw, gr.top() - fm.height() - 2, cw, fm.height()),
                       Qt::AlignCenter, cols_[c]);
    const int rowStride = std::max(1, int(std::ceil(fm.height() / ch)));
    for (int r = 0; r < m_.rows(); r += rowStride)
        g.drawText(QRectF(0, gr.top() + r * ch, gr.left() - 4, ch),
                   Qt::AlignRight | Qt::AlignVCenter, rows_[r]);
    if (!colAxis_.isEmpty())
        g.drawText(QRectF(gr.left(), gr.top() - 2.2 * fm.height() - 2, gr.width(), fm.height()),
                   Qt::AlignCenter, colAxis_);
    if (!rowAxis_.isEmpty()) {
        g.save();
        g.translate(fm.height() * 0.6, gr.center().y());
        g.rotate(-90);
        g.drawText(QRectF(-gr.height() / 2, -fm.height() / 2, gr.height(), fm.height()),
                   Qt::AlignCenter, rowAxis_);
        g.restore();
    }

    // Colour bar.
    const QRectF bar(gr.right() + 14, gr.top(), 14, gr.height());
    const auto& lut = Colormap::viridis().table();
    for (int i = 0; i < int(bar.height()); ++i) {
        g.setPen(QColor::fromRgb(lut[std::size_t(255.0 * i / std::max(1.0, bar.height() - 1))]));
        g.drawLine(QPointF(bar.left(), bar.bottom() - i), QPointF(bar.right(), bar.bottom() - i));
    }
    g.setPen(fg);
    g.drawRect(bar);
    const QString lowText = barText(lo_), highText = barText(hi_);
    for (double frac : {0.0, 0.5, 1.0}) {
        const double py = bar.bottom() - frac * bar.height();
        const double v = log_ ? lo_ * std::pow(hi_ / lo_, frac) : lo_ + frac * (hi_ - lo_);
        g.drawLine(QPointF(bar.right(), py), QPointF(bar.right() + 3, py));
        g.drawText(
            QRectF(bar.right() + 5, py - fm.height() / 2, width() - bar.right() - 5, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            frac == 0.0   ? lowText
            : frac == 1.0 ? highText
                          : barText(v));
    }
    const QString cap = colourAxis_ + (log_ ? tr(" (log)") : QString());
    g.drawText(QRectF(bar.left() - 30, gr.top() - 2.2 * fm.height() - 2, 80, fm.height() * 2),
               Qt::AlignCenter, cap);
}

}  // namespace as::widgets
