#pragma once
// Renders any QWidget to a figure file: PNG at a chosen pixel size and DPI, SVG (QSvgGenerator) or
// PDF (QPdfWriter). The widget keeps its on-screen layout and is scaled uniformly to fit the target,
// centred on the widget's background colour. Functions return an empty string on success, else a
// message naming the file.
#include <QSize>
#include <QString>

class QWidget;

namespace as::widgets {

enum class FigureFormat { Png, Svg, Pdf };

struct FigureOptions {
    FigureFormat format = FigureFormat::Png;
    QSize pixels{1600, 1000};  ///< PNG size in pixels
    int dpi = 150;             ///< PNG metadata and PDF resolution
};

namespace FigureExport {
QString toPng(QWidget* w, const QString& path, QSize pixels, int dpi = 150);
QString toSvg(QWidget* w, const QString& path, const QString& title = {});
QString toPdf(QWidget* w, const QString& path, int dpi = 300);
/// Dispatches on options.format.
QString save(QWidget* w, const QString& path, const FigureOptions& options);
/// The format implied by a file name's suffix (png, svg, pdf); PNG when unknown.
FigureFormat formatForPath(const QString& path);
}  // namespace FigureExport

}  // namespace as::widgets
