// RingView: a press at a known point emits that point's angle (0 right, counter-clockwise), and
// the drawn firing-rate profile sits at the bump: at the stimulus of a static protocol.
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <complex>
#include <memory>

#include "cann/RingSimulation.h"
#include "core/Angles.h"
#include "widgets/ring/RingView.h"

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

    // Renders the view twice, with the simulated bump and with r = 0 (same stimulus and decode
    // marks), and takes the circular mean angle of the pixels that differ outside the ring: the
    // drawn profile. It must lie at the stimulus (a static protocol settles the bump there).
    void drawsTheBumpAtTheStimulusAngle() {
        for (double z0 : {0.0, 1.2, -2.5, 3.0}) {
            as::StimulusParams stim;
            stim.protocol = as::Protocol::Static;
            stim.z0 = z0;
            as::RingSimulation sim(as::CannParams{}, stim);
            sim.step(500);  // 50 ms at dt = 0.1 ms: the bump has settled
            const std::shared_ptr<const as::RingSnapshot> bump = sim.snapshot();
            auto flat = std::make_shared<as::RingSnapshot>(*bump);
            std::fill(flat->r.begin(), flat->r.end(), 0.0);

            RingView v;
            v.resize(400, 400);
            v.setSnapshot(bump);
            const QImage with = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
            v.setSnapshot(flat);
            const QImage without = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
            QCOMPARE(with.size(), without.size());

            const QPointF c = v.pointAt(0.0, 0.0);
            const double R = std::hypot(v.pointAt(0.0).x() - c.x(), v.pointAt(0.0).y() - c.y());
            std::complex<double> sum = 0;
            int count = 0;
            for (int y = 0; y < with.height(); ++y)
                for (int x = 0; x < with.width(); ++x) {
                    if (with.pixel(x, y) == without.pixel(x, y)) continue;
                    const double dx = x + 0.5 - c.x(), dy = y + 0.5 - c.y();
                    if (std::hypot(dx, dy) < 1.05 * R) continue;  // the ring and inside
                    sum += std::polar(1.0, v.angleAt(QPointF(x + 0.5, y + 0.5)));
                    ++count;
                }
            QVERIFY2(count > 200, qPrintable(QString("only %1 profile pixels").arg(count)));
            const double drawn = std::arg(sum);
            QVERIFY2(std::abs(as::wrapAngle(drawn - z0)) < 0.05,
                     qPrintable(QString("stimulus at %1 rad, profile drawn at %2 rad (%3 pixels)")
                                    .arg(z0)
                                    .arg(drawn)
                                    .arg(count)));
        }
    }
};

QTEST_MAIN(TestRingView)
#include "test_ring_view.moc"
