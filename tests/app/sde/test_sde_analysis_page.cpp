// The SDE lab's analysis page on a small planted model (N = 40, C = 4): the spectrum and the
// Mahalanobis matrix are computed in the background and shown; the caption names the eps used;
// CSV export works (the robustness table, evaluation and fixed-point panels: test_sde_panels.cpp).
// The last case renders the page for the user guide, only when AS_SDE_ANALYSIS_PNG=<file.png> is
// set: AS_SDE_ANALYSIS_MODEL=<model.h5> picks the model (default: a planted N = 784, C = 10 model
// with a small random Atilde), AS_SDE_ANALYSIS_COMPARE=<index> the "Compare with" entry, and
// AS_SDE_ANALYSIS_TABLE=<robustness.csv> fills the table, AS_SDE_ANALYSIS_EVALUATE=<images> (and
// AS_SDE_ANALYSIS_SEEDS) runs Evaluate, AS_SDE_ANALYSIS_DARK=1 uses the dark theme,
// AS_SDE_ANALYSIS_TABLE_OUT=<file.csv> saves its records.
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
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
#include "sde/SdeModel.h"
#include "sde/SdeModelFile.h"
#include "tests/widgets/DistinctColours.h"
#include "widgets/sde/MatrixHeatmap.h"
#include "widgets/sde/SpectrumPlot.h"

using namespace as::gui;

namespace {

std::shared_ptr<const as::sde::SdeModel> smallModel(double eps, std::uint64_t seed = 7,
                                                    float sd = 0.08f) {
    as::sde::SdeParams p;
    p.n = 40;
    p.classes = 4;
    p.eps = eps;
    auto m = std::make_shared<as::sde::SdeModel>(p);
    // A small random Atilde (fixed seed): a spread spectrum with complex pairs, still stable.
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> d(0.0f, sd);
    Eigen::MatrixXf at(p.n, p.n);
    for (Eigen::Index i = 0; i < at.size(); ++i) at.data()[i] = d(rng);
    m->setAtilde(at);
    return m;
}

int distinctColours(const QImage& img) {
    return as::test::distinctColours(img, 3);
}

}  // namespace

class TestSdeAnalysisPage : public QObject {
    Q_OBJECT
  private slots:
    void computesSpectrumAndMahalanobis() {
        SdeAnalysisPage page;
        page.resize(1280, 900);
        page.show();
        auto model = smallModel(0.05);
        page.setModel(model, "small");
        QVERIFY(page.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);

        const auto& ev = page.spectrumPlot()->primary();
        QCOMPARE(int(ev.size()), 40);
        double maxRe = -1e300;
        for (const auto& z : ev) maxRe = std::max(maxRe, z.real());
        QVERIFY2(maxRe < 0, "the planted attractor is stable");
        // Fig. 6's shared eigenvalues hold for any Atilde: f'(0) = -1 and f'(a+) + lambda g'(a+).
        auto has = [&](double v) {
            return std::any_of(ev.begin(), ev.end(), [v](auto z) {
                return std::abs(z - std::complex<double>(v, 0)) < 1e-8;
            });
        };
        QVERIFY(has(-1.0));
        QVERIFY(has(-1.0 + 2 * 0.125 / model->attractors().aPlus()));  // -0.7071 for c = 1/8

        QVERIFY(page.spectrumSummary().contains("stable"));
        QVERIFY(page.spectrumSummary().contains(QString::fromUtf8("τ")));

        const Eigen::MatrixXd& delta = page.mahalanobisView()->matrix();
        QCOMPARE(delta.rows(), Eigen::Index(4));
        QCOMPARE(delta.cols(), Eigen::Index(4));
        for (int l = 0; l < 4; ++l)
            for (int m = 0; m < 4; ++m) {
                QVERIFY(std::isfinite(delta(l, m)));
                if (l == m)
                    QCOMPARE(delta(l, m), 0.0);
                else
                    QVERIFY(delta(l, m) > 0);
            }
        const QString caption = page.mahalanobisCaption();
        QVERIFY2(caption.contains(QString::fromUtf8("model's ε = 0.05")), qPrintable(caption));
        QVERIFY2(caption.contains("residual"), qPrintable(caption));

        // Another attractor: its own spectrum, already computed (no new job).
        const auto first = ev;
        page.setAttractor(2);
        QVERIFY(!page.busy());
        QCOMPARE(int(page.spectrumPlot()->primary().size()), 40);
        QVERIFY(page.spectrumPlot()->primary() != first);

        QVERIFY(distinctColours(page.grab().toImage()) > 30);

        QTemporaryDir dir;
        const QString csv = dir.filePath("analysis.csv");
        QCOMPARE(page.exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains("re,im"));
        QVERIFY(text.contains("# Mahalanobis"));
        QCOMPARE(int(page.exportTargets().size()), 3);
        QVERIFY(!page.exportCsv(dir.filePath("no/such/dir/x.csv")).isEmpty());
    }

    void aCopyWithOnlyDtChangedKeepsTheResults() {
        SdeAnalysisPage page;
        page.show();
        auto model = smallModel(0.05);
        page.setModel(model, "small");
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        page.setAttractor(1);
        const auto spectrum = page.spectrumPlot()->primary();
        auto copy = std::make_shared<as::sde::SdeModel>(*model);
        as::sde::SdeParams p = copy->params();
        p.dt = 0.05;
        copy->setParams(p);
        page.setModel(copy, "small, dt = 0.05");
        QVERIFY(!page.busy());  // nothing to recompute
        QCOMPARE(page.spectrumPlot()->primary(), spectrum);
        QVERIFY2(page.spectrumSummary().contains("dt = 0.05"), qPrintable(page.spectrumSummary()));
        // eps matters: a new job, and the chosen attractor is kept.
        auto noisier = std::make_shared<as::sde::SdeModel>(*copy);
        p.eps = 0.1;
        noisier->setParams(p);
        page.setModel(noisier, "small, eps = 0.1");
        QVERIFY(page.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        QCOMPARE(page.spectrumPlot()->primary(), spectrum);
        QVERIFY(page.mahalanobisCaption().contains(QString::fromUtf8("ε = 0.1")));
    }

    void deterministicModelUsesUnitEps() {
        SdeAnalysisPage page;
        page.show();
        page.setModel(smallModel(0.0), "deterministic");
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        const QString caption = page.mahalanobisCaption();
        QVERIFY2(caption.contains(QString::fromUtf8("ε = 1")) && caption.contains("deterministic"),
                 qPrintable(caption));
        // Delta scales as 1/eps^2: the eps = 0.05 model's matrix is 400 times this one's.
        const Eigen::MatrixXd unit = page.mahalanobisView()->matrix();
        page.setModel(smallModel(0.05), "noisy");
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        const Eigen::MatrixXd noisy = page.mahalanobisView()->matrix();
        QVERIFY(std::abs(noisy(0, 1) / unit(0, 1) - 400.0) < 1e-6 * 400.0);
    }

    void trainedGAndAppendixBComparison() {
        auto m = std::make_shared<as::sde::SdeModel>(*smallModel(0.0));
        as::sde::SdeParams p = m->params();
        p.eps = 1.0;
        p.noise = as::sde::NoiseKind::Trained;
        m->setParams(p);
        Eigen::MatrixXf G = Eigen::MatrixXf::Identity(40, 40) * 0.1f;
        G(0, 1) = 0.05f;
        m->setTrainedG(G);
        const double effective = std::sqrt(double(G.squaredNorm()) / 40.0);
        SdeAnalysisPage page;
        page.show();
        page.setModel(m, "trained G");
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        QString caption = page.mahalanobisCaption();
        QVERIFY2(
            caption.contains("trained G") && caption.contains(QString::number(effective, 'g', 4)),
            qPrintable(caption));
        const Eigen::MatrixXd trained = page.mahalanobisView()->matrix();
        auto* noise = page.findChildren<QComboBox*>().at(2);
        QVERIFY(noise->isEnabled());
        noise->setCurrentIndex(1);  // G = I at the effective eps (Appendix B)
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        caption = page.mahalanobisCaption();
        QVERIFY2(caption.contains("Appendix B"), qPrintable(caption));
        const Eigen::MatrixXd identity = page.mahalanobisView()->matrix();
        QVERIFY(std::isfinite(identity(0, 1)) && identity(0, 1) > 0);
        QVERIFY(std::abs(identity(0, 1) - trained(0, 1)) > 1e-6 * trained(0, 1));  // G shapes Sigma
    }

    void replacingTheModelMidwayShowsOnlyTheNewOne() {
        SdeAnalysisPage page;
        page.setModel(smallModel(0.05, 1), "a");
        page.setModel(smallModel(0.05, 2), "b");
        page.setModel(nullptr, "");
        page.setModel(smallModel(0.1, 3), "c");
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        QVERIFY(page.mahalanobisCaption().contains(QString::fromUtf8("ε = 0.1")));
        QCOMPARE(int(page.spectrumPlot()->primary().size()), 40);
    }

    void comparesWithAModelFile() {
        QTemporaryDir dir;
        const QString other = dir.filePath("other.h5");
        as::sde::saveSdeModel(other.toStdString(), *smallModel(0.0, 99));
        SdeAnalysisPage page;
        page.resize(1000, 800);
        page.show();
        page.setModel(smallModel(0.05), "small");
        page.setComparisonFile(other);
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        QCOMPARE(int(page.spectrumPlot()->comparison().size()), 40);
        QVERIFY(page.spectrumPlot()->comparison() != page.spectrumPlot()->primary());
        page.setAttractor(3);  // the comparison follows the attractor
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        QCOMPARE(int(page.spectrumPlot()->comparison().size()), 40);

        // A model of another size is refused with a message; a missing file too.
        const QString big = dir.filePath("big.h5");
        as::sde::SdeParams p;
        p.n = 60;
        p.classes = 4;
        as::sde::saveSdeModel(big.toStdString(), as::sde::SdeModel(p));
        QSignalSpy status(&page, &SdeAnalysisPage::statusMessage);
        page.setComparisonFile(big);
        QVERIFY(page.spectrumPlot()->comparison().empty());
        QVERIFY(status.count() >= 1 &&
                status.last().at(0).toString().contains("cannot be compared"));
        page.setComparisonFile(dir.filePath("missing.h5"));
        QVERIFY(status.last().at(0).toString().contains("missing.h5"));
        page.setComparisonFile("");
        QVERIFY(page.spectrumPlot()->comparison().empty());
    }

    void unstableAttractorsAreNamed() {
        SdeAnalysisPage page;
        page.resize(1000, 800);
        page.show();
        page.setModel(smallModel(0.05, 11, 1.5f),
                      "wild");  // a large random Atilde destabilises the points
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 60000);
        QVERIFY2(page.mahalanobisCaption().contains("unstable attractor"),
                 qPrintable(page.mahalanobisCaption()));
        bool unstableShown = false;
        for (int l = 0; l < 4; ++l) {
            page.setAttractor(l);
            if (page.spectrumSummary().contains("unstable")) {
                unstableShown = true;
                QVERIFY(std::isnan(
                    page.mahalanobisView()->matrix()(l, (l + 1) % 4)));  // no Sigma_l: grey row
            }
        }
        QVERIFY(unstableShown);
        QVERIFY(distinctColours(page.grab().toImage()) > 30);
    }

    void screenshot() {
        const QString png = QString::fromLocal8Bit(qgetenv("AS_SDE_ANALYSIS_PNG"));
        if (png.isEmpty()) QSKIP("set AS_SDE_ANALYSIS_PNG=<file.png> to render the page");
        std::shared_ptr<const as::sde::SdeModel> model;
        QString name = "planted, Ã random (untrained)";
        if (const QString path = QString::fromLocal8Bit(qgetenv("AS_SDE_ANALYSIS_MODEL"));
            !path.isEmpty()) {
            model = std::make_shared<const as::sde::SdeModel>(
                as::sde::loadSdeModel(path.toStdString()).model);
            name = QFileInfo(path).completeBaseName();
        } else {
            as::sde::SdeParams p;
            p.eps = 0.05;
            auto m = std::make_shared<as::sde::SdeModel>(p);
            std::mt19937_64 rng(3);
            std::normal_distribution<float> d(0.0f, 0.02f);
            Eigen::MatrixXf at(p.n, p.n);
            for (Eigen::Index i = 0; i < at.size(); ++i) at.data()[i] = d(rng);
            m->setAtilde(at);
            model = m;
        }
        const bool dark = qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_DARK") > 0;
        if (dark) as::gui::applyTheme(true);
        SdeAnalysisPage page;
        page.setDark(dark);
        page.resize(1500, 1000);
        page.show();
        QElapsedTimer timer;
        timer.start();
        page.setModel(model, name);
        if (const QByteArray c = qgetenv("AS_SDE_ANALYSIS_COMPARE"); !c.isEmpty())
            page.findChildren<QComboBox*>().at(1)->setCurrentIndex(c.toInt());
        QTRY_VERIFY_WITH_TIMEOUT(!page.busy(), 600000);
        qInfo("analysis of %s: %.1f s", qPrintable(name), timer.elapsed() / 1000.0);
        if (const QString table = QString::fromLocal8Bit(qgetenv("AS_SDE_ANALYSIS_TABLE"));
            !table.isEmpty())
            QCOMPARE(page.robustnessTable()->loadCsv(table), QString());
        if (const QByteArray count = qgetenv("AS_SDE_ANALYSIS_EVALUATE"); !count.isEmpty()) {
            QSignalSpy done(page.robustnessTable(), &RobustnessTable::evaluationFinished);
            page.robustnessTable()->setImageCount(count.toInt());
            page.robustnessTable()->setSeedCount(
                qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_SEEDS") > 0
                    ? qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_SEEDS")
                    : 1);
            page.robustnessTable()->runEvaluation();
            QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 3600000);
            qInfo("evaluation: %.1f s", timer.elapsed() / 1000.0);
            if (const QByteArray out = qgetenv("AS_SDE_ANALYSIS_TABLE_OUT"); !out.isEmpty())
                QCOMPARE(page.robustnessTable()->saveCsv(QString::fromLocal8Bit(out)), QString());
        }
        QTest::qWait(200);
        QVERIFY(page.grab().save(png));
    }

    void labScreenshot() {
        const QString png = QString::fromLocal8Bit(qgetenv("AS_SDE_ANALYSIS_LAB_PNG"));
        if (png.isEmpty())
            QSKIP("set AS_SDE_ANALYSIS_LAB_PNG=<file.png> to render the lab's Analysis tab");
        QUndoStack undo;
        SdeLab lab(&undo);
        lab.resize(qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_LAB_W") > 0
                       ? qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_LAB_W")
                       : 1600,
                   qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_LAB_H") > 0
                       ? qEnvironmentVariableIntValue("AS_SDE_ANALYSIS_LAB_H")
                       : 1000);
        lab.show();
        auto* tabs = lab.findChild<QTabWidget*>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(lab.analysisPage());
        QTRY_VERIFY_WITH_TIMEOUT(lab.analysisPage()->busy(),
                                 10000);  // the lab hands over its model
        QTRY_VERIFY_WITH_TIMEOUT(!lab.analysisPage()->busy(), 600000);
        QVERIFY(!lab.analysisPage()->spectrumPlot()->primary().empty());
        QTest::qWait(300);
        QVERIFY(lab.grab().save(png));
    }
};

QTEST_MAIN(TestSdeAnalysisPage)
#include "test_sde_analysis_page.moc"
