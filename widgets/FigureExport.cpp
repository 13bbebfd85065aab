#include "FigureExport.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>
#include <algorithm>
#include <cmath>

namespace as::widgets::FigureExport {
namespace {

/// Paints w scaled uniformly and centred into a target of the given size.
void paintScaled(QWidget* w, QPainter& p, QSizeF target) {
    const QSizeF src = w->size();
    const double s = std::min(target.width() / src.width(), target.height() / src.height());
    p.fillRect(QRectF(QPointF(0, 0), target), w->palette().window());
    p.translate((target.width() - src.width() * s) / 2, (target.height() - src.height() * s) / 2);
    p.scale(s, s);
    w->render(&p, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
}

QString checkWidget(QWidget* w, const QString& path) {
    if (!w) return QObject::tr("Nothing to export to %1").arg(path);
    if (w->width() <= 0 || w->height() <= 0)
        return QObject::tr("Cannot export %1: the view has no size").arg(path);
    return {};
}

}  // namespace

QSize pngSize(const QWidget* w, QSize pixels) {
    if (!w || pixels.height() > 0 || w->width() <= 0) return pixels;
    return {pixels.width(),
            std::max(1, int(std::lround(double(pixels.width()) * w->height() / w->width())))};
}

QString toPng(QWidget* w, const QString& path, QSize pixels, int dpi) {
    if (QString e = checkWidget(w, path); !e.isEmpty()) return e;
    pixels = pngSize(w, pixels);
    if (pixels.isEmpty()) return QObject::tr("Cannot export %1: empty image size").arg(path);
    QImage img(pixels, QImage::Format_ARGB32_Premultiplied);
    const int dpm = int(dpi / 0.0254 + 0.5);
    img.setDotsPerMeterX(dpm);
    img.setDotsPerMeterY(dpm);
    img.fill(Qt::white);
    {
        QPainter p(&img);
        p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                         QPainter::SmoothPixmapTransform);
        paintScaled(w, p, QSizeF(pixels));
    }
    if (!img.save(path, "PNG")) return QObject::tr("Could not write the PNG file %1").arg(path);
    return {};
}

QString toSvg(QWidget* w, const QString& path, const QString& title) {
    if (QString e = checkWidget(w, path); !e.isEmpty()) return e;
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(w->size());
    gen.setViewBox(QRect(QPoint(0, 0), w->size()));
    gen.setTitle(title.isEmpty() ? QStringLiteral("Attractor Studio figure") : title);
    gen.setDescription(QStringLiteral("Exported by Attractor Studio"));
    QPainter p;
    if (!p.begin(&gen)) return QObject::tr("Could not write the SVG file %1").arg(path);
    paintScaled(w, p, QSizeF(w->size()));
    p.end();
    if (QFileInfo(path).size() <= 0)
        return QObject::tr("Could not write the SVG file %1").arg(path);
    return {};
}

QString toPdf(QWidget* w, const QString& path, int dpi) {
    if (QString e = checkWidget(w, path); !e.isEmpty()) return e;
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("Attractor Studio"));
    pdf.setResolution(dpi);
    // Page the size of the widget (1 px = 1/96 in), no margins.
    const QSizeF pts(w->width() * 72.0 / 96.0, w->height() * 72.0 / 96.0);
    pdf.setPageSize(QPageSize(pts, QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter p;
    if (!p.begin(&pdf)) return QObject::tr("Could not write the PDF file %1").arg(path);
    paintScaled(w, p, QSizeF(pdf.width(), pdf.height()));
    p.end();
    if (QFileInfo(path).size() <= 0)
        return QObject::tr("Could not write the PDF file %1").arg(path);
    return {};
}

QString save(QWidget* w, const QString& path, const FigureOptions& o) {
    switch (o.format) {
        case FigureFormat::Svg:
            return toSvg(w, path);
        case FigureFormat::Pdf:
            return toPdf(w, path, o.dpi);
        case FigureFormat::Png:
            break;
    }
    return toPng(w, path, o.pixels, o.dpi);
}

FigureFormat formatForPath(const QString& path) {
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == "svg") return FigureFormat::Svg;
    if (s == "pdf") return FigureFormat::Pdf;
    return FigureFormat::Png;
}

}  // namespace as::widgets::FigureExport
