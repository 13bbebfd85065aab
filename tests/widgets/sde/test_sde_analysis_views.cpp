// The SDE lab's analysis views: the spectrum plot maps eigenvalues to the correct side of the
// imaginary axis, autoscales, hovers and renders; the matrix heatmap colours, labels and renders.
#include <QImage>
#include <QTest>
#include <cmath>
#include <complex>

#include "tests/widgets/DistinctColours.h"
#include "widgets/sde/MatrixHeatmap.h"
#include "widgets/sde/SpectrumPlot.h"

using namespace as::widgets;
using as::test::distinctColours;

namespace {

SpectrumPlot::Values cloud() {
    SpectrumPlot::Values v;
    for (int k = 0; k < 40; ++k) v.push_back({-1.0, 0.0});  // the shared -1 of Appendix A
    for (int k = 0; k < 12; ++k) {
        const double re = -0.3 - 0.15 * k, im = 0.08 * k;
        v.push_back({re, im});
        v.push_back({re, -im});
    }
    v.push_back({0.25, 0.0});  // one unstable mode
    return v;
}
}  // namespace

class TestSdeAnalysisViews : public QObject {
    Q_OBJECT
  private slots:
    void spectrumSidesOfTheImaginaryAxis() {
        SpectrumPlot p;
        p.resize(500, 400);
        p.setPrimary(cloud(), "model");
        const double axisX = p.toPixel({0.0, 0.0}).x();
        const QRectF plot = p.plotRect();
        QVERIFY(axisX > plot.left() && axisX < plot.right());
        // A stable eigenvalue lies left of the imaginary axis, an unstable one right of it.
        QVERIFY(p.toPixel({-1.0, 0.0}).x() < axisX - 5);
        QVERIFY(p.toPixel({0.25, 0.0}).x() > axisX + 5);
        // Positive imaginary part is up.
        QVERIFY(p.toPixel({-1.0, 0.5}).y() < p.toPixel({-1.0, -0.5}).y());
        // Autoscale: every point inside the frame, with a margin.
        for (const auto& z : p.primary()) {
            const QPointF px = p.toPixel(z);
            QVERIFY(plot.adjusted(3, 3, -3, -3).contains(px));
        }
        QVERIFY(p.reMin() < -0.3 - 0.15 * 11);
        QVERIFY(p.reMax() > 0.25);
        QCOMPARE(p.imMin(), -p.imMax());
    }

    void spectrumRealOnlyHasReadableImAxis() {
        SpectrumPlot p;
        p.resize(400, 300);
        p.setPrimary({{-2.0, 0.0}, {-1.0, 0.0}, {-0.5, 0.0}}, "");
        QVERIFY(p.imMax() > 0.05);
        QVERIFY(p.reMax() > 0.0);  // the imaginary axis stays in view
    }

    void spectrumHoverNamesTheValue() {
        SpectrumPlot p;
        p.resize(500, 400);
        p.setPrimary({{-0.75, 0.5}, {-0.75, -0.5}}, "stochastic");
        const QString t = p.tooltipAt(p.toPixel({-0.75, 0.5}) + QPointF(2, 1));
        QVERIFY2(t.contains("-0.75") || t.contains(QString::fromUtf8("−0.75")), qPrintable(t));
        QVERIFY2(t.contains("0.5 i"), qPrintable(t));
        QVERIFY(t.contains("stochastic"));
        QVERIFY(p.tooltipAt(QPointF(2, 2)).isEmpty());
    }

    void spectrumRendersWithComparisonAndMarkers() {
        SpectrumPlot p;
        p.resize(520, 400);
        p.setPrimary(cloud(), "stochastic");
        auto shifted = cloud();
        for (auto& z : shifted) z += std::complex<double>(0.2, 0.0);
        p.setComparison(shifted, "deterministic");
        p.setMarkers({{-1.0, 0.0}}, "shared");
        const QImage img = p.grab().toImage();
        QVERIFY(distinctColours(img) > 10);
        // A stable blue dot is painted at (-1, 0).
        const QPoint px = p.toPixel({-1.0, 0.0}).toPoint();
        bool red = false;
        for (int dx = -3; dx <= 3; ++dx)
            for (int dy = -3; dy <= 3; ++dy) {
                const QColor c = img.pixelColor(px + QPoint(dx, dy));
                red =
                    red || (c.red() > 150 && c.green() < 80 && c.blue() < 80);  // the marker cross
            }
        QVERIFY(red);
        p.setDark(true);
        QVERIFY(distinctColours(p.grab().toImage()) > 10);
        p.clear();
        QVERIFY(p.primary().empty());
    }

    void heatmapColoursLabelsAndRenders() {
        MatrixHeatmap h;
        h.resize(460, 400);
        Eigen::MatrixXd m(4, 4);
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j) m(i, j) = i == j ? 0.0 : 10.0 * (1 + std::abs(i - j)) + i;
        h.setMatrix(m, {"0", "1", "2", "3"}, {"0", "1", "2", "3"});
        h.setAxisLabels("attractor l", "attractor m", QString::fromUtf8("Δ"));
        QCOMPARE(h.colourMin(), 0.0);
        QCOMPARE(h.colourMax(), m.maxCoeff());
        QVERIFY(h.valuesShown());
        const QRectF c00 = h.cellRect(0, 0), c33 = h.cellRect(3, 3);
        QVERIFY(c00.isValid() && c33.left() > c00.left() && c33.top() > c00.top());
        QVERIFY(!h.cellRect(4, 0).isValid());
        const QImage img = h.grab().toImage();
        QVERIFY(distinctColours(img) > 10);
        // The largest entry is the bright end of the map, the zero diagonal the dark end.
        const QColor hi = img.pixelColor(h.cellRect(3, 0).topLeft().toPoint() + QPoint(2, 2));
        const QColor lo = img.pixelColor(h.cellRect(1, 1).topLeft().toPoint() + QPoint(2, 2));
        QVERIFY(hi.lightnessF() > lo.lightnessF() + 0.3);
        QVERIFY(h.tooltipAt(h.cellRect(3, 0).center()).contains("43"));

        h.setLogScale(
            true);  // zeros are not on a log scale: the range starts at the smallest positive
        QCOMPARE(h.colourMin(), m(0, 1));  // 20, the smallest positive entry
        QVERIFY(distinctColours(h.grab().toImage()) > 10);

        h.resize(120, 100);  // too small for value text
        Eigen::MatrixXd big = Eigen::MatrixXd::Random(10, 10).cwiseAbs() * 1000;
        h.setMatrix(big);
        QVERIFY(!h.valuesShown());
        h.clear();
        QCOMPARE(h.matrix().size(), Eigen::Index(0));
    }

    void heatmapConstantMatrixIsOneColour() {
        // Regression: an untrained model's Mahalanobis matrix is constant up to rounding; the
        // colour range must not spread the rounding noise over the whole map.
        MatrixHeatmap h;
        h.resize(400, 360);
        h.setDiagonalNeutral(true);
        Eigen::MatrixXd m = Eigen::MatrixXd::Constant(4, 4, 194.02008);
        m(0, 1) += 3e-12;
        m(2, 3) -= 2e-12;
        m.diagonal().setZero();
        h.setMatrix(m);
        QCOMPARE(h.colourMin(), 0.0);
        const QImage img = h.grab().toImage();
        const QColor a = img.pixelColor(h.cellRect(0, 1).topLeft().toPoint() + QPoint(2, 2));
        const QColor b = img.pixelColor(h.cellRect(2, 3).topLeft().toPoint() + QPoint(2, 2));
        QCOMPARE(a, b);
    }
};

QTEST_MAIN(TestSdeAnalysisViews)
#include "test_sde_analysis_views.moc"
