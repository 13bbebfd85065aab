// The Generator lab's views offscreen: the gallery lays images out in titled sections, finds the
// image under a point (also when scrolled), selects with Ctrl+click, paints each image's grey
// values; the latent scatter picks the point under the mouse and emits it on hover and click; the
// error-bar plot keeps its points in x order.
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "widgets/common/ErrorBarPlot.h"
#include "widgets/generator/GalleryView.h"
#include "widgets/generator/LatentScatter.h"
#include "widgets/torus/PointCloudView.h"

using as::widgets::GalleryView;
using as::widgets::LatentScatter;

class TestGeneratorViews : public QObject {
    Q_OBJECT

    /// n images whose pixel (r, c) is k / n for image k (a flat grey level each).
    static std::vector<float> flat(int n) {
        std::vector<float> x(std::size_t(n) * 784);
        for (int k = 0; k < n; ++k)
            std::fill(x.begin() + k * 784, x.begin() + (k + 1) * 784, float(k) / float(n));
        return x;
    }

  private slots:
    void galleryLayoutPickAndPaint() {
        GalleryView v;
        v.resize(400, 300);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.addSection("a");
        v.addSection("b");
        const std::vector<float> x = flat(40);
        v.appendImages(0, x.data(), 20);
        v.appendImages(1, x.data() + 20 * 784, 20);
        QCOMPARE(v.count(), 40);
        QCOMPARE(v.sectionOf(25), 1);
        QCOMPARE(v.pixels(25)[100], 25.0f / 40.0f);
        const int cols = v.columns();
        QVERIFY(cols >= 4);
        // Margin 8, header 24, cell 56, gap 4: image k of section a at (8 + 60 (k % cols),
        // 32 + 60 (k / cols)).
        QCOMPARE(v.indexAt(QPoint(8 + 60 + 20, 32 + 20)), 1);
        QCOMPARE(v.indexAt(QPoint(8 + 60 + 58, 32 + 20)), -1);  // in the gap
        QCOMPARE(v.indexAt(QPoint(2, 32 + 20)), -1);            // in the margin
        // Painted grey: image 1 is 1/40 of white -> 6.
        QImage img(v.viewport()->size(), QImage::Format_RGB32);
        v.viewport()->render(&img);
        QCOMPARE(qGray(img.pixel(8 + 60 + 28, 32 + 28)), int(std::lround(255.0 / 40)));
        // Scrolled: the first image of section b.
        QVERIFY(v.verticalScrollBar()->maximum() > 0);
        v.scrollToIndex(39);
        QVERIFY(v.verticalScrollBar()->value() > 0);
        bool found = false;
        for (int y = 0; y < v.viewport()->height() && !found; y += 5)
            found = v.indexAt(QPoint(8 + 28, y)) == 20 + ((39 - 20) / cols) * cols;
        QVERIFY(found);
        // Ctrl+click selects, a plain click emits imageClicked.
        v.verticalScrollBar()->setValue(0);
        QSignalSpy clicked(&v, &GalleryView::imageClicked);
        QTest::mouseClick(v.viewport(), Qt::LeftButton, Qt::ControlModifier,
                          QPoint(8 + 28, 32 + 28));
        QCOMPARE(v.selection(), QList<int>{0});
        QCOMPARE(clicked.count(), 0);
        QTest::mouseClick(v.viewport(), Qt::LeftButton, {}, QPoint(8 + 60 + 28, 32 + 28));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 1);
        // Zoom re-renders every cached tile at the new size.
        v.setCellSize(28);
        QVERIFY(v.columns() > cols);
        v.clear();
        QCOMPARE(v.count(), 0);
        QVERIFY(v.selection().isEmpty());
    }

    void scatterPicksThePointUnderTheMouse() {
        LatentScatter s;
        s.resize(400, 400);
        s.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s));
        s.setRotation(0, 0);  // x to the right, z up, y into the screen
        s.setData({{{-1, 0, 0}, 0}, {{1, 0, 0}, 1}, {{0, 0, 1}, 2}},
                  {{-1, 0, 0}, {1, 0, 0}, {0, 0, 1}}, {"0", "1", "2"});
        QCOMPARE(int(s.pointCount()), 3);
        // The data's extent is 1 around (0, 0, 0.5): x = 1 lies 0.36 min(w, h - 24) right of the
        // centre.
        const double scale = 0.36 * std::min(400, 400 - 24);
        const QPointF centre(200, 24 + (400 - 24) / 2.0 + 0.5 * scale);
        QCOMPARE(s.pointAt(centre + QPointF(scale, 0)), 1);
        QCOMPARE(s.pointAt(centre + QPointF(-scale, 0)), 0);
        QCOMPARE(s.pointAt(centre + QPointF(0, -scale)), 2);
        QCOMPARE(s.pointAt(centre + QPointF(0, scale)), -1);
        QSignalSpy hovered(&s, &LatentScatter::pointHovered);
        QTest::mouseMove(&s, (centre + QPointF(scale, 0)).toPoint());
        QTRY_COMPARE(hovered.count(), 1);
        QCOMPARE(hovered.at(0).at(0).toInt(), 1);
        QSignalSpy clicked(&s, &LatentScatter::pointClicked);
        QTest::mouseClick(&s, Qt::LeftButton, {}, (centre + QPointF(-scale, 0)).toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 0);
    }

    // The rotatable views' shared drag (RotatableView): half a degree a pixel; the latent scatter
    // rotates only after 3 px, so a shorter press is a click, while the torus view rotates at once.
    void dragRotatesPastTheThreshold() {
        LatentScatter s;
        s.resize(300, 300);
        s.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s));
        s.setRotation(10, 20);
        QSignalSpy clicked(&s, &LatentScatter::pointClicked);
        s.setData({{{0, 0, 0}, 0}}, {{0, 0, 0}}, {"0"});
        const QPoint at(150, 150);
        QTest::mousePress(&s, Qt::LeftButton, {}, at);
        QTest::mouseMove(&s, at + QPoint(2, 0));  // within 3 px: no rotation yet
        QCOMPARE(s.yaw(), 10.0);
        QTest::mouseMove(&s, at + QPoint(12, 4));  // past it: rotates by this move's 10 and 4 px
        QCOMPARE(s.yaw(), 15.0);
        QCOMPARE(s.pitch(), 22.0);
        QTest::mouseRelease(&s, Qt::LeftButton, {}, at + QPoint(12, 4));
        QCOMPARE(clicked.count(), 0);  // a drag is no click

        as::widgets::PointCloudView v("torus");
        v.resize(300, 300);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.setRotation(10, 20);
        QTest::mousePress(&v, Qt::LeftButton, {}, at);
        QTest::mouseMove(&v, at + QPoint(2, -2));
        QCOMPARE(v.yaw(), 11.0);
        QCOMPARE(v.pitch(), 19.0);
        QTest::mouseRelease(&v, Qt::LeftButton, {}, at + QPoint(2, -2));
    }

    void errorBarsInOrder() {
        as::widgets::ErrorBarPlot p;
        p.setTitles("t", "x", "y");
        p.setCurves({{"fd", {0, 0.1, 0.4}, {1, 2, 3}, {0.5, 0.1, 1}}});
        p.setReference(0.5, "floor");
        QCOMPARE(p.curves().front().x.back(), 0.4);
        QCOMPARE(p.reference(), 0.5);
        p.resize(300, 200);
        QImage img(p.size(), QImage::Format_RGB32);
        p.render(&img);  // paints without data issues
    }
};

QTEST_MAIN(TestGeneratorViews)
#include "test_generator_views.moc"
