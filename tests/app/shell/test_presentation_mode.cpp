// Issue 17, item 4 "Presentation mode switched on from the menu is incomplete": one scale on every
// widget's text (the guided tour's too, and the charts' titles, axes and legends), undone exactly
// when switched off, and a window started in presentation mode has the sizes of the live switch.
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QMap>
#include <QSettings>
#include <QTest>

#include "app/gui/framework/GuidedTour.h"
#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Settings.h"
#include "tests/app/TestWindow.h"
#include "widgets/common/TraceChart.h"

using as::gui::Lab;
using as::gui::MainWindow;

namespace {
/// A widget's place in its window, the same for the same widget in another window.
QString keyOf(const QWidget* w) {
    QStringList parts;
    for (const QObject* o = w; o; o = o->parent()) {
        int index = 0;
        if (o->parent())
            for (const QObject* sibling : o->parent()->children()) {
                if (sibling == o) break;
                if (sibling->metaObject() == o->metaObject()) ++index;
            }
        parts.prepend(
            QString("%1[%2]#%3").arg(o->metaObject()->className(), o->objectName()).arg(index));
    }
    return parts.join('/');
}

/// Point size of every widget of the window (and of each chart's text) by keyOf.
QMap<QString, double> fontSizes(const MainWindow& w) {
    QMap<QString, double> sizes;
    for (QWidget* x : QApplication::allWidgets()) {
        if (x->window() != &w && x != &w) continue;
        sizes[keyOf(x)] = x->font().pointSizeF();
        if (auto* chart = qobject_cast<as::widgets::TraceChart*>(x)) {
            sizes[keyOf(x) + "/title"] = chart->chart()->titleFont().pointSizeF();
            sizes[keyOf(x) + "/legend"] = chart->chart()->legend()->font().pointSizeF();
            for (auto* axis : chart->chart()->axes())
                sizes[keyOf(x) + "/axis " + axis->titleText()] = axis->labelsFont().pointSizeF();
        }
    }
    return sizes;
}

std::unique_ptr<MainWindow> openWindow() {
    auto w = std::make_unique<MainWindow>();
    for (Lab* lab : w->labs()) lab->setPlayWhenFirstShown(false);
    w->resize(1400, 900);
    w->show();
    w->startTour();  // the tour's dock is made on demand: make it in both windows
    QCoreApplication::processEvents();
    return w;
}
}  // namespace

class TestPresentationMode : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        as::test::useTestSettings("test_presentation_mode");
        QSettings().setValue(as::gui::settings::kPresentation, false);
    }

    void onScalesEveryTextAndOffRestoresIt() {
        auto w = openWindow();
        const QMap<QString, double> before = fontSizes(*w);
        QVERIFY(before.size() > 200);
        w->setPresentationMode(true);
        QCoreApplication::processEvents();
        const QMap<QString, double> on = fontSizes(*w);
        const double k = MainWindow::kPresentationFontScale;
        int checked = 0;
        for (auto it = before.begin(); it != before.end(); ++it) {
            if (!on.contains(it.key()) || it.value() <= 0) continue;
            if (it.key().endsWith("/title")) {  // a narrow chart's title shrinks to fit (to 60 %)
                QVERIFY2(on[it.key()] <= k * 10 + 1e-6 && on[it.key()] >= 0.6 * k * 10 - 1e-6,
                         qPrintable(it.key()));
                continue;
            }
            QVERIFY2(std::abs(on[it.key()] - k * it.value()) < 1e-6,
                     qPrintable(
                         QString("%1: %2 -> %3").arg(it.key()).arg(it.value()).arg(on[it.key()])));
            ++checked;
        }
        QVERIFY(checked > 200);
        // The tour's text in particular (it stayed small, with only its buttons grown).
        for (QWidget* x : w->tour()->findChildren<QWidget*>())
            QVERIFY(std::abs(x->font().pointSizeF() - k * before[keyOf(x)]) < 1e-6);
        w->setPresentationMode(false);
        QCoreApplication::processEvents();
        const QMap<QString, double> off = fontSizes(*w);
        for (auto it = before.begin(); it != before.end(); ++it)
            if (off.contains(it.key()))
                QVERIFY2(off[it.key()] == it.value(),
                         qPrintable(QString("%1: %2 after on/off, was %3")
                                        .arg(it.key())
                                        .arg(off[it.key()])
                                        .arg(it.value())));
        // Twice more, then off: still the same sizes (nothing accumulates).
        w->setPresentationMode(true);
        w->setPresentationMode(true);
        w->setPresentationMode(false);
        QCOMPARE(fontSizes(*w), off);
    }

    void startupMatchesTheLiveSwitch() {
        QMap<QString, double> live;
        {
            auto w = openWindow();
            w->setPresentationMode(true);
            QCoreApplication::processEvents();
            live = fontSizes(*w);
            w->setPresentationMode(false);
        }
        QSettings().setValue(as::gui::settings::kPresentation, true);  // as --presentation
        auto w = openWindow();
        QSettings().setValue(as::gui::settings::kPresentation, false);
        const QMap<QString, double> started = fontSizes(*w);
        int compared = 0;
        for (auto it = started.begin(); it != started.end(); ++it) {
            if (!live.contains(it.key())) continue;
            QVERIFY2(std::abs(live[it.key()] - it.value()) < 1e-6,
                     qPrintable(QString("%1: %2 at start-up, %3 live")
                                    .arg(it.key())
                                    .arg(it.value())
                                    .arg(live[it.key()])));
            ++compared;
        }
        QVERIFY(compared > 200);
        w->setPresentationMode(false);
    }
};

QTEST_MAIN(TestPresentationMode)
#include "test_presentation_mode.moc"
