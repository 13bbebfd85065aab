#pragma once
// Lets the window's shortcuts (Ctrl+Z, Ctrl+Shift+Z, Ctrl+E, ...) through a spin box that has no
// uncommitted text. A QAbstractSpinBox claims every shortcut its line edit knows (Ctrl+Z as text
// undo, Ctrl+E as "end of line"), so after a parameter edit committed with Enter, with focus still
// in the field, the shared undo stack and File → Export Figure could not be reached from the
// keyboard (issue 17, item 1). Installed once on the application (qApp->installEventFilter), it
// covers every spin box of every lab. While an edit is being typed (text changed, neither Enter
// nor focus-out yet) the field keeps its own text-editing shortcuts; plain keys are never touched.
#include <QObject>

namespace as::widgets {

class FieldShortcuts : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;
    /// True while `spinBox` holds typed text that is not committed yet.
    static bool hasPendingEdit(const QObject* spinBox);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    /// Follows the spin box's line edit: typing marks a pending edit, Enter or focus-out clears it.
    void track(QObject* spinBox);
};

}  // namespace as::widgets
