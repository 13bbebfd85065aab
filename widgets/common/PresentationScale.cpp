#include "widgets/common/PresentationScale.h"

#include <QApplication>
#include <QWidget>

namespace as::widgets {

namespace {
constexpr const char* kFontFactorProperty = "as_fontFactor";

void applyFactor(QWidget* w, double factor) {
    QFont f = w->font();
    const QFont app = QApplication::font();
    if (app.pointSizeF() > 0)
        f.setPointSizeF(app.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(1, int(app.pixelSize() * factor + 0.5)));
    w->setFont(f);
}
}  // namespace

void setRelativeFont(QWidget* w, double factor) {
    w->setProperty(kFontFactorProperty, factor);
    applyFactor(w, factor);
}

namespace {
/// w and its children, parents first (a child's inherited font comes from its parent).
void applyTree(QWidget* w) {
    const QVariant factor = w->property(kFontFactorProperty);
    if (factor.isValid())
        applyFactor(w, factor.toDouble());
    else if (!w->testAttribute(Qt::WA_SetFont))
        w->setFont(QFont());  // inherit again from the parent, already updated
    // A style sheet fixes the fonts of the widgets it styles when it is applied: apply it
    // again, so they derive from the new application font (and not twice from the old).
    if (!w->styleSheet().isEmpty()) w->setStyleSheet(w->styleSheet());
    for (QObject* o : w->children())
        if (auto* c = qobject_cast<QWidget*>(o)) applyTree(c);
}
}  // namespace

void applyRelativeFonts() {
    for (QWidget* w : QApplication::topLevelWidgets()) applyTree(w);
}

}  // namespace as::widgets
