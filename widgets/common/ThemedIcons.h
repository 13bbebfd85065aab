#pragma once
// Toolbar icons that follow the colour theme. Fusion's media icons (Play, Pause, Step) are black
// pixmaps, unreadable on the dark theme's grey: here they are redrawn in the palette's button text
// colour (their dark pixels only, so coloured icons keep their colours), and redrawn again when
// the theme changes (retintIcons).
#include <QIcon>
#include <QStyle>

class QAction;
class QObject;
class QToolBar;

namespace as::widgets {

/// The application style's standard icon, its dark pixels in the application palette's
/// ButtonText colour when that palette is dark; unchanged in a light palette.
QIcon themedIcon(QStyle::StandardPixmap sp);
/// Sets a's icon to themedIcon(sp) and remembers sp for retintIcons().
void setThemedIcon(QAction* a, QStyle::StandardPixmap sp);
/// Adds an action with a themed standard icon to a toolbar.
QAction* addThemedAction(QToolBar* bar, QStyle::StandardPixmap sp, const QString& text);
/// Redraws every themed icon of the actions under root for the current palette.
void retintIcons(QObject* root);

}  // namespace as::widgets
