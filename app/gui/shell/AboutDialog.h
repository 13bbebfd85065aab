#pragma once
class QWidget;
namespace as::gui {
/// Help > About: version, licence and the three papers the models come from.
void showAboutDialog(QWidget* parent);
}  // namespace as::gui
