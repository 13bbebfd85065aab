// The main window offscreen: it plays, follows a mouse drag, undoes an edit, refuses k >= k_c,
// exports views, survives a corrupt session file and shows a watchdog halt.
#include <QApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <cmath>

#include "app/gui/framework/GuidedTour.h"
#include "app/gui/framework/HaltBanner.h"
#include "app/gui/ring/RingController.h"
#include "app/gui/ring/RingLab.h"
#include "app/gui/shell/MainWindow.h"
#include "tests/app/TestWindow.h"
#include "tests/app/WriteFile.h"
#include "tests/engine/io/FlipVariants.h"
#include "widgets/common/FigureExport.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/ring/RingView.h"

using as::gui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;
    as::gui::RingLab* lab() { return w_->findLab<as::gui::RingLab>(); }
    as::gui::RingController* ctl() { return lab()->controller(); }
    /// Waits until the views' snapshot reflects the controller's intended parameters.
    std::shared_ptr<const as::RingSnapshot> settled() {
        std::shared_ptr<const as::RingSnapshot> s;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT((s = ctl()->latest()) && s->params == ctl()->params() &&
                                         s->stimulus == ctl()->stimulus(),
                                     5000);
        }();
        return s;
    }

  private slots:
    void initTestCase() { as::test::useTestSettings("test_main_window"); }
    void init() {
        w_ = as::test::exposedMainWindow({.defaultSession = true});
        QVERIFY(w_);
    }
    void cleanup() { w_.reset(); }

    void guidedTourDrivesTheLab() {
        QVERIFY(w_->startTour());
        as::gui::GuidedTour* tour = w_->tour();
        QVERIFY(tour && tour->isVisible());
        QCOMPARE(tour->currentStep(), 0);
        QVERIFY(tour->stepCount() >= 5);
        QCOMPARE(ctl()->stimulus().protocol, as::Protocol::Moving);
        QTRY_VERIFY(ctl()->isPlaying());
        tour->next();
        tour->next();
        tour->next();  // "Memory without input"
        QCOMPARE(tour->currentStep(), 3);
        QCOMPARE(ctl()->stimulus().protocol, as::Protocol::Persistent);
        tour->next();  // a big jump
        QCOMPARE(ctl()->stimulus().protocol, as::Protocol::Jump);
        tour->next();  // a small jump slides
        QCOMPARE(ctl()->stimulus().dz, 0.5);
        tour->next();  // global inhibition raised, still below k_c
        QCOMPARE(ctl()->params().k, 100.0);
        QVERIFY(ctl()->params().k < ctl()->params().kCritical());
        // The tour's edits are ordinary undo steps.
        w_->undoStack()->undo();
        QCOMPARE(ctl()->params().k, 8.1);
        tour->back();  // back to "A small jump slides"
        QCOMPARE(tour->currentStep(), 5);
        QCOMPARE(ctl()->stimulus().protocol, as::Protocol::Jump);
    }

    void presentationModeScalesFonts() {
        const double base = QApplication::font().pointSizeF();
        w_->setPresentationMode(true);
        QCOMPARE(QApplication::font().pointSizeF(), MainWindow::kPresentationFontScale * base);
        w_->setPresentationMode(false);
        QCOMPARE(QApplication::font().pointSizeF(), base);
    }

    void opensAndPlays() {
        QVERIFY(w_->windowTitle().contains("Attractor Studio"));
        const long start = ctl()->stepCount();
        ctl()->play();
        QTRY_VERIFY_WITH_TIMEOUT(ctl()->stepCount() >= start + 200, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(lab()->framesPerSecond() > 0, 5000);
        ctl()->pause();
        QTRY_VERIFY(!ctl()->isPlaying());
    }

    void dragMovesStimulus() {
        ctl()->play();
        auto* ring = lab()->ringView();
        const double target = 2.0;
        QTest::mousePress(ring, Qt::LeftButton, {}, ring->pointAt(0.5).toPoint());
        QTest::mouseMove(ring, ring->pointAt(1.2).toPoint());
        QTest::mouseMove(ring, ring->pointAt(target).toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(ctl()->stimulus().protocol == as::Protocol::External, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto s = ctl()->latest();
                return s && s->stimulus.protocol == as::Protocol::External &&
                       std::abs(std::remainder(s->stimulusZ - target, 2 * M_PI)) < 0.05;
            }(),
            5000);
        QTest::mouseRelease(ring, Qt::LeftButton, {}, ring->pointAt(target).toPoint());
        // The bump follows: the decoded position approaches the target.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::abs(std::remainder(ctl()->latest()->decoded - target, 2 * M_PI)) < 0.2, 10000);
        // Switching protocol is one undo step.
        QVERIFY(w_->undoStack()->canUndo());
    }

    void undoRestoresEditedParameter() {
        auto* tau = qobject_cast<QDoubleSpinBox*>(lab()->cannForm()->editor("tau"));
        QVERIFY(tau);
        const double before = ctl()->params().tau;
        const int count = w_->undoStack()->count();
        tau->stepUp();  // one arrow click = one edit
        QCOMPARE(w_->undoStack()->count(), count + 1);
        QVERIFY(std::abs(ctl()->params().tau - (before + 0.1)) < 1e-9);
        QVERIFY(w_->isWindowModified());
        QCOMPARE(settled()->params.tau, ctl()->params().tau);
        w_->undoStack()->undo();
        QCOMPARE(ctl()->params().tau, before);
        QCOMPARE(tau->value(), before);
        QCOMPARE(settled()->params.tau, before);
        QVERIFY(!w_->isWindowModified());
        w_->undoStack()->redo();
        QVERIFY(std::abs(settled()->params.tau - (before + 0.1)) < 1e-9);
    }

    void kAboveCriticalIsRefused() {
        const as::CannParams before = ctl()->params();
        const double kc = before.kCritical();
        const int count = w_->undoStack()->count();
        auto* k = qobject_cast<QDoubleSpinBox*>(lab()->cannForm()->editor("k"));
        k->setValue(kc + 10);  // a committed edit through the form
        QCOMPARE(ctl()->params(), before);
        QCOMPARE(w_->undoStack()->count(), count);
        QCOMPARE(k->value(), before.k);
        QVERIFY2(lab()->cannForm()->errorText().contains("k must be in (0, k_c)"),
                 qPrintable(lab()->cannForm()->errorText()));
        QCOMPARE(settled()->params, before);
        // A valid edit clears the message.
        QVERIFY(lab()->requestEdit("cann", "k", before.k, 9.0));
        QVERIFY(lab()->cannForm()->errorText().isEmpty());
    }

    void exportsViews() {
        QTemporaryDir dir;
        const int n = int(lab()->exportTargets().size());
        QVERIFY(n >= 6);
        for (int i = 0; i < n; ++i) {
            const QString png = dir.filePath(QString("v%1.png").arg(i));
            QCOMPARE(w_->exportView(i, png, QSize(800, 500), 100), QString());
            QCOMPARE(QImage(png).size(), QSize(800, 500));
            const QString svg = dir.filePath(QString("v%1.svg").arg(i));
            QCOMPARE(w_->exportView(i, svg), QString());
            QVERIFY(QFileInfo(svg).size() > 200);
        }
        const QString pdf = dir.filePath("lab.pdf");
        QCOMPARE(w_->exportView(0, pdf), QString());
        QVERIFY(QFileInfo(pdf).size() > 200);
        const QString csv = dir.filePath("traces.csv");
        QCOMPARE(ctl()->exportCsv(csv), QString());
        QVERIFY(QFileInfo(csv).size() > 100);
    }

    void corruptFileLeavesSessionUntouched() {
        QTemporaryDir dir;
        const QString bad = dir.filePath("corrupt.h5");
        QVERIFY(as::test::writeFile(bad, "this is not an HDF5 file at all\n"));
        QVERIFY(lab()->requestEdit("cann", "tau", ctl()->params().tau, 1.5));
        const as::CannParams before = ctl()->params();
        const long steps = settled()->steps;
        const QString title = w_->windowTitle();
        const QString err = w_->openFile(bad, true);
        QVERIFY(!err.isEmpty());
        QVERIFY2(err.contains("corrupt.h5"), qPrintable(err));
        QCOMPARE(ctl()->params(), before);
        QCOMPARE(w_->windowTitle(), title);
        QVERIFY(w_->undoStack()->canUndo());
        QCOMPARE(settled()->steps, steps);
        QCOMPARE(settled()->params, before);
    }

    void damagedSessionShowsDialogAndLeavesSessionUntouched() {
        // A saved session with one byte of /ring/state/u changed: File -> Open shows a dialog
        // naming the file and the dataset; the open session is untouched.
        QTemporaryDir dir;
        const QString bad = dir.filePath("damaged.h5");
        QCOMPARE(w_->saveTo(bad, true), QString());
        QVERIFY(as::test::damageDataset(bad.toStdString(), "/ring/state/u"));
        QVERIFY(lab()->requestEdit("cann", "tau", ctl()->params().tau, 1.5));
        const as::CannParams before = ctl()->params();
        const QString title = w_->windowTitle();
        QString shown;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start(20);
        const QString err = w_->openFile(bad);  // not quiet: the dialog
        poll.stop();
        QVERIFY2(shown.contains(bad), qPrintable(shown));
        QVERIFY2(shown.contains("dataset '/ring/state/u' failed its checksum"), qPrintable(shown));
        QCOMPARE(err, shown);
        QCOMPARE(ctl()->params(), before);
        QCOMPARE(w_->windowTitle(), title);
        QCOMPARE(settled()->params, before);
    }

    void saveAndReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath("s.h5");
        QVERIFY(lab()->requestEdit("cann", "A", ctl()->params().A, 12.0));
        QCOMPARE(w_->saveTo(path, true), QString());
        QVERIFY(!w_->isWindowModified());
        QVERIFY(w_->windowTitle().startsWith("s.h5"));
        w_->openDefaultSession();
        QCOMPARE(ctl()->params().A, 10.0);
        QCOMPARE(w_->openFile(path, true), QString());
        QCOMPARE(ctl()->params().A, 12.0);
        QCOMPARE(settled()->params.A, 12.0);
    }

    void watchdogHaltShowsBanner() {
        QSignalSpy spy(ctl(), &as::gui::RingController::halted);
        QVERIFY(lab()->requestEdit("cann", "dt", ctl()->params().dt, 4.0));  // Euler diverges
        ctl()->play();
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 15000);
        QTRY_VERIFY(lab()->banner()->isVisible());
        QTRY_VERIFY(!ctl()->isPlaying());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
