#pragma once
// A scroll area for a form or a panel that may be taller than a small window (1024×700,
// presentation mode): it scrolls vertically only, and is never narrower than its content's own
// minimum width, so the fields keep their size and only the height gives way.
#include <QScrollArea>

namespace as::widgets {

class VerticalScrollArea : public QScrollArea {
    Q_OBJECT
  public:
    /// Takes `content` (resizable to the area's width).
    explicit VerticalScrollArea(QWidget* content, QWidget* parent = nullptr);
    QSize minimumSizeHint() const override;
};

}  // namespace as::widgets
