#pragma once
// Every QSettings key the GUI uses, in one table (values are UI state only; sessions live in HDF5).
namespace as::gui::settings {
inline constexpr const char* kRecentSessions = "session/recent";      ///< QStringList, newest first
inline constexpr const char* kLastDirectory = "session/lastDirectory";  ///< QString
inline constexpr const char* kDarkTheme = "view/darkTheme";          ///< bool
inline constexpr const char* kPresentation = "view/presentation";  ///< bool: large fonts
inline constexpr const char* kGeometry = "window/geometry";          ///< QByteArray
inline constexpr int kMaxRecent = 8;
}  // namespace as::gui::settings
