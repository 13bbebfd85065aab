// Issue 17, item 6 "Export is clumsy": a single view exports at its own aspect (no grey letterbox
// bars), and with the dark theme on screen the figure is light by default (or dark, or as on
// screen, when asked), with the screen left as it was.
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>
#include <functional>

#include "app/gui/ring/RingLab.h"
#include "app/gui/shell/MainWindow.h"
#include "tests/app/TestWindow.h"
#include "widgets/common/ExportFigureDialog.h"
#include "widgets/common/FigureExport.h"

using as::gui::MainWindow;

class TestExportFigure : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;
    static int lightness(const QImage& img, int x, int y) {
        return img.pixelColor(x, y).lightness();
    }

  private slots:
    void initTestCase() { as::test::useTestSettings("test_export_figure"); }
    void init() {
        w_ = as::test::exposedMainWindow({.defaultSession = true});
        QVERIFY(w_);
    }
    void cleanup() { w_.reset(); }

    void eachViewExportsAtItsOwnAspect() {
        QTemporaryDir dir;
        const auto targets = w_->findLab<as::gui::RingLab>()->exportTargets();
        for (int i = 0; i < int(targets.size()); ++i) {
            const QSize view = targets[std::size_t(i)].second->size();
            const QString png = dir.filePath(QString("v%1.png").arg(i));
            QCOMPARE(w_->exportView(i, png), QString());
            const QImage img(png);
            QCOMPARE(img.width(), 1600);
            // Height from the view's aspect, to the pixel: no letterbox bars.
            const double expected = 1600.0 * view.height() / view.width();
            QVERIFY2(std::abs(img.height() - expected) <= 1.0,
                     qPrintable(QString("%1: %2x%3 for a %4x%5 view")
                                    .arg(targets[std::size_t(i)].first)
                                    .arg(img.width())
                                    .arg(img.height())
                                    .arg(view.width())
                                    .arg(view.height())));
        }
    }

    void darkThemeExportsLightByDefault() {
        w_->setDarkTheme(true);
        QTemporaryDir dir;
        const QString png = dir.filePath("lab.png");
        QCOMPARE(w_->exportView(0, png), QString());  // the whole lab
        const QImage img(png);
        QVERIFY2(lightness(img, 3, 3) > 200, qPrintable(QString::number(lightness(img, 3, 3))));
        // The screen is still dark.
        QVERIFY(w_->darkTheme());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(w_->findLab<as::gui::RingLab>()
                    ->centralWidget()
                    ->palette()
                    .color(QPalette::Window)
                    .lightness() < 100);
    }

    void darkOrAsOnScreenWhenAsked() {
        QTemporaryDir dir;
        as::widgets::FigureOptions o;
        o.theme = as::widgets::FigureTheme::Dark;
        QCOMPARE(w_->exportFigure(1, dir.filePath("dark.png"), o), QString());  // the ring view
        QVERIFY(lightness(QImage(dir.filePath("dark.png")), 3, 3) < 100);
        QVERIFY(!w_->darkTheme());  // the light screen stays light
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        w_->setDarkTheme(true);
        o.theme = as::widgets::FigureTheme::AsOnScreen;
        QCOMPARE(w_->exportFigure(1, dir.filePath("screen.png"), o), QString());
        QVERIFY(lightness(QImage(dir.filePath("screen.png")), 3, 3) < 100);
        o.theme = as::widgets::FigureTheme::Light;
        o.format = as::widgets::FigureFormat::Svg;
        QCOMPARE(w_->exportFigure(1, dir.filePath("light.svg"), o), QString());
        QVERIFY(w_->darkTheme());
    }

    void dialogRemembersTheLastChoices() {
        QSettings().remove("export");
        QTemporaryDir dir;
        const QString svg = dir.filePath("ring-view.svg");
        // File → Export Figure (Ctrl+E) twice: choose, then find the choices again.
        QStringList seen;
        auto run = [&](const std::function<void(as::widgets::ExportFigureDialog*)>& act) {
            bool done = false;
            QTimer poll;
            connect(&poll, &QTimer::timeout, this, [&] {
                if (auto* d = qobject_cast<as::widgets::ExportFigureDialog*>(
                        QApplication::activeModalWidget());
                    d && !done) {
                    done = true;
                    act(d);
                }
            });
            poll.start(20);
            w_->activateWindow();  // back from the last dialog
            QVERIFY(QTest::qWaitForWindowActive(w_.get()));
            QTest::keyClick(w_.get(), Qt::Key_E, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(done, 3000);
        };
        run([&](as::widgets::ExportFigureDialog* d) {
            d->findChild<QComboBox*>("exportView")->setCurrentIndex(1);     // Ring view
            d->findChild<QComboBox*>("exportColours")->setCurrentIndex(1);  // Dark
            d->findChild<QSpinBox*>("exportWidth")->setValue(900);
            d->setPath(svg);
            d->accept();
        });
        QVERIFY(QFileInfo(svg).size() > 200);
        run([&](as::widgets::ExportFigureDialog* d) {
            seen << d->findChild<QComboBox*>("exportView")->currentText()
                 << d->findChild<QComboBox*>("exportFormat")->currentText()
                 << d->findChild<QComboBox*>("exportColours")->currentText()
                 << QString::number(d->findChild<QSpinBox*>("exportWidth")->value())
                 << QFileInfo(d->path()).absolutePath();
            d->reject();
        });
        QCOMPARE(seen, (QStringList{"Ring view", "SVG vector graphic", "Dark", "900",
                                    QFileInfo(svg).absolutePath()}));
        QSettings().remove("export");
    }

    void dialogDefaultsToLightAtTheViewsAspect() {
        as::widgets::ExportFigureDialog dlg({"Whole lab", "Ring view"}, QSize(1600, 0));
        dlg.setViewSizes({QSize(1000, 800), QSize(400, 400)});
        QCOMPARE(dlg.options().theme, as::widgets::FigureTheme::Light);
        QCOMPARE(dlg.options().pixels, QSize(1600, 0));  // height from the view
        auto* height = dlg.findChildren<QSpinBox*>().at(1);
        QCOMPARE(height->value(), 1280);
        QVERIFY(!height->isEnabled());
    }
};

QTEST_MAIN(TestExportFigure)
#include "test_export_figure.moc"
