// File → Open Sweep (app/gui/shell/SweepWindow): a merged sweep written by the engine opens in a
// window that plots a field against a parameter (mean ± std per value, one curve per value of a
// split parameter), lists every job, exports the plot (PNG with the plot's aspect, SVG, PDF) and
// the table (CSV); a damaged file is refused naming it, and the open session is untouched. The
// screenshot case renders docs/images/sweep-window.png (scripts/make-sweep-figure.sh).
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/SweepWindow.h"
#include "io/SweepTable.h"
#include "tests/engine/io/FlipVariants.h"
#include "widgets/common/ErrorBarPlot.h"

using namespace as::gui;

namespace {

/// 3 speeds x 2 sizes x 4 seeds of a made-up lag (= 100 v + N / 1000 + seed / 10); job 7 failed.
as::SweepTable lagSweep() {
    as::SweepTable t;
    t.label = "lag";
    t.specHash = "fnv1a64:0123456789abcdef";
    t.paramLabels = {"v", "N", "seed"};
    t.resultFields = {"lag_rad", "height"};
    t.paramValues.resize(3);
    t.results.resize(2);
    int j = 0;
    for (const char* v : {"0.01", "0.02", "0.04"})
        for (int n : {256, 512})
            for (int seed = 1; seed <= 4; ++seed, ++j) {
                const bool failed = j == 7;
                t.index.push_back(j);
                t.paramValues[0].push_back(v);
                t.paramValues[1].push_back(std::to_string(n));
                t.paramValues[2].push_back(std::to_string(seed));
                t.results[0].push_back(failed ? NAN
                                              : 100 * std::stod(v) + n / 1000.0 + seed / 10.0);
                t.results[1].push_back(failed ? NAN : 1.0);
                t.status.push_back(failed ? "failed" : "ok");
                t.exitCode.push_back(failed ? 3 : 0);
                t.wallSeconds.push_back(0.05);
                t.seed.push_back(seed);
                t.log.push_back("runs/lag_" + std::to_string(j) + ".log");
            }
    t.ok = j - 1;
    t.failed = 1;
    return t;
}

}  // namespace

class TestSweepWindow : public QObject {
    Q_OBJECT
  private slots:
    void plotsMeansWithErrorBarsAndListsEveryJob() {
        QTemporaryDir dir;
        const QString file = dir.filePath("lag_merged.h5");
        as::writeSweepTable(QFile::encodeName(file).toStdString(), lagSweep());
        MainWindow w;
        SweepWindow* s = w.openSweep(file, /*quiet=*/true);
        QVERIFY(s);
        QCOMPARE(s->table()->rowCount(), 24);
        QCOMPARE(s->table()->item(7, 1)->text(), QString("failed"));
        // The first varying parameter that is not the seed is on x: v, 3 points, one curve.
        auto curves = s->plot()->curves();
        QCOMPARE(int(curves.size()), 1);
        QCOMPARE(int(curves[0].x.size()), 3);
        // v = 0.02: 100 v = 2, N/1000 averages 0.384, seed/10 averages 0.25.
        QVERIFY(std::abs(curves[0].y[1] - (2 + 0.384 + 0.25)) < 1e-12);
        // One curve per N, x = v: the std over 4 seeds of seed/10 is sqrt(5/3)/10.
        QVERIFY(s->choose("v", "lag_rad", "N"));
        curves = s->plot()->curves();
        QCOMPARE(int(curves.size()), 2);
        QCOMPARE(curves[1].name, QString("N = 512"));
        QVERIFY(std::abs(curves[1].err[2] - std::sqrt(5.0 / 3.0) / 10) < 1e-12);
        QVERIFY(std::isfinite(curves[0].err[0]));
        QVERIFY(!s->choose("speed", "lag_rad"));  // unknown names change nothing
        QCOMPARE(int(s->plot()->curves().size()), 2);
    }

    void exportsThePlotAndTheTable() {
        QTemporaryDir dir;
        const QString file = dir.filePath("lag_merged.h5");
        as::writeSweepTable(QFile::encodeName(file).toStdString(), lagSweep());
        MainWindow w;
        SweepWindow* s = w.openSweep(file, true);
        QVERIFY(s);
        s->show();
        QVERIFY(QTest::qWaitForWindowExposed(s));
        const QString png = dir.filePath("plot.png");
        QCOMPARE(s->exportPlot(png), QString());
        const QImage img(png);
        QVERIFY(!img.isNull());
        const double aspect = double(s->plot()->width()) / s->plot()->height();
        QVERIFY2(std::abs(double(img.width()) / img.height() - aspect) < 0.02,
                 qPrintable(QString("%1 x %2").arg(img.width()).arg(img.height())));
        // The curve's blue is drawn (the plot is not blank).
        bool blue = false;
        for (int y = 0; y < img.height() && !blue; y += 2)
            for (int x = 0; x < img.width() && !blue; x += 2)
                blue = img.pixelColor(x, y) == as::widgets::ErrorBarPlot::curveColor(0);
        QVERIFY(blue);
        for (const char* name : {"plot.svg", "plot.pdf"}) {
            QCOMPARE(s->exportPlot(dir.filePath(name)), QString());
            QVERIFY(QFileInfo(dir.filePath(name)).size() > 1000);
        }
        const QString csv = dir.filePath("jobs.csv");
        QCOMPARE(s->exportTable(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 25);
        QCOMPARE(lines[0], QString("job,status,v,N,seed,lag_rad,height,wall_s,log"));
        QVERIFY(lines[8].startsWith("7,failed,0.01,512,4,,,"));
    }

    /// For the docs, only when AS_SWEEP_PNG=<file.png> and AS_SWEEP_FILE=<merged.h5> are set:
    /// renders the window with AS_SWEEP_CHOOSE="x,field[,split]".
    void screenshot() {
        const QString out = qEnvironmentVariable("AS_SWEEP_PNG");
        const QString in = qEnvironmentVariable("AS_SWEEP_FILE");
        if (out.isEmpty() || in.isEmpty()) QSKIP("set AS_SWEEP_PNG and AS_SWEEP_FILE to render");
        MainWindow w;
        SweepWindow* s = w.openSweep(in, true);
        QVERIFY(s);
        const QStringList c = qEnvironmentVariable("AS_SWEEP_CHOOSE").split(',');
        if (c.size() >= 2) QVERIFY(s->choose(c[0], c[1], c.value(2)));
        s->resize(1000, 720);
        s->show();
        QVERIFY(QTest::qWaitForWindowExposed(s));
        QVERIFY(s->grab().save(out));
    }

    void refusesADamagedOrMissingFileNamingIt() {
        QTemporaryDir dir;
        const QString file = dir.filePath("lag_merged.h5");
        as::writeSweepTable(QFile::encodeName(file).toStdString(), lagSweep());
        QVERIFY(as::test::damageDataset(QFile::encodeName(file).toStdString(),
                                        "/jobs/results/lag_rad"));
        MainWindow w;
        QVERIFY(!w.openSweep(file, true));
        QVERIFY(!w.openSweep(dir.filePath("none_merged.h5"), true));
        QString err;
        QVERIFY(!SweepWindow::open(file, &w, &err));
        QVERIFY2(err.contains("lag_merged.h5"), qPrintable(err));
        QVERIFY(w.findChildren<SweepWindow*>().isEmpty());
    }
};

QTEST_MAIN(TestSweepWindow)
#include "test_sweep_window.moc"
