#include "widgets/common/ThemedIcons.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QToolBar>

namespace as::widgets {

namespace {
constexpr const char* kIconProperty = "as_themedIcon";
}

QIcon themedIcon(QStyle::StandardPixmap sp) {
    const QIcon base = QApplication::style()->standardIcon(sp);
    const QPalette pal = QApplication::palette();
    if (pal.color(QPalette::Window).lightness() >= 128) return base;
    const QColor ink = pal.color(QPalette::ButtonText);
    QIcon out;
    QList<QSize> sizes = base.availableSizes();
    if (sizes.isEmpty()) sizes = {QSize(16, 16), QSize(24, 24), QSize(32, 32)};
    for (const QSize& s : sizes)
        for (QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
            QImage img = base.pixmap(s, mode).toImage().convertToFormat(QImage::Format_ARGB32);
            const QColor c =
                mode == QIcon::Normal ? ink : pal.color(QPalette::Disabled, QPalette::ButtonText);
            for (int y = 0; y < img.height(); ++y) {
                auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
                for (int x = 0; x < img.width(); ++x) {
                    const QRgb p = line[x];
                    if (qAlpha(p) == 0 || QColor(p).lightness() >= 110) continue;  // keep colours
                    line[x] = qRgba(c.red(), c.green(), c.blue(), qAlpha(p));
                }
            }
            out.addPixmap(QPixmap::fromImage(img), mode);
        }
    return out;
}

void setThemedIcon(QAction* a, QStyle::StandardPixmap sp) {
    a->setProperty(kIconProperty, int(sp));
    a->setIcon(themedIcon(sp));
}

QAction* addThemedAction(QToolBar* bar, QStyle::StandardPixmap sp, const QString& text) {
    QAction* a = bar->addAction(text);
    setThemedIcon(a, sp);
    return a;
}

void retintIcons(QObject* root) {
    for (QAction* a : root->findChildren<QAction*>()) {
        const QVariant sp = a->property(kIconProperty);
        if (sp.isValid()) a->setIcon(themedIcon(QStyle::StandardPixmap(sp.toInt())));
    }
}

}  // namespace as::widgets
