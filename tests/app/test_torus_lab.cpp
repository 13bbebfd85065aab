// The Torus lab offscreen: it opens, shows the three slice views through the bump, steps and
// plays, switches to the 2D head-direction page, refuses k >= k_c, and saves and reloads its
// session group.
#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>

#include "PointCloudView.h"
#include "SliceHeatmap.h"
#include "controllers/TorusController.h"
#include "io/SessionFile.h"
#include "labs/TorusLab.h"

using as::gui::TorusLab;

class TestTorusLab : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TorusLab> lab_;

private slots:
    void init() {
        lab_ = std::make_unique<TorusLab>();
        lab_->resize(1400, 900);
        lab_->show();
        QVERIFY(QTest::qWaitForWindowExposed(lab_.get()));
    }
    void cleanup() { lab_.reset(); }

    void opensWithTheSliceViewsAndSteps() {
        auto* ctl = lab_->controller();
        for (int i = 0; i < 20; ++i) ctl->stepOnce();
        QTRY_VERIFY_WITH_TIMEOUT(ctl->stepCount() >= 20, 5000);
        for (int i = 0; i < 3; ++i) {
            QTRY_COMPARE_WITH_TIMEOUT(lab_->slice(i)->rows(), 32, 5000);
            QCOMPARE(lab_->slice(i)->cols(), 32);
            QVERIFY(lab_->slice(i)->isVisible());
        }
        QTRY_VERIFY_WITH_TIMEOUT(lab_->torusView()->pointCount() > 0, 5000);
        const QImage shot = lab_->grab().toImage();
        QVERIFY(!shot.isNull() && shot.width() > 100);
        ctl->play();
        QTRY_VERIFY_WITH_TIMEOUT(ctl->stepCount() > 100, 10000);
        ctl->pause();
        QTRY_VERIFY(!ctl->isPlaying());
        const auto snap = ctl->torus();
        QVERIFY(snap && snap->meanError < 1.0);
    }

    void headDirectionPageRunsBothModels() {
        lab_->showPage(1);
        auto* ctl = lab_->controller();
        QCOMPARE(ctl->mode(), as::gui::TorusController::Mode::HeadDirection);
        for (int i = 0; i < 30; ++i) ctl->stepOnce();
        QTRY_VERIFY_WITH_TIMEOUT(ctl->hd2d() && ctl->hd2d()->steps >= 30, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ctl->hd2d()->sheetStepsPerSecond > 0, 5000);
        QCOMPARE(int(ctl->hd2d()->sheet.size()), 64 * 64);
        // The page draws the snapshot: its summary compares the two models.
        QTRY_VERIFY_WITH_TIMEOUT(lab_->findChild<QLabel*>("hdSummary")->text().contains("cheaper"), 5000);
        if (qEnvironmentVariableIsSet("AS_TORUS_HD_SHOT"))
            lab_->grab().save(qEnvironmentVariable("AS_TORUS_HD_SHOT"));
    }

    void refusesInhibitionBeyondCritical() {
        auto* ctl = lab_->controller();
        as::TorusParams p = ctl->torusParams();
        p.k = 1e3;
        try {
            p.check();
            QFAIL("k = 1000 should be refused");
        } catch (const std::exception& e) {
            QVERIFY(QString(e.what()).contains("k_c"));
        }
    }

    void recordsANumberedPngSequence() {
        QTemporaryDir dir;
        QVERIFY(lab_->startRecording(dir.path(), 3));
        auto* ctl = lab_->controller();
        for (int i = 0; i < 5; ++i) {
            ctl->stepOnce();
            QTest::qWait(60);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!lab_->isRecording(), 5000);
        QCOMPARE(lab_->recordedFrames(), 3);
        QVERIFY(QFile::exists(dir.filePath("frame_00001.png")));
        QVERIFY(QFile::exists(dir.filePath("frame_00003.png")));
        QVERIFY(!QFile::exists(dir.filePath("frame_00004.png")));
    }

    void savesAndReloadsItsSessionGroup() {
        auto* ctl = lab_->controller();
        for (int i = 0; i < 15; ++i) ctl->stepOnce();
        QTRY_VERIFY_WITH_TIMEOUT(ctl->stepCount() >= 15, 5000);
        QTemporaryDir dir;
        const std::string path = dir.filePath("torus.h5").toStdString();
        {
            as::SessionWriter w(path, "torus");
            w.write([&](hid_t root) { lab_->writeSession(root); });
            w.commit();
        }
        TorusLab other;
        as::SessionReader r(path);
        QVERIFY(r.hasGroup("torus"));
        QCOMPARE(QString::fromStdString(r.lab()), QString("torus"));
        auto apply = r.read([&](hid_t root) { return other.prepareLoad(root); });
        apply();
        QTRY_VERIFY_WITH_TIMEOUT(other.controller()->torus() && other.controller()->torus()->steps == 15, 5000);
        QVERIFY(r.hasGroup("hd2d"));
    }
};

QTEST_MAIN(TestTorusLab)
#include "test_torus_lab.moc"
