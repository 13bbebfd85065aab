#pragma once
// The presentation-mode font scale (View → Presentation Mode), for views that size their own fonts
// from their geometry (ring labels, heatmap axes, chart titles). 1 normally; the main window sets
// it together with the application font, and views re-read it when their font changes.
#include <QCoreApplication>
#include <QVariant>

namespace as::widgets {

inline constexpr const char* kPresentationScaleProperty = "as_presentationScale";

inline double presentationScale() {
    const QVariant v = QCoreApplication::instance()
                           ? QCoreApplication::instance()->property(kPresentationScaleProperty)
                           : QVariant();
    return v.isValid() ? v.toDouble() : 1.0;
}

}  // namespace as::widgets
