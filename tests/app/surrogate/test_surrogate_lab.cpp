// The Surrogate lab offscreen: the main window has the tab, the lab loads the shipped ring model,
// runs the ODE and the surrogate side by side (steps advance, the error stays small), switches to
// the hd2d case (both channels run) and to the grid3d case (the 3D torus and its three angles), a
// damaged model file is refused without losing the running model, a tiny training run finishes,
// and a session the lab saves opens in attractor-cli surrogate --session (and back in the lab).
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "app/gui/shell/MainWindow.h"
#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "io/SessionFile.h"
#include "surrogate/InputProcess.h"
#include "tests/app/CliRunner.h"
#include "tests/app/WriteFile.h"
#include "tests/engine/io/FlipVariants.h"

using namespace as::gui;

class TestSurrogateLab : public QObject {
    Q_OBJECT
  private slots:
    void savedSessionRunsInTheCliAndReloads() {
        SurrogateLab lab;
        QTRY_VERIFY_WITH_TIMEOUT(!lab.modelPath().isEmpty(), 20000);  // the shipped ring model
        lab.sourceCombo()->setCurrentIndex(int(as::surrogate::LiveSource::Jumps));
        QTemporaryDir dir;
        const QString path = dir.filePath("gui_surrogate.h5");
        {
            as::SessionWriter w(path.toStdString(), "surrogate");
            w.write([&](hid_t root) { lab.writeSession(root); });
            w.commit();
        }
        const as::test::CliRun r =
            as::test::runCli({"surrogate", "--session", path, "--steps", "400", "--quiet"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
        QCOMPARE(r.summary["lab"].toString(), QString("surrogate"));
        QCOMPARE(r.summary["case"].toString(), QString("ring"));
        QCOMPARE(r.summary["source"].toString(), QString("jumps"));
        QCOMPARE(r.summary["model"].toString(), SurrogateLab::defaultModelPath());
        QCOMPARE(r.summary["steps"].toInt(), 400);
        // The shipped model follows its teacher as closely as in the lab (runsTheShippedModel...).
        const double mse = r.summary["running_mse_rad2"].toDouble();
        QVERIFY2(mse >= 0 && mse < 1e-3, qPrintable(QString::number(mse)));
        // And the lab reads the file back: the input chooser returns to "jumps".
        lab.sourceCombo()->setCurrentIndex(int(as::surrogate::LiveSource::Walk));
        as::SessionReader reader(path.toStdString());
        reader.read([&](hid_t root) { return lab.prepareLoad(root); })();
        QCOMPARE(lab.sourceCombo()->currentIndex(), int(as::surrogate::LiveSource::Jumps));
    }

    void mainWindowHasTheTab() {
        MainWindow w;
        QVERIFY(w.showLab(QStringLiteral("surrogate")));
    }

    void runsTheShippedModelSideBySide() {
        QVERIFY2(QFile::exists(SurrogateLab::defaultModelPath()),
                 "resources/models/ring_gru.h5 is missing");
        SurrogateLab lab;
        lab.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->steps > 200, 20000);
        const auto s = lab.controller()->latest();
        QVERIFY(s->hasModel);
        QCOMPARE(s->caseName, std::string("ring"));
        QCOMPARE(s->odeAngle.size(), std::size_t(1));
        QVERIFY(!s->odeAngle[0].empty());
        QCOMPARE(s->odeAngle[0].size(), s->surAngle[0].size());
        QVERIFY2(s->runningMse < 1e-3, qPrintable(QString::number(s->runningMse)));
        QVERIFY(s->odeUs > 0 && s->surUs > 0);
        QCOMPARE(s->activityRows, s->odeAngle[0].size());
        QCOMPARE(s->odeActivity.size(), s->surActivity.size());
        QTRY_VERIFY_WITH_TIMEOUT(lab.shownSteps() > 0, 5000);
        QVERIFY(lab.statsLabel()->text().contains(QStringLiteral("speed-up")));
    }

    // The shipped hd2d model runs both decoupled channels (azimuth and pitch), each with its ring.
    void hd2dRunsBothChannels() {
        SurrogateLab lab;
        lab.setActive(true);
        lab.showCase(QStringLiteral("hd2d"));
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->caseName == "hd2d" &&
                                     lab.controller()->latest()->steps > 100,
                                 20000);
        const auto s = lab.controller()->latest();
        QCOMPARE(s->axisNames, (std::vector<std::string>{"azimuth", "pitch"}));
        QCOMPARE(s->odeAngle.size(), std::size_t(2));
        for (const auto& pitch : s->input[1]) QVERIFY(std::abs(pitch) <= 1.5708);
        QVERIFY2(s->runningMse < 1e-3, qPrintable(QString::number(s->runningMse)));
    }

    // Case grid3d: the 32^3 torus ODE and the 6-output surrogate on the same 3D input.
    void switchesToGrid3d() {
        QVERIFY2(QFile::exists(SurrogateLab::modelPathForCase(QStringLiteral("grid3d"))),
                 "resources/models/grid3d_gru.h5 is missing");
        SurrogateLab lab;
        lab.setActive(true);
        const int i = lab.caseCombo()->findData(QStringLiteral("grid3d"));
        QVERIFY(i >= 0);
        lab.caseCombo()->setCurrentIndex(i);
        emit lab.caseCombo()->activated(i);
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->caseName == "grid3d" &&
                                     lab.controller()->latest()->steps > 50,
                                 30000);
        const auto s = lab.controller()->latest();
        QCOMPARE(s->axisNames, (std::vector<std::string>{"x", "y", "z"}));
        QCOMPARE(s->odeAngle.size(), std::size_t(3));
        QCOMPARE(s->surAngle[2].size(), s->t.size());
        QVERIFY2(s->runningMse < 1e-2, qPrintable(QString::number(s->runningMse)));
        QVERIFY(s->odeUs > s->surUs);
        QCOMPARE(s->activityCols * s->activityRows, s->odeActivity.size());
        QTRY_VERIFY_WITH_TIMEOUT(lab.statsLabel()->text().contains(QStringLiteral("3 angles")),
                                 5000);
    }

    void damagedModelRefused() {
        SurrogateLab lab;
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->hasModel, 10000);
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.h5"));
        QVERIFY(as::test::writeFile(bad, "not a model"));
        QSignalSpy failed(lab.controller(), &SurrogateController::failed);
        lab.loadModel(bad);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(lab.controller()->latest()->hasModel);  // the running model is kept

        // A copy of the shipped model with one weight byte changed: refused, with a dialog naming
        // the file and the dataset; the running model stays.
        const QString damaged = dir.filePath(QStringLiteral("damaged.h5"));
        QVERIFY(QFile::copy(SurrogateLab::defaultModelPath(), damaged));
        QVERIFY(as::test::damageDataset(damaged.toStdString(), "/surrogate_model/ring/rnn.Wx"));
        lab.loadModel(damaged);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
        const QString msg = failed.at(1).at(0).toString();
        QVERIFY2(msg.contains(damaged) && msg.contains("failed its checksum") &&
                     msg.contains("/surrogate_model/ring/rnn.Wx"),
                 qPrintable(msg));
        QTRY_COMPARE(lab.findChildren<QMessageBox*>(QStringLiteral("fileErrorDialog")).size(), 2);
        const auto boxes = lab.findChildren<QMessageBox*>(
            QStringLiteral("fileErrorDialog"));  // one per refused file, the latest last
        QVERIFY2(boxes.first()->text().contains(bad), qPrintable(boxes.first()->text()));
        QVERIFY2(boxes.last()->text().contains(damaged), qPrintable(boxes.last()->text()));
        for (QMessageBox* box : boxes) box->accept();
        QVERIFY(lab.controller()->latest()->hasModel);
        QCOMPARE(lab.controller()->latest()->caseName, std::string("ring"));
    }

    // A net small enough to train in well under a second an epoch.
    static as::surrogate::TrainParams tinyParams() {
        as::surrogate::TrainParams p;
        p.hidden = 4;
        p.features = 4;
        p.head = 4;
        p.bins = 8;
        p.max_epochs = 2;
        return p;
    }

    void tinyTrainingFinishes() {
        SurrogateLab lab;
        const as::surrogate::TrainParams p = tinyParams();
        QSignalSpy done(lab.controller(), &SurrogateController::trainingFinished);
        lab.controller()->train(5, p);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        const auto s = lab.controller()->latest();
        QVERIFY(!s->training);
        QCOMPARE(int(s->trainLoss.size()), 2);
        QVERIFY(s->hasModel);
    }

    // Training follows the Case box: hd2d trains both decoupled channels (azimuth, then pitch).
    void trainingFollowsTheCase() {
        SurrogateLab lab;
        lab.showCase(QStringLiteral("hd2d"));
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->caseName == "hd2d", 10000);
        const as::surrogate::TrainParams p = tinyParams();
        QSignalSpy done(lab.controller(), &SurrogateController::trainingFinished);
        lab.controller()->train(5, p);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!lab.controller()->latest()->training, 10000);
        const auto s = lab.controller()->latest();
        QVERIFY2(done.at(0).at(0).toString().contains("after 4 epochs"),
                 qPrintable(done.at(0).at(0).toString()));
        QCOMPARE(int(s->trainLoss.size()), 4);  // 2 epochs x 2 channels
        QCOMPARE(s->caseName, std::string("hd2d"));
        QVERIFY(s->hasModel);

        // grid3d: the 32^3 torus teaches one 6-output net (5 sequences: a few seconds).
        lab.showCase(QStringLiteral("grid3d"));
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->caseName == "grid3d", 10000);
        lab.controller()->train(5, p);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!lab.controller()->latest()->training, 10000);
        QVERIFY2(done.at(1).at(0).toString().contains("after 2 epochs"),
                 qPrintable(done.at(1).at(0).toString()));
        QCOMPARE(lab.controller()->latest()->caseName, std::string("grid3d"));
        QCOMPARE(int(lab.controller()->latest()->trainLoss.size()), 2);
    }
};

QTEST_MAIN(TestSurrogateLab)
#include "test_surrogate_lab.moc"
