// RingView: a press at a known point emits that point's angle (0 right, counter-clockwise).
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "RingView.h"

using as::widgets::RingView;

class TestRingView : public QObject {
    Q_OBJECT
  private slots:
    void pressEmitsAngle() {
        RingView v;
        v.resize(400, 400);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy spy(&v, &RingView::stimulusDragged);
        const double pi = 3.14159265358979323846;
        for (double angle : {0.0, pi / 2, -pi / 2, 3.0, -2.0}) {
            spy.clear();
            const QPoint at = v.pointAt(angle, 1.0).toPoint();
            QTest::mousePress(&v, Qt::LeftButton, {}, at);
            QCOMPARE(spy.count(), 1);
            const double got = spy.at(0).at(0).toDouble();
            // Integer pixel rounding: about 1 px over a radius of ~100 px.
            QVERIFY2(std::abs(std::remainder(got - angle, 2 * pi)) < 0.02,
                     qPrintable(QString("angle %1 gave %2").arg(angle).arg(got)));
            QTest::mouseRelease(&v, Qt::LeftButton, {}, at);
        }
        // Up is +pi/2 (y grows downwards on screen).
        QVERIFY(v.pointAt(pi / 2).y() < v.pointAt(-pi / 2).y());
    }

    void dragEmitsWhileHeld() {
        RingView v;
        v.resize(300, 300);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy started(&v, &RingView::dragStarted);
        QSignalSpy finished(&v, &RingView::dragFinished);
        QSignalSpy moved(&v, &RingView::stimulusDragged);
        QTest::mousePress(&v, Qt::LeftButton, {}, v.pointAt(0.0).toPoint());
        QTest::mouseMove(&v, v.pointAt(1.0).toPoint());
        QTest::mouseRelease(&v, Qt::LeftButton, {}, v.pointAt(1.0).toPoint());
        QCOMPARE(started.count(), 1);
        QCOMPARE(finished.count(), 1);
        QVERIFY(moved.count() >= 2);
        QVERIFY(std::abs(moved.last().at(0).toDouble() - 1.0) < 0.03);
    }
};

QTEST_MAIN(TestRingView)
#include "test_ring_view.moc"
