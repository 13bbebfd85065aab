// The heatmap, the ring view and a trace chart render non-empty images from data.
#include <QImage>
#include <QTest>
#include <cmath>
#include <memory>

#include "tests/widgets/DistinctColours.h"
#include "widgets/common/ActivityHeatmap.h"
#include "widgets/common/Colormap.h"
#include "widgets/common/TraceChart.h"
#include "widgets/ring/RingView.h"

using namespace as::widgets;
using as::test::distinctColours;

namespace {

std::shared_ptr<as::RingSnapshot> bumpSnapshot() {
    auto s = std::make_shared<as::RingSnapshot>();
    const int n = 128, rows = 50;
    const double pi = 3.14159265358979323846;
    for (int i = 0; i < n; ++i) {
        const double x = -pi + 2 * pi * i / n;
        s->positions.push_back(x);
        s->r.push_back(std::exp(-x * x / 0.5));
        s->u.push_back(s->r.back());
    }
    for (int r = 0; r < rows; ++r)
        for (int i = 0; i < n; ++i)
            s->activity.push_back(float(std::exp(-std::pow(s->positions[i] - r * 0.05, 2) / 0.5)));
    s->activityRows = rows;
    s->activityT0 = 0;
    s->activityT1 = 49;
    s->height = 1;
    s->r0Analytic = 1;
    s->stimulusOn = true;
    s->params.N = n;
    return s;
}
}  // namespace

class TestViewsRender : public QObject {
    Q_OBJECT
  private slots:
    void colormapAnchors() {
        const auto& m = Colormap::viridis();
        QCOMPARE(m.rgb(0.0) & 0xffffff, QRgb(0x440154));
        QCOMPARE(m.rgb(1.0) & 0xffffff, QRgb(0xfde725));
        QCOMPARE(m.rgb(0.5) & 0xffffff, QRgb(0x21918c));
    }

    void heatmapRenders() {
        ActivityHeatmap h;
        h.resize(500, 260);
        h.setSnapshot(bumpSnapshot());
        QVERIFY(h.colourMax() >= 1.0);
        const QImage img = h.grab().toImage();
        QVERIFY(!img.isNull());
        QVERIFY(distinctColours(img) > 20);
    }

    void ringViewRenders() {
        RingView v;
        v.resize(400, 400);
        v.setSnapshot(bumpSnapshot());
        QVERIFY(distinctColours(v.grab().toImage()) > 10);
    }

    void traceChartRenders() {
        TraceChart c("Position", "time t (ms)", "z (rad)");
        const int a = c.addSeries("stimulus", Qt::blue);
        const int b = c.addSeries("decoded", Qt::red);
        std::vector<double> t, y1, y2;
        for (int i = 0; i < 500; ++i) {
            t.push_back(i * 0.1);
            y1.push_back(std::sin(i * 0.02));
            y2.push_back(std::sin(i * 0.02 - 0.1));
        }
        c.setSeriesData(a, t, y1);
        c.setSeriesData(b, t, y2);
        QCOMPARE(c.pointCount(a), 500);
        QCOMPARE(c.seriesCount(), 2);
        c.resize(420, 220);
        QVERIFY(distinctColours(c.grab().toImage()) > 10);
    }

    // Regression: an auto-range jump (all-zero trace, then tens of Hz, then tiny values) used to
    // set the new range under the old tick interval, so Qt Charts built ~1e5 tick items and hung.
    void traceChartSurvivesRangeJumps() {
        TraceChart c("Rate", "time t (ms)", "rate (Hz)");
        const int a = c.addSeries("E", Qt::blue);
        c.resize(420, 220);
        std::vector<double> t(200), y(200, 0.0);
        for (int i = 0; i < 200; ++i) t[i] = i;
        for (double level : {0.0, 1e-4, 1e4, 40.0, 1e-4, 0.0, 25.0}) {
            for (double& v : y) v = level;
            y.back() = level * 1.01;
            c.setSeriesData(a, t, y);
            QVERIFY(distinctColours(c.grab().toImage()) > 2);
        }
    }
};

QTEST_MAIN(TestViewsRender)
#include "test_views_render.moc"
