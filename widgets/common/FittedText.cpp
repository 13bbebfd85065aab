#include "widgets/common/FittedText.h"

#include <QFontMetricsF>
#include <QPainter>

namespace as::widgets {

void drawFittedText(QPainter& p, const QRectF& rect, const QString& text, double minFraction) {
    QFont f = p.font();
    const double full = f.pointSizeF();
    const double room = rect.width() - 8;
    while (f.pointSizeF() > minFraction * full && QFontMetricsF(f).horizontalAdvance(text) > room)
        f.setPointSizeF(f.pointSizeF() - 0.25);
    p.save();
    p.setFont(f);
    p.drawText(rect, Qt::AlignCenter, QFontMetricsF(f).elidedText(text, Qt::ElideRight, room));
    p.restore();
}

}  // namespace as::widgets
