#pragma once
// A title drawn to fit: in the painter's font, or smaller (down to minFraction of it) where the
// rectangle is narrow, elided only below that, centred; never cut off at both ends (issue 17).
#include <QRectF>
#include <QString>

class QPainter;

namespace as::widgets {

void drawFittedText(QPainter& p, const QRectF& rect, const QString& text,
                    double minFraction = 0.65);

}  // namespace as::widgets
