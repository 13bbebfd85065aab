// The Torus lab offscreen: it opens, shows the three slice views through the bump, steps and
// plays, switches to the 2D head-direction page, refuses k >= k_c, undoes and redoes parameter
// edits (also Ctrl+Z in the main window), takes startup --set overrides, records PNG frames and
// an animated GIF, and saves and reloads its session groups.
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/StartupOptions.h"
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"
#include "cann/Hd2dSession.h"
#include "io/SessionFile.h"
#include "tests/engine/export/Mp4Probe.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/torus/PointCloudView.h"
#include "widgets/torus/SliceHeatmap.h"

using as::gui::MainWindow;
using as::gui::TorusLab;

class TestTorusLab : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<TorusLab> lab_;

    /// Waits until the worker's torus snapshot carries the controller's intended parameters.
    bool torusSettled() {
        auto* ctl = lab_->controller();
        (void)QTest::qWaitFor(
            [&] {
                ctl->stepOnce();
                QTest::qWait(20);
                auto s = ctl->torus();
                return s && s->params == ctl->torusParams();
            },
            5000);
        auto s = ctl->torus();
        return s && s->params == ctl->torusParams();
    }

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

    // The keyboard steers the grid-cell position: Right switches the input to "external" and moves
    // x forward at the trajectory's speed; on release the position stays; Page Up moves z.
    void arrowAndPageKeysSteer() {
        auto* ctl = lab_->controller();
        lab_->setFocus();
        auto stepAndRead = [&](int steps) {
            const long start = ctl->stepCount();
            for (int i = 0; i < steps; ++i) ctl->stepOnce();
            QTest::qWaitFor([&] { return ctl->stepCount() >= start + steps; }, 5000);
            QTest::qWait(50);
            return ctl->torus()->truePosition;
        };
        QTest::keyPress(lab_.get(), Qt::Key_Right);
        QTRY_COMPARE(int(ctl->trajectory().kind), int(as::TrajectoryKind::External));
        const auto a = stepAndRead(5);
        const auto b = stepAndRead(50);
        QVERIFY2(b[0] > a[0] + 0.1, "Right moves x forward");
        QCOMPARE(b[2], a[2]);
        QTest::keyRelease(lab_.get(), Qt::Key_Right);
        QTest::keyPress(lab_.get(), Qt::Key_PageUp);
        const auto c = stepAndRead(5);
        const auto d = stepAndRead(50);
        QVERIFY2(d[2] > c[2] + 0.1, "Page Up moves z up");
        QVERIFY2(std::abs(d[0] - c[0]) < 1e-9, "x stays once Right is released");
        QTest::keyRelease(lab_.get(), Qt::Key_PageUp);
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
        QTRY_VERIFY_WITH_TIMEOUT(lab_->findChild<QLabel*>("hdSummary")->text().contains("cheaper"),
                                 5000);
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

    void undoesAndRedoesParameterEdits() {
        auto* ctl = lab_->controller();
        QUndoStack* undo = lab_->undoStack();
        QVERIFY(undo && undo->count() == 0);
        // The 3D page's model: one arrow click on k is one undo step, applied to the running model.
        auto* k = qobject_cast<QDoubleSpinBox*>(lab_->form(0)->editor("k"));
        QVERIFY(k);
        const double k0 = ctl->torusParams().k;
        k->stepUp();
        QCOMPARE(undo->count(), 1);
        const double k1 = ctl->torusParams().k;
        QVERIFY(k1 > k0);
        QVERIFY(torusSettled());
        undo->undo();
        QCOMPARE(ctl->torusParams().k, k0);
        QCOMPARE(k->value(), k0);
        QVERIFY(torusSettled());
        undo->redo();
        QCOMPARE(ctl->torusParams().k, k1);
        QCOMPARE(k->value(), k1);
        QVERIFY(torusSettled());
        // The trajectory choice in the toolbar.
        auto* combo = lab_->findChild<QComboBox*>("trajectoryCombo");
        const auto kind0 = ctl->trajectory().kind;
        const int helix = combo->findText("helix");
        QVERIFY(helix >= 0 && helix != int(kind0));
        emit combo->activated(helix);
        QCOMPARE(int(ctl->trajectory().kind), helix);
        QCOMPARE(undo->count(), 2);
        undo->undo();
        QCOMPARE(ctl->trajectory().kind, kind0);
        QCOMPARE(combo->currentIndex(), int(kind0));
        // The head-direction page's model and heading.
        lab_->showPage(1);
        auto* a = qobject_cast<QDoubleSpinBox*>(lab_->form(2)->editor("a"));
        const double a0 = ctl->hd2dParams().a;
        a->stepUp();
        QVERIFY(ctl->hd2dParams().a > a0);
        QCOMPARE(ctl->torusParams().a, as::TorusParams{}.a);  // the 3D model is untouched
        undo->undo();
        QCOMPARE(ctl->hd2dParams().a, a0);
        QCOMPARE(a->value(), a0);
        // A refused edit leaves no undo step and names the rule.
        lab_->showPage(0);
        const int count = undo->count();
        QVERIFY(!lab_->requestEdit(0, "k", 1e3));
        QCOMPARE(undo->count(), count);
        QVERIFY2(lab_->form(0)->errorText().contains("k_c"),
                 qPrintable(lab_->form(0)->errorText()));
    }

    void startupSettingsNameKeyAndLab() {
        QCOMPARE(lab_->applySetting("torus", "n", "40"), QString());
        QCOMPARE(lab_->controller()->torusParams().n, 40);
        QCOMPARE(lab_->applySetting("torus", "trajectory", "helix"), QString());
        QCOMPARE(lab_->controller()->trajectory().kind, as::TrajectoryKind::Helix);
        QCOMPARE(lab_->applySetting("hd2d", "n", "48"), QString());
        QCOMPARE(lab_->controller()->hd2dParams().n, 48);
        QCOMPARE(lab_->controller()->torusParams().n, 40);
        QString err =
            lab_->applySetting("hd2d", "spacing_x", "3");  // no grid spacing in head direction
        QVERIFY2(err.contains("'spacing_x'") && err.contains("'hd2d'"), qPrintable(err));
        err = lab_->applySetting("torus", "bogus", "1");
        QVERIFY2(err.contains("'bogus'") && err.contains("'torus'") && err.contains("spacing_x"),
                 qPrintable(err));
        err = lab_->applySetting("torus", "k", "1000");
        QVERIFY2(err.contains("k_c") && err.contains("'torus'"), qPrintable(err));
        err = lab_->applySetting("torus", "n", "many");
        QVERIFY2(err.contains("n=many"), qPrintable(err));
    }

    void mainWindowUndoAndStartupSet() {
        lab_.reset();  // one torus lab at a time
        MainWindow w;
        as::gui::StartupOptions opt;
        QCOMPARE(opt.parse({"attractor-studio", "--lab", "hd2d", "--no-play", "--set", "n=40",
                            "--set", "trajectory=static"}),
                 QString());
        QCOMPARE(opt.apply(w), 0);
        auto* torus = qobject_cast<TorusLab*>(w.currentLab());
        QVERIFY(torus);
        QCOMPARE(torus->page(), 1);
        QCOMPARE(torus->controller()->hd2dParams().n, 40);
        QCOMPARE(torus->controller()->heading().kind, as::TrajectoryKind::Static);
        QCOMPARE(torus->controller()->torusParams().n,
                 32);                         // --lab hd2d: the 3D page keeps its defaults
        QCOMPARE(w.undoStack()->count(), 0);  // overrides are the start, not edits
        QVERIFY(!torus->controller()->isPlaying());
        // Edit on the torus tab, then Ctrl+Z / Ctrl+Shift+Z in the main window.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        torus->showPage(0);
        const double tau0 = torus->controller()->torusParams().tau;
        qobject_cast<QDoubleSpinBox*>(torus->form(0)->editor("tau"))->stepUp();
        QVERIFY(torus->controller()->torusParams().tau > tau0);
        QVERIFY(w.isWindowModified());
        QTest::keySequence(&w, QKeySequence::Undo);
        QCOMPARE(torus->controller()->torusParams().tau, tau0);
        QVERIFY(!w.isWindowModified());
        QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        QVERIFY(torus->controller()->torusParams().tau > tau0);

        as::gui::StartupOptions bad;
        QCOMPARE(bad.parse({"attractor-studio", "--lab", "torus", "--set", "nonsense=1"}),
                 QString());
        QCOMPARE(bad.apply(w), 2);
        as::gui::StartupOptions notTorus;  // --record is the Torus lab's
        QCOMPARE(notTorus.parse({"attractor-studio", "--lab", "ring", "--record", "x.gif"}),
                 QString());
        QCOMPARE(notTorus.apply(w), 2);
        QVERIFY(!as::gui::StartupOptions()
                     .parse({"attractor-studio", "--record-frames", "0"})
                     .isEmpty());
    }

    void recordsAnAnimatedGif() {
        QTemporaryDir dir;
        const QString file = dir.filePath("bump.gif");
        QVERIFY(lab_->startRecording(file, 3));
        auto* ctl = lab_->controller();
        for (int i = 0; i < 6 && lab_->isRecording(); ++i) {
            ctl->stepOnce();
            QTest::qWait(80);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!lab_->isRecording(), 5000);
        QCOMPARE(lab_->recordedFrames(), 3);
        QImageReader reader(file);
        QCOMPARE(reader.imageCount(), 3);
        // A recording stopped before its first frame leaves no empty file behind.
        const QString empty = dir.filePath("empty.gif");
        QVERIFY(lab_->startRecording(empty, 3));
        QVERIFY(QFile::exists(empty));  // created at once, so a bad path is reported at once
        lab_->stopRecording();
        QVERIFY(!QFile::exists(empty));
        const QImage first = reader.read();
        QCOMPARE(first.size(), lab_->findChild<QTabWidget*>("torusPages")->currentWidget()->size());
    }

    void recordsAnMp4Video() {
        QTemporaryDir dir;
        const QString file = dir.filePath("bump.mp4");
        QVERIFY(lab_->startRecording(file, 4));
        auto* ctl = lab_->controller();
        for (int i = 0; i < 8 && lab_->isRecording(); ++i) {
            ctl->stepOnce();
            QTest::qWait(80);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!lab_->isRecording(), 5000);
        QCOMPARE(lab_->recordedFrames(), 4);
        const auto video = as::test::decodeMp4(QFile::encodeName(file).toStdString());
        QCOMPARE(video.frames, 4);
        const QSize page = lab_->findChild<QTabWidget*>("torusPages")->currentWidget()->size();
        QCOMPARE(video.width, page.width() & ~1);  // H.264 4:2:0: even sizes
        QCOMPARE(video.height, page.height() & ~1);
    }

    void loadsAHeadDirectionOnlySession() {
        // `attractor-cli hd2d --out` writes /hd2d alone: the lab takes it and shows that page.
        QTemporaryDir dir;
        const std::string path = dir.filePath("hd.h5").toStdString();
        as::TorusParams p = as::Hd2dSimulation::defaultParams();
        p.n = 32;
        as::Hd2dSimulation sim(p, as::Hd2dSimulation::defaultHeading());
        sim.step(25);
        as::saveHd2dSession(path, sim);
        as::SessionReader r(path);
        QVERIFY(!r.hasGroup("torus"));
        auto apply = r.read([&](hid_t root) { return lab_->prepareLoad(root); });
        apply();
        QCOMPARE(lab_->page(), 1);
        QCOMPARE(lab_->controller()->hd2dParams().n, 32);
        QTRY_VERIFY_WITH_TIMEOUT(
            lab_->controller()->hd2d() && lab_->controller()->hd2d()->steps == 25, 5000);
        QCOMPARE(lab_->controller()->torusParams().n, 32);  // the 3D page at its defaults
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
        QTRY_VERIFY_WITH_TIMEOUT(
            other.controller()->torus() && other.controller()->torus()->steps == 15, 5000);
        QVERIFY(r.hasGroup("hd2d"));
    }
};

QTEST_MAIN(TestTorusLab)
#include "test_torus_lab.moc"
