#include "widgets/common/VerticalScrollArea.h"

#include <QScrollBar>

namespace as::widgets {

VerticalScrollArea::VerticalScrollArea(QWidget* content, QWidget* parent) : QScrollArea(parent) {
    setWidget(content);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QSize VerticalScrollArea::minimumSizeHint() const {
    // The content's minimum width (it follows font changes, e.g. presentation mode) plus room for
    // the scroll bar; the height of a few lines, the rest scrolls.
    const int w = (widget() ? widget()->minimumSizeHint().width() : 0) +
                  verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    return {w, 4 * fontMetrics().lineSpacing()};
}

}  // namespace as::widgets
