#include "FieldShortcuts.h"

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QLineEdit>

namespace as::widgets {

namespace {
constexpr const char* kTracked = "as_fieldShortcutsTracked";
constexpr const char* kPending = "as_fieldPendingEdit";

/// The spin box an event is for: the box itself or its inner line edit.
QAbstractSpinBox* spinBoxOf(QObject* o) {
    if (auto* sb = qobject_cast<QAbstractSpinBox*>(o)) return sb;
    if (qobject_cast<QLineEdit*>(o)) return qobject_cast<QAbstractSpinBox*>(o->parent());
    return nullptr;
}
}  // namespace

bool FieldShortcuts::hasPendingEdit(const QObject* spinBox) {
    return spinBox && spinBox->property(kPending).toBool();
}

void FieldShortcuts::track(QObject* o) {
    auto* sb = qobject_cast<QAbstractSpinBox*>(o);
    if (!sb || sb->property(kTracked).toBool()) return;
    auto* edit = sb->findChild<QLineEdit*>(QString(), Qt::FindDirectChildrenOnly);
    if (!edit) return;
    sb->setProperty(kTracked, true);
    connect(edit, &QLineEdit::textEdited, sb, [sb] { sb->setProperty(kPending, true); });
    connect(sb, &QAbstractSpinBox::editingFinished, sb, [sb] { sb->setProperty(kPending, false); });
}

bool FieldShortcuts::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type t = event->type();
    if (t != QEvent::ShortcutOverride && t != QEvent::FocusIn) return false;
    QAbstractSpinBox* sb = spinBoxOf(watched);
    if (!sb) return false;
    track(sb);  // before the first key typed into it
    if (t != QEvent::ShortcutOverride) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    constexpr Qt::KeyboardModifiers chords =
        Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    if (!(key->modifiers() & chords) || hasPendingEdit(sb))
        return false;  // typing stays in the field
    // Not claimed: the shortcut map gets the key; if no shortcut matches, the spin box still
    // receives it as a key press (Ctrl+A, Ctrl+C, word moves keep working).
    key->ignore();
    return true;
}

}  // namespace as::widgets
