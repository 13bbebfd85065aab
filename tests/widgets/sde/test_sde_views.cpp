// The SDE lab's views offscreen: each renders something (not one flat colour), the canvas draws
// with simulated mouse events and emits imageChanged, erases with the right button, and the
// highlights follow the data (ImageGrid, DistanceBars).
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "tests/widgets/DistinctColours.h"
#include "widgets/sde/DigitCanvas.h"
#include "widgets/sde/DistanceBars.h"
#include "widgets/sde/ImageGrid.h"
#include "widgets/sde/PixelTrajectoryPlot.h"

using namespace as::widgets;

namespace {
/// Distinct colours in a rendering of the widget (1 means blank).
int distinctColours(QWidget& w) {
    return as::test::distinctColours(w.grab().toImage());
}

std::vector<float> blockImage(int block) {  // a bright bar in row band `block`
    std::vector<float> im(28 * 28, 0.0f);
    for (int y = 2 * block; y < 2 * block + 3 && y < 28; ++y)
        for (int x = 4; x < 24; ++x) im[std::size_t(y * 28 + x)] = 0.8f;
    return im;
}
}  // namespace

class TestSdeViews : public QObject {
    Q_OBJECT
  private slots:
    void canvasDrawsWithTheMouseAndErases() {
        DigitCanvas c;
        c.setEditable(true);
        c.resize(280, 280);
        c.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c));
        QSignalSpy changed(&c, &DigitCanvas::imageChanged);
        QSignalSpy finished(&c, &DigitCanvas::strokeFinished);
        QCOMPARE(c.ink(), 0.0);
        QTest::mousePress(&c, Qt::LeftButton, {}, QPoint(60, 140));
        for (int x = 70; x <= 220; x += 10) QTest::mouseMove(&c, QPoint(x, 140));
        QTest::mouseRelease(&c, Qt::LeftButton, {}, QPoint(220, 140));
        QVERIFY(changed.count() >= 2);
        QCOMPARE(finished.count(), 1);
        const double drawn = c.ink();
        QVERIFY2(drawn > 15.0, qPrintable(QString::number(drawn)));  // a stroke ~15 cells long
        for (float v : c.image()) QVERIFY(v >= 0.0f && v <= 1.0f);
        // The stroke is in the middle rows, soft at its edge (values between 0 and 1 exist).
        bool soft = false;
        for (float v : c.image()) soft |= v > 0.05f && v < 0.95f;
        QVERIFY(soft);
        QVERIFY(distinctColours(c) > 2);
        // Right button erases.
        QTest::mousePress(&c, Qt::RightButton, {}, QPoint(60, 140));
        for (int x = 70; x <= 220; x += 5) QTest::mouseMove(&c, QPoint(x, 140));
        QTest::mouseRelease(&c, Qt::RightButton, {}, QPoint(220, 140));
        QVERIFY(c.ink() < 0.3 * drawn);
        c.clear();
        QCOMPARE(c.ink(), 0.0);
    }

    void displayOnlyCanvasIgnoresTheMouse() {
        DigitCanvas c;
        c.resize(200, 200);
        c.setColorMap(DigitCanvas::ColorMap::Viridis);
        c.setRange(0.0, 1.0);
        c.setCaption("x(t)");
        c.setImage(blockImage(5));
        c.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c));
        const double ink = c.ink();
        QSignalSpy changed(&c, &DigitCanvas::imageChanged);
        QTest::mousePress(&c, Qt::LeftButton, {}, QPoint(100, 100));
        QTest::mouseRelease(&c, Qt::LeftButton, {}, QPoint(100, 100));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(c.ink(), ink);
        QVERIFY(distinctColours(c) > 2);
    }

    void imageGridHighlightsAndClicks() {
        ImageGrid g;
        g.resize(500, 260);
        std::vector<std::vector<float>> ims;
        QStringList caps;
        for (int k = 0; k < 10; ++k) {
            ims.push_back(blockImage(k));
            caps << QString::number(k);
        }
        g.setImages(ims, 28, 28, caps);
        g.setTitle("Attractors");
        g.show();
        QVERIFY(QTest::qWaitForWindowExposed(&g));
        QCOMPARE(g.count(), 10);
        QCOMPARE(g.highlighted(), -1);
        const QImage before = g.grab().toImage();
        g.setHighlighted(3);
        QCOMPARE(g.highlighted(), 3);
        QVERIFY(g.grab().toImage() != before);  // the frame is drawn
        g.setHighlighted(42);                   // out of range: none
        QCOMPARE(g.highlighted(), -1);
        QVERIFY(distinctColours(g) > 3);
        // A click on the first image reports index 0.
        QSignalSpy clicked(&g, &ImageGrid::imageClicked);
        int found = -1;
        QPoint at;
        for (int y = 0; y < g.height() && found < 0; y += 4)
            for (int x = 0; x < g.width() && found < 0; x += 4)
                if (g.indexAt(QPointF(x, y)) == 0) {
                    found = 0;
                    at = QPoint(x + 2, y + 2);
                }
        QCOMPARE(found, 0);
        QTest::mouseClick(&g, Qt::LeftButton, {}, at);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toInt(), 0);
    }

    void distanceBarsHighlightTheNearest() {
        DistanceBars b;
        b.resize(400, 200);
        b.setTitle("distance");
        b.setValues({5.0, 3.0, 0.5, 7.0, NAN});
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        QCOMPARE(b.highlighted(), 2);
        QCOMPARE(b.axisMax(), 10.0);
        QVERIFY(distinctColours(b) > 3);
        b.setValues({1.0, 0.2, 0.5, 0.7, 0.9});
        QCOMPARE(b.highlighted(), 1);
        QCOMPARE(b.axisMax(), 10.0);  // the automatic axis only grows
        b.resetScale();
        QCOMPARE(b.axisMax(), 1.0);
        b.setValues({NAN, NAN});
        QCOMPARE(b.highlighted(), -1);
    }

    void trajectoriesDrawColouredByTarget() {
        PixelTrajectoryPlot p;
        p.resize(500, 260);
        const double aPlus = 0.853;
        p.setLevels(aPlus);
        p.setTimeRange(0, 10);
        std::vector<double> t;
        std::vector<std::vector<float>> tr(6);
        std::vector<double> targets;
        for (int j = 0; j <= 100; ++j) t.push_back(0.1 * j);
        for (int k = 0; k < 6; ++k) {
            const double target = k % 2 ? aPlus : 0.0;
            targets.push_back(target);
            for (int j = 0; j <= 100; ++j)
                tr[std::size_t(k)].push_back(
                    float(target + (0.5 - target) * std::exp(-t[std::size_t(j)])));
        }
        p.setData(t, tr, targets);
        p.setCursorTime(5.0);
        p.setTitle("pixels");
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        QTRY_COMPARE(p.drawnCurves(), 6);
        QCOMPARE(p.traceCount(), 6);
        QVERIFY(p.yMin() <= 0.0 && p.yMax() >= aPlus);
        QVERIFY(p.colourFor(0.0) != p.colourFor(aPlus));
        QVERIFY(p.colourFor(0.0).blue() > p.colourFor(0.0).green());
        QVERIFY(p.colourFor(aPlus).green() > p.colourFor(aPlus).blue());
        QVERIFY(distinctColours(p) > 4);
        p.setDark(true);
        QVERIFY(distinctColours(p) > 4);
    }
};

QTEST_MAIN(TestSdeViews)
#include "test_sde_views.moc"
