// The SDE lab's analysis panels: the robustness table fills from a CSV (both forms) and refuses a
// malformed one naming the line; the evaluation runner classifies a few digits and Cancel keeps
// what finished; the fixed-point count runs.
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <random>

#include "app/gui/sde/EvaluationRunner.h"
#include "app/gui/sde/FixedPointPanel.h"
#include "app/gui/sde/RobustnessTable.h"
#include "app/gui/sde/SdeAnalysisPage.h"
#include "app/gui/sde/SdeLab.h"
#include "app/gui/shell/Theme.h"
#include "io/SweepTable.h"
#include "sde/SdeModel.h"
#include "sde/SdeModelFile.h"
#include "widgets/sde/MatrixHeatmap.h"
#include "widgets/sde/SpectrumPlot.h"

using namespace as::gui;

namespace {

bool writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

}  // namespace

class TestSdePanels : public QObject {
    Q_OBJECT
  private slots:
    void tableOpensOnTheMeasuredResults() {
        // resources/sde/table1_measured.csv: 8 models x 3 training seeds x 9 columns.
        QVERIFY(QFile::exists(RobustnessTable::measuredCsvPath()));
        RobustnessTable table;
        table.setShowPaper(false);
        QCOMPARE(int(table.records().size()), 8 * 3 * 9);
        QVERIFY2(table.caption().contains("table1_measured.csv"), qPrintable(table.caption()));
        QCOMPARE(table.table()->rowCount(), 8);
        QCOMPARE(table.table()->columnCount(), 9);
        for (int r = 0; r < 8; ++r)
            for (int c = 0; c < 9; ++c)
                QVERIFY2(table.cellText(r, c).contains(QString::fromUtf8(" ± ")),
                         qPrintable(table.cellText(r, c)));
        table.clear();
        QVERIFY(table.records().empty());
        table.showMeasured();
        QCOMPARE(int(table.records().size()), 8 * 3 * 9);
    }

    void tableOpensAMergedSweep() {
        // A merged sweep of `sde eval` (the shape resources/sweeps/sde_table1.json makes): eps 0
        // with two seeds and trained G with one; the table shows mean ± std over the seeds.
        as::SweepTable t;
        t.label = "sde_table1";
        t.paramLabels = {"eps", "train_g", "seed"};
        t.paramValues = {{"0", "0", "0.1"}, {"off", "off", "on"}, {"1", "2", "1"}};
        t.resultFields = {"n_test", "clean_acc"};
        t.results = {{1000, 1000, 1000}, {0.98, 0.96, 0.99}};
        t.status = {"ok", "ok", "ok"};
        t.index = {0, 1, 2};
        t.exitCode = {0, 0, 0};
        t.wallSeconds = {1, 1, 1};
        t.seed = {1, 2, 1};
        t.log = {"", "", ""};
        QTemporaryDir dir;
        const QString merged = dir.filePath("sde_table1_merged.h5");
        as::writeSweepTable(QFile::encodeName(merged).toStdString(), t);
        RobustnessTable table;
        table.setShowPaper(false);
        QCOMPARE(table.loadCsv(merged), QString());
        QCOMPARE(int(table.records().size()), 3);
        QVERIFY2(table.caption().contains("merged sweep"), qPrintable(table.caption()));
        QCOMPARE(table.table()->rowCount(), 2);  // eps0 and gtrained
        QVERIFY2(table.cellText(0, 0).startsWith(QString::fromUtf8("97.00 \u00b1 1.41")),
                 qPrintable(table.cellText(0, 0)));
        // A sweep of something else is refused naming it, and the table keeps what it showed.
        t.label = "ring_lag";
        t.resultFields = {"lag_rad", "u_max"};
        const QString other = dir.filePath("ring_lag_merged.h5");
        as::writeSweepTable(QFile::encodeName(other).toStdString(), t);
        const QString err = table.loadCsv(other);
        QVERIFY2(err.contains("ring_lag"), qPrintable(err));
        QCOMPARE(int(table.records().size()), 3);
    }

    void tableFillsFromCsvAndRefusesBadOnes() {
        QTemporaryDir dir;
        RobustnessTable table;
        table.setShowPaper(false);
        const QString good = dir.filePath("table.csv");
        QVERIFY(writeFile(good,
                          "# from attractor-cli sde eval\n"
                          "model,corruption,seed,accuracy,n\n"
                          "eps0,clean,1,0.9850,1000\n"
                          "eps0,clean,2,0.9870,1000\n"
                          "eps0,gauss08,1,0.1630,1000\n"
                          "gtrained,\"clean\",1,0.9908,1000\n"));
        QCOMPARE(table.loadCsv(good), QString());
        QCOMPARE(table.table()->rowCount(), 2);
        QCOMPARE(table.table()->columnCount(), 9);
        QCOMPARE(table.cellText(0, 0), QString::fromUtf8("98.60 ± 0.14"));
        QCOMPARE(table.cellText(0, 2), QString("16.30"));
        QCOMPARE(table.cellText(1, 0), QString("99.08"));
        QCOMPARE(table.cellText(1, 1), QString());
        QVERIFY(table.caption().contains("table.csv"));

        const QString bad = dir.filePath("bad.csv");
        QVERIFY(writeFile(
            bad,
            "model,corruption,seed,accuracy,n\neps0,clean,1,0.98,1000\neps0,clean,1,abc,1000\n"));
        QString error = table.loadCsv(bad);
        QVERIFY2(error.contains("bad.csv, line 3") && error.contains("abc"), qPrintable(error));
        QCOMPARE(table.table()->rowCount(), 2);  // the shown table is kept
        QVERIFY(writeFile(bad, "model,corruption,seed,accuracy,n\neps0,blur,1,0.5,10\n"));
        error = table.loadCsv(bad);
        QVERIFY2(error.contains("line 2") && error.contains("unknown corruption"),
                 qPrintable(error));
        QVERIFY(writeFile(bad, "model,corruption,seed,accuracy,n\neps0,clean,1,98.5,10\n"));
        QVERIFY(table.loadCsv(bad).contains("outside [0, 1]"));
        QVERIFY(writeFile(bad, "model,corruption,seed,accuracy,n\n\neps0,clean,1\n"));
        QVERIFY(table.loadCsv(bad).contains("line 3: 3 fields"));
        QVERIFY(writeFile(bad, "a,b,c\n"));
        QVERIFY(table.loadCsv(bad).contains("line 1: expected the header"));
        QVERIFY(!table.loadCsv(dir.filePath("missing.csv")).isEmpty());

        // The CLI's per-model form: one model named after the file.
        const QString cli = dir.filePath("sde_eps01.csv");
        QVERIFY(writeFile(cli,
                          "corruption,label,accuracy,n_test\nclean,\"Clean\",0.9868,1000\n"
                          "canny,\"Canny edges\",0.5001,1000\n"));
        QCOMPARE(table.loadCsv(cli), QString());
        QCOMPARE(table.table()->rowCount(), 1);
        QCOMPARE(table.cellText(0, 0), QString("98.68"));
        QCOMPARE(table.cellText(0, 8), QString("50.01"));

        // The paper's rows below, for comparison (not part of the records).
        table.setShowPaper(true);
        QCOMPARE(table.table()->rowCount(), 5);
        QCOMPARE(table.cellText(4, 2),
                 QString::fromUtf8("51.00 ± 0.09"));  // G trained, sigma = 0.8
        QCOMPARE(table.cellText(1, 0), QString::fromUtf8("98.58 ± 0.30"));  // eps = 0, MNIST
        QCOMPARE(int(table.records().size()), 2);

        // Save and reload round trip.
        const QString saved = dir.filePath("saved.csv");
        QCOMPARE(table.saveCsv(saved), QString());
        RobustnessTable again;
        QCOMPARE(again.loadCsv(saved), QString());
        QCOMPARE(again.cellText(0, 8), QString("50.01"));
    }

    void evaluationRunnerClassifiesDigits() {
        as::sde::SdeParams p;  // N = 784, C = 10, untrained, few steps: fast
        p.steps = 10;
        p.averageSteps = 5;
        auto model = std::make_shared<const as::sde::SdeModel>(p);
        EvaluationRunner runner;
        QSignalSpy records(&runner, &EvaluationRunner::record);
        QSignalSpy finished(&runner, &EvaluationRunner::finished);
        QSignalSpy described(&runner, &EvaluationRunner::dataDescribed);
        EvaluationPlan plan;
        plan.current = model;
        plan.currentName = "untrained";
        plan.count = 60;
        plan.seeds = 2;
        plan.corruptions = {"clean", "gauss05", "canny"};
        // A three-class model from a file is evaluated on the digits 0..2 only.
        QTemporaryDir dir;
        as::sde::SdeParams p3 = p;
        p3.classes = 3;
        const QString three = dir.filePath("three.h5");
        as::sde::saveSdeModel(three.toStdString(), as::sde::SdeModel(p3));
        plan.files = {{"broken", "/nonexistent/sde_model.h5"}, {"three", three}};
        runner.start(plan);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
        QVERIFY(finished.at(0).at(1).toString().contains(
            "broken"));  // the file that did not load is named
        QCOMPARE(described.count(), 1);
        // clean and canny are deterministic for eps = 0: one run each; gauss05 gets both seeds.
        QCOMPARE(records.count(), 8);
        for (const auto& args : records) {
            const auto r = args.at(0).value<RobustnessRecord>();
            QVERIFY(r.model == "untrained" || r.model == "three");
            QVERIFY(r.accuracy >= 0 && r.accuracy <= 1);
            if (r.model == "untrained")
                QVERIFY(r.n == 60 || r.n == 100);  // 100: the shipped digits when MNIST is absent
            else
                QVERIFY(r.n > 5 && r.n < 40);  // the 0s, 1s and 2s among them
        }
    }

    void evaluationCancelKeepsWhatFinished() {
        as::sde::SdeParams p;
        p.steps = 10;
        p.averageSteps = 5;
        RobustnessTable table;
        table.setCurrentModel(std::make_shared<const as::sde::SdeModel>(p), "untrained");
        table.setImageCount(40);
        QSignalSpy done(&table, &RobustnessTable::evaluationFinished);
        table.runEvaluation();
        QVERIFY(table.evaluating());
        table.cancelEvaluation();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 60000);
        QTRY_VERIFY(!table.evaluating());
    }

    void fixedPointCount() {
        FixedPointPanel panel;
        as::sde::SdeParams p;
        p.n = 12;
        p.classes = 3;
        panel.setModel(std::make_shared<const as::sde::SdeModel>(p));
        QSignalSpy counted(&panel, &FixedPointPanel::counted);
        panel.count();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() == 1, 60000);
        QVERIFY2(panel.resultText().contains("stationary points"), qPrintable(panel.resultText()));
        // Atilde = 0, eq 10: 3^3 = 27 points, 2^3 = 8 stable.
        QVERIFY2(panel.resultText().startsWith("27 stationary"), qPrintable(panel.resultText()));
        QVERIFY2(panel.resultText().contains("8 stable,"), qPrintable(panel.resultText()));
    }
};

QTEST_MAIN(TestSdePanels)
#include "test_sde_panels.moc"
