#pragma once
// Presentation mode (View → Presentation Mode) is one scale on every text: the main window sets the
// application font to its base size times the scale, and publishes the scale as an application
// property for views that size their own fonts from their geometry (ring labels, heatmap axes,
// chart text), which re-read it when their font changes. A widget whose font is larger or smaller
// than the rest (a heading) keeps a factor of the application font (setRelativeFont), re-derived
// by applyRelativeFonts() when the application font changes: switching off restores every size
// exactly, and a window started in presentation mode has the sizes of the live switch.
#include <QCoreApplication>
#include <QVariant>

class QWidget;

namespace as::widgets {

inline constexpr const char* kPresentationScaleProperty = "as_presentationScale";

inline double presentationScale() {
    const QVariant v = QCoreApplication::instance()
                           ? QCoreApplication::instance()->property(kPresentationScaleProperty)
                           : QVariant();
    return v.isValid() ? v.toDouble() : 1.0;
}

/// Gives w a font `factor` times the application font's size (other attributes, e.g. bold, as
/// w's font has them), kept through changes of the application font.
void setRelativeFont(QWidget* w, double factor);
/// After the application font changed: every widget, parents first, inherits it again (Qt's own
/// notification can reach a child before its parent, which then keeps the old size), relative
/// fonts (setRelativeFont) are re-derived and style sheets re-applied.
void applyRelativeFonts();

}  // namespace as::widgets
