// Issue 17, item 3 "Unreadable axes": the one tick formatter every chart uses. The values
// (an E-I time axis at 1.2215e+05 ms, the torus error -0.00043017..8.8289, the surrogate loss
// 996..1115.8) get round steps and plain labels; time switches to seconds from 10^6 ms; a chart
// fits as many labels as have room, so none is elided on screen or in a figure.
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QTest>
#include <cmath>

#include "widgets/common/TickFormatter.h"
#include "widgets/common/TraceChart.h"

using namespace as::widgets;

namespace {
bool isRoundStep(double step) {
    const double e = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double m = step / e;
    return std::abs(m - 1) < 1e-9 || std::abs(m - 2) < 1e-9 || std::abs(m - 5) < 1e-9;
}
/// No scientific notation, no "-0", nothing elided.
void checkPlain(const QStringList& labels) {
    for (const QString& l : labels) {
        QVERIFY2(!l.contains('e') && !l.contains('E'), qPrintable(l));
        QVERIFY2(!l.contains(QChar(0x2026)) && !l.contains("..."), qPrintable(l));
        QVERIFY2(!l.startsWith('-') || l.toDouble() != 0, qPrintable(l));
    }
}
}  // namespace

class TestTickFormatter : public QObject {
    Q_OBJECT
  private slots:
    void stepsAreRound() {
        for (double span : {1e-5, 0.0123, 0.7, 3.0, 8.8289, 119.8, 1000.0, 1.2215e5, 7e7})
            for (int n : {2, 3, 5, 8}) {
                const double s = TickFormatter::niceStep(span, n);
                QVERIFY2(isRoundStep(s),
                         qPrintable(QString("%1 / %2: %3").arg(span).arg(n).arg(s)));
                QVERIFY(span / s <= n * (1 + 1e-9));
            }
    }

    // "E-I time axes turn into 1.2215e+05 after two minutes": the last second before 122150 ms.
    void eiTimeAfterTwoMinutes() {
        const Ticks t = TickFormatter::ticks(1.2215e5 - 1000, 1.2215e5, 5, AxisUnit::Milliseconds);
        QCOMPARE(t.unit, QString("ms"));
        QCOMPARE(t.step, 200.0);
        QCOMPARE(t.labels, QStringList({"121200", "121400", "121600", "121800", "122000"}));
        checkPlain(t.labels);
    }

    // From 10^6 ms on, seconds (not 1e+06).
    void longTimesInSeconds() {
        const Ticks t = TickFormatter::ticks(1.2e6, 1.2e6 + 1000, 5, AxisUnit::Milliseconds);
        QCOMPARE(t.unit, QString("s"));
        QCOMPARE(t.step, 200.0);  // 0.2 s, in data units (ms)
        QCOMPARE(t.labels,
                 QStringList({"1200.0", "1200.2", "1200.4", "1200.6", "1200.8", "1201.0"}));
        QCOMPARE(t.values.front(), 1.2e6);
        QCOMPARE(TickFormatter::timeText(122150), QString("122150 ms"));
        QCOMPARE(TickFormatter::timeText(1.5e6), QString("1500.0 s"));
        checkPlain(t.labels);
    }

    // "the torus shows -0.00043017, 8.8289"
    void torusErrorRange() {
        const Ticks t = TickFormatter::ticks(-0.00043017, 8.8289, 5);
        QCOMPARE(t.step, 2.0);
        QCOMPARE(t.labels, QStringList({"0", "2", "4", "6", "8"}));
    }

    // "the surrogate shows 996, 1115.8"
    void surrogateRange() {
        const Ticks t = TickFormatter::ticks(996, 1115.8, 5);
        QCOMPARE(t.step, 50.0);
        QCOMPARE(t.labels, QStringList({"1000", "1050", "1100"}));
        const Ticks fine = TickFormatter::ticks(996, 1115.8, 8);
        QCOMPARE(fine.step, 20.0);
        QCOMPARE(fine.labels.front(), QString("1000"));
        QCOMPARE(fine.labels.back(), QString("1100"));
    }

    void decimalsFollowTheStep() {
        QCOMPARE(TickFormatter::format(0.30000000000000004, 0.1), QString("0.3"));
        QCOMPARE(TickFormatter::format(-1.4e-17, 0.1), QString("0.0"));
        QCOMPARE(TickFormatter::format(-0.0004, 0.1), QString("0.0"));
        QCOMPARE(TickFormatter::format(-0.0004, 1), QString("0"));
        QCOMPARE(TickFormatter::format(0.025, 0.005), QString("0.025"));
        QCOMPARE(TickFormatter::format(-2.5, 0.5), QString("-2.5"));
        QCOMPARE(TickFormatter::format(7e7, 2e7), QString("70000000"));
        const Ticks t = TickFormatter::ticks(-0.3, 0.3, 6);
        QCOMPARE(t.labels, QStringList({"-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"}));
        checkPlain(TickFormatter::ticks(1e-6, 5e-5, 5).labels);
    }

    // Fewer ticks on a short axis: every label within its share of the length.
    void fitTicksLeavesRoomForEachLabel() {
        auto width = [](const QString& l) { return 7.0 * l.size(); };
        for (double length : {60.0, 120.0, 240.0, 600.0}) {
            const Ticks t = TickFormatter::fitTicks(121150, 122150, 8, AxisUnit::Milliseconds,
                                                    length, 12, width);
            for (const QString& l : t.labels)  // (none at 60 px: no room even for one)
                QVERIFY2(width(l) <= length / double(t.values.size() + 1) - 12,
                         qPrintable(QString("%1 px: %2").arg(length).arg(t.labels.join(' '))));
        }
        QVERIFY(TickFormatter::fitTicks(121150, 122150, 8, AxisUnit::Milliseconds, 60, 12, width)
                    .labels.isEmpty());
        // Room for one label: the round value nearest the middle.
        const Ticks one = TickFormatter::fitTicks(0, 100, 6, AxisUnit::Plain, 55, 9,
                                                  [](const QString&) { return 15.0; });
        QCOMPARE(one.labels, QStringList{"50"});
        QVERIFY(TickFormatter::fitTicks(0, 10, 8, AxisUnit::Plain, 600, 12, width).values.size() >
                TickFormatter::fitTicks(0, 10, 8, AxisUnit::Plain, 120, 12, width).values.size());
    }

    // A small TraceChart at the ranges: the labels Qt Charts draws are whole.
    void smallChartsDrawWholeLabels() {
        for (QSize size : {QSize(260, 180), QSize(420, 200), QSize(900, 300)}) {
            TraceChart c("Decoding confidence", "time t (ms)", "confidence");
            c.addSeries("a", Qt::red);
            c.addSeries("b", Qt::blue);
            std::vector<double> x, y, z;
            for (int i = 0; i <= 200; ++i) {
                x.push_back(1.2215e5 - 1000 + 5 * i);
                y.push_back(-0.00043017 + 8.82933017 * i / 200);
                z.push_back(996 + 119.8 * i / 200);
            }
            c.setSeriesData(0, x, y);
            c.setSeriesData(1, x, z);
            c.resize(size);
            c.show();
            QVERIFY(QTest::qWaitForWindowExposed(&c));
            QCoreApplication::processEvents();
            checkPlain(c.xTickLabels());
            checkPlain(c.yTickLabels());
            QVERIFY(c.xTickLabels().size() >= 2);
            QStringList drawn;
            for (QGraphicsItem* it : c.chart()->scene()->items())
                if (auto* text = dynamic_cast<QGraphicsTextItem*>(it); text && text->isVisible())
                    drawn << text->toPlainText();
            for (const QString& l : c.xTickLabels() + c.yTickLabels())
                QVERIFY2(drawn.contains(l), qPrintable(QString("%1 not drawn at %2x%3 (%4)")
                                                           .arg(l)
                                                           .arg(size.width())
                                                           .arg(size.height())
                                                           .arg(drawn.join('|'))));
            for (const QString& d : drawn)  // a tick label elided would be "1220..."
                for (const QString& l : c.xTickLabels() + c.yTickLabels())
                    QVERIFY2(!(d.endsWith("...") || d.endsWith(QChar(0x2026))) ||
                                 !l.startsWith(d.left(d.size() - (d.endsWith("...") ? 3 : 1))),
                             qPrintable(d));
        }
    }

    void timeTitleSwitchesToSeconds() {
        TraceChart c("Rates", "t (ms)", "rate (Hz)");
        c.addSeries("E", Qt::red);
        c.setSeriesData(0, {1.5e6, 1.5e6 + 1000}, {0, 1});
        QCOMPARE(c.xTitle(), QString("t (s)"));
        c.setSeriesData(0, {0, 1000}, {0, 1});
        QCOMPARE(c.xTitle(), QString("t (ms)"));
    }
};

QTEST_MAIN(TestTickFormatter)
#include "test_tick_formatter.moc"
