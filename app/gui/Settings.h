#pragma once
// Every QSettings key the GUI uses, in one table (values are UI state only; sessions live in HDF5).
namespace as::gui::settings {
inline constexpr const char* kRecentSessions = "session/recent";  ///< QStringList, newest first
inline constexpr const char* kLastDirectory = "session/lastDirectory";  ///< QString
inline constexpr const char* kDarkTheme = "view/darkTheme";             ///< bool
inline constexpr const char* kPresentation = "view/presentation";       ///< bool: large fonts
inline constexpr const char* kGeometry = "window/geometry";             ///< QByteArray
// File → Export Figure remembers its last choices.
inline constexpr const char* kExportView = "export/view";      ///< QString: the view's name
inline constexpr const char* kExportFormat = "export/format";  ///< int: widgets::FigureFormat
inline constexpr const char* kExportTheme = "export/theme";    ///< int: widgets::FigureTheme
inline constexpr const char* kExportWidth = "export/width";    ///< int px
inline constexpr const char* kExportHeight = "export/height";  ///< int px, 0: the view's aspect
inline constexpr const char* kExportDpi = "export/dpi";        ///< int
inline constexpr const char* kExportDirectory = "export/directory";  ///< QString
inline constexpr int kMaxRecent = 8;
}  // namespace as::gui::settings
