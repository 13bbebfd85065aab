// The Surrogate lab offscreen: the main window has the tab, the lab loads the shipped ring model,
// runs the ODE and the surrogate side by side (steps advance, the error stays small), a damaged
// model file is refused without losing the running model, and a tiny training run finishes.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "MainWindow.h"
#include "controllers/SurrogateController.h"
#include "labs/SurrogateLab.h"

using namespace as::gui;

class TestSurrogateLab : public QObject {
    Q_OBJECT
  private slots:
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
        QVERIFY(!s->odeAngle.empty());
        QCOMPARE(s->odeAngle.size(), s->surAngle.size());
        QVERIFY2(s->runningMse < 1e-3, qPrintable(QString::number(s->runningMse)));
        QVERIFY(s->odeUs > 0 && s->surUs > 0);
        QCOMPARE(s->activityRows, s->odeAngle.size());
        QCOMPARE(s->odeActivity.size(), s->surActivity.size());
        QTRY_VERIFY_WITH_TIMEOUT(lab.shownSteps() > 0, 5000);
        QVERIFY(lab.statsLabel()->text().contains(QStringLiteral("speed-up")));
    }

    void damagedModelRefused() {
        SurrogateLab lab;
        QTRY_VERIFY_WITH_TIMEOUT(lab.controller()->latest()->hasModel, 10000);
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.h5"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        QSignalSpy failed(lab.controller(), &SurrogateController::failed);
        lab.loadModel(bad);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(lab.controller()->latest()->hasModel);  // the running model is kept
    }

    void tinyTrainingFinishes() {
        SurrogateLab lab;
        as::surrogate::TrainParams p;
        p.hidden = 4;
        p.features = 4;
        p.head = 4;
        p.bins = 8;
        p.max_epochs = 2;
        QSignalSpy done(lab.controller(), &SurrogateController::trainingFinished);
        lab.controller()->train(5, p);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        const auto s = lab.controller()->latest();
        QVERIFY(!s->training);
        QCOMPARE(int(s->trainLoss.size()), 2);
        QVERIFY(s->hasModel);
    }
};

QTEST_MAIN(TestSurrogateLab)
#include "test_surrogate_lab.moc"
