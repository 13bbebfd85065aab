#pragma once
// Renders any QWidget to a figure file: PNG at a chosen pixel size and DPI, SVG (QSvgGenerator) or
// PDF (QPdfWriter). The widget keeps its on-screen layout and is scaled uniformly to fit the
// target, centred on the widget's background colour; a PNG whose height is left 0 takes the
// widget's own aspect (no letterbox bars). Functions return an empty string on success, else a
// message naming the file.
#include <QSize>
#include <QString>

class QWidget;

namespace as::widgets {

enum class FigureFormat { Png, Svg, Pdf };
/// The colours of a figure: light (the default, for papers and slides), dark, or as on screen.
/// Applied by the caller (the application's theme), not by FigureExport.
enum class FigureTheme { Light, Dark, AsOnScreen };

struct FigureOptions {
    FigureFormat format = FigureFormat::Png;
    QSize pixels{1600, 0};  ///< PNG size in pixels; height 0: from the view's aspect
    int dpi = 150;          ///< PNG metadata and PDF resolution
    FigureTheme theme = FigureTheme::Light;
};

namespace FigureExport {
/// The PNG size for w: `pixels`, with a height of 0 taken from w's aspect (rounded, at least 1).
QSize pngSize(const QWidget* w, QSize pixels);
QString toPng(QWidget* w, const QString& path, QSize pixels, int dpi = 150);
QString toSvg(QWidget* w, const QString& path, const QString& title = {});
QString toPdf(QWidget* w, const QString& path, int dpi = 300);
/// Dispatches on options.format.
QString save(QWidget* w, const QString& path, const FigureOptions& options);
/// The format implied by a file name's suffix (png, svg, pdf); PNG when unknown.
FigureFormat formatForPath(const QString& path);
}  // namespace FigureExport

}  // namespace as::widgets
