#pragma once
namespace as::gui {
/// Applies the Fusion style with a light or dark palette to the whole application.
void applyTheme(bool dark);
}  // namespace as::gui
