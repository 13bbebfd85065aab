// Issue 16 §3: `attractor-studio --figure NAME --out FILE` renders a lab's view headless. The
// registry (every lab's figures()) names at least 25 figures, uniquely, each with the paper figure
// it reproduces and a view its lab exports; a few cheap figures render to PNG and SVG at the
// view's own aspect and are not blank; a bad name, file or setting is exit code 2.
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/FigureRunner.h"
#include "app/gui/shell/MainWindow.h"

using as::gui::FigureOutcome;
using as::gui::MainWindow;
namespace FigureRunner = as::gui::FigureRunner;

class TestFigures : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;
    QTemporaryDir dir_;

    /// Distinct colours in a grid of samples: a blank image has one or two.
    static int colours(const QImage& img) {
        QSet<QRgb> seen;
        for (int y = 0; y < img.height(); y += 4)
            for (int x = 0; x < img.width(); x += 4) seen.insert(img.pixel(x, y));
        return int(seen.size());
    }

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("AttractorStudioTest");
        QCoreApplication::setApplicationName("test_figures");
        w_ = std::make_unique<MainWindow>();
    }
    void cleanupTestCase() { w_.reset(); }

    void registryNamesEnoughFiguresOnce() {
        const auto all = FigureRunner::all(*w_);
        QVERIFY2(all.size() >= 25, qPrintable(QString::number(all.size())));
        QSet<QString> names;
        for (const auto& [lab, f] : all) {
            QVERIFY2(!names.contains(f.name), qPrintable("duplicate figure " + f.name));
            names.insert(f.name);
            QVERIFY2(f.paper.contains("seed 00"), qPrintable(f.name + ": " + f.paper));
            bool hasView = false;
            for (const auto& t : lab->exportTargets()) hasView = hasView || t.first == f.view;
            QVERIFY2(hasView,
                     qPrintable(f.name + ": lab " + lab->labId() + " has no view " + f.view));
            QVERIFY2(f.start, qPrintable(f.name + " has no recipe"));
        }
        const QString listing = FigureRunner::listing(*w_);
        for (const QString& n : names) QVERIFY2(listing.contains(n + " "), qPrintable(n));
        QVERIFY(listing.contains("[sweep]"));
    }

    void rendersPngAtTheViewsAspect() {
        const QString png = dir_.filePath("ring-bump.png");
        const FigureOutcome r = FigureRunner::render(*w_, "ring-bump", png);
        QCOMPARE(r.code, 0);
        const QImage img(png);
        QCOMPARE(img.width(), 1600);
        QWidget* view = nullptr;
        for (const auto& t : w_->currentLab()->exportTargets())
            if (t.first == "Ring view") view = t.second;
        QVERIFY(view);
        const double expected = 1600.0 * view->height() / view->width();
        QVERIFY2(std::abs(img.height() - expected) <= 1.0,
                 qPrintable(QString("%1 vs %2").arg(img.height()).arg(expected)));
        QVERIFY2(colours(img) > 20, qPrintable(QString::number(colours(img))));
        // Light theme whatever the screen: the corner is the light background.
        QVERIFY(img.pixelColor(2, 2).lightness() > 200);
    }

    void rendersSvgOfAnotherLab() {
        const QString svg = dir_.filePath("hd2d-errors.svg");
        const FigureOutcome r = FigureRunner::render(*w_, "hd2d-errors", svg);
        QCOMPARE(r.code, 0);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY2(text.size() > 5000, qPrintable(QString::number(text.size())));
    }

    void rendersAProtocolFigure() {
        const QString png = dir_.filePath("ei-4b.png");
        const FigureOutcome r = FigureRunner::render(*w_, "ei-4b", png, {"NE=400"});
        QCOMPARE(r.code, 0);
        const QImage img(png);
        QCOMPARE(img.width(), 1600);
        QVERIFY(img.height() > 200 && img.height() < 1600);
        QVERIFY(colours(img) > 20);
    }

    void refusesABadNameFileOrSetting() {
        const QString png = dir_.filePath("x.png");
        FigureOutcome r = FigureRunner::render(*w_, "no-such-figure", png);
        QCOMPARE(r.code, 2);
        QVERIFY(r.message.contains("no-such-figure"));
        r = FigureRunner::render(*w_, "ring-bump", dir_.filePath("x.txt"));
        QCOMPARE(r.code, 2);
        QVERIFY(r.message.contains(".png, .svg or .pdf"));
        r = FigureRunner::render(*w_, "ring-bump", dir_.filePath("missing/x.png"));
        QCOMPARE(r.code, 2);
        QVERIFY(r.message.contains("missing"));
        r = FigureRunner::render(*w_, "ring-bump", png, {"nosuchkey=1"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.message.contains("nosuchkey"));
        QVERIFY(!QFile::exists(png));
    }
};

QTEST_MAIN(TestFigures)
#include "test_figures.moc"
