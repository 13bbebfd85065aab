// The E-I spiking lab offscreen: it plays and draws spikes, a mode toggle reaches the running
// network, a protocol runs to its result panel, Cancel stops a long one, and the /ei session group
// round-trips through writeSession / prepareLoad. Mode switches, N_E and the bump are undo steps;
// the spectrum view fills from the running network; the guided tour steps through.
#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>

#include "ConfidenceDecodePlot.h"
#include "MainWindow.h"
#include "SpikeRaster.h"
#include "TraceChart.h"
#include "controllers/EiController.h"
#include "io/Hdf5Handle.h"
#include "labs/EiLab.h"

using as::gui::EiLab;

class TestEiLab : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<EiLab> lab_;

  private slots:
    void init() {
        lab_ = std::make_unique<EiLab>();
        lab_->resize(1200, 800);
        lab_->show();
        QVERIFY(QTest::qWaitForWindowExposed(lab_.get()));
    }
    void cleanup() { lab_.reset(); }

    void playsAndDrawsSpikes() {
        QTRY_VERIFY_WITH_TIMEOUT(
            lab_->controller()->latest() && lab_->controller()->latest()->t > 100, 10000);
        const auto s = lab_->controller()->latest();
        QVERIFY(!s->spikeTimes[0].empty());
        auto* raster = lab_->findChild<as::widgets::SpikeRaster*>();
        QVERIFY(raster);
        QTRY_VERIFY_WITH_TIMEOUT(raster->drawnSpikes() > 0, 5000);
        auto* decode = lab_->findChild<as::widgets::ConfidenceDecodePlot*>();
        QVERIFY(decode);
        QTRY_VERIFY_WITH_TIMEOUT(decode->drawnPoints() > 10, 5000);
    }

    void modeToggleActsOnTheRunningNetwork() {
        lab_->setMode(as::EiMode::CannOnly);
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->params.mode == as::EiMode::CannOnly,
                                 5000);
        const double t0 = lab_->controller()->latest()->t;
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->t > t0 + 50, 10000);
        // I_d has no input without the fast synapses: no I_d spike after the switch
        const auto s = lab_->controller()->latest();
        for (double t : s->spikeTimes[2]) QVERIFY(t <= t0 + 1);
    }

    void modeSwitchesAreUndoable() {
        QUndoStack* undo = lab_->undoStack();
        QVERIFY(undo && undo->count() == 0);
        auto mode = [this] { return lab_->controller()->latest()->params.mode; };
        lab_->setMode(as::EiMode::CannOnly);
        QCOMPARE(undo->count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::CannOnly, 5000);
        lab_->setMode(as::EiMode::FastCann);
        QCOMPARE(undo->count(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::FastCann, 5000);
        undo->undo();  // back to CANN only on the running network, the Mode box with it
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::CannOnly, 5000);
        auto* combo = lab_->findChild<QComboBox*>("eiMode");
        QVERIFY(combo);
        QCOMPARE(combo->currentIndex(), int(as::EiMode::CannOnly));
        undo->undo();
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::Coupled, 5000);
        QCOMPARE(combo->currentIndex(), int(as::EiMode::Coupled));
        undo->redo();
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::CannOnly, 5000);
        // picking the Mode box's item is an edit like setMode; the same mode again is none
        combo->setCurrentIndex(int(as::EiMode::Unbalanced));
        QCOMPARE(undo->count(), 2);  // the redo branch (fast CANN) was replaced
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::Unbalanced, 5000);
        lab_->setMode(as::EiMode::Unbalanced);
        QCOMPARE(undo->count(), 2);
        // the bump switch and its position are undo steps too
        lab_->setValue("bump", 0);
        QTRY_VERIFY_WITH_TIMEOUT(!lab_->controller()->latest()->bumpOn, 5000);
        lab_->setValue("position_deg", 90);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(lab_->controller()->latest()->z - M_PI / 2) < 1e-12,
                                 5000);
        undo->undo();
        undo->undo();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->bumpOn, 5000);
        QCOMPARE(lab_->controller()->latest()->z, 0.0);
        // N_E (applied on Reset) is one too, shown in its spin box
        auto* ne = lab_->findChild<QSpinBox*>("eiNE");
        QVERIFY(ne);
        const int ne0 = ne->value();
        lab_->setValue("NE", 1600);
        QCOMPARE(ne->value(), 1600);
        undo->undo();
        QCOMPARE(ne->value(), ne0);
        // a new network (File → New) starts a new history
        lab_->resetToDefaults();
        QCOMPARE(undo->count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::Coupled, 5000);
    }

    void ctrlZInTheMainWindowUndoesAModeSwitch() {
        lab_.reset();  // one E-I network at a time
        as::gui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showLab("ei"));
        auto* ei = qobject_cast<EiLab*>(w.currentLab());
        QVERIFY(ei && ei->undoStack() == w.undoStack());
        auto mode = [ei] { return ei->controller()->latest()->params.mode; };
        ei->findChild<QComboBox*>("eiMode")->setCurrentIndex(int(as::EiMode::FastCann));
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::FastCann, 5000);
        QVERIFY(w.isWindowModified());
        QTest::keySequence(&w, QKeySequence::Undo);
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::Coupled, 5000);
        QVERIFY(!w.isWindowModified());
        QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::FastCann, 5000);
    }

    void spectrumShowsTheRunningNetwork() {
        auto* chart = lab_->findChild<as::widgets::TraceChart*>("eiSpectrum");
        QVERIFY(chart);
        // 2 ms bins over the last second: 250 frequencies once a second has run, fewer before
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount(0) >= 100, 30000);
        QVERIFY(chart->pointCount(1) >= 20);  // 1/20-decade means over 4 Hz .. 250 Hz
        const auto s = lab_->controller()->latest();
        QVERIFY(!s->spectrumHz.empty());
        QCOMPARE(s->spectrumHz.size(), s->spectrumPower.size());
        QVERIFY(s->spectrumHz.back() > 240 &&
                s->spectrumHz.back() <= 250);  // Nyquist of 2 ms bins: 250 Hz
        QTemporaryDir dir;
        QCOMPARE(lab_->exportCsv(dir.filePath("live.csv")), QString());
        QFile f(dir.filePath("live-spectrum.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine().trimmed(), QByteArray("f_hz,power_hz2_per_hz"));
        int rows = 0;
        while (!f.atEnd()) rows += f.readLine().trimmed().isEmpty() ? 0 : 1;
        QVERIFY(rows >= 100);
    }

    void guidedTourStepsThrough() {
        const auto steps = lab_->tourSteps();
        QVERIFY(steps.size() >= 5 && steps.size() <= 8);
        QUndoStack* undo = lab_->undoStack();
        auto mode = [this] { return lab_->controller()->latest()->params.mode; };
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QVERIFY(!steps[i].title.isEmpty() && !steps[i].text.isEmpty());
            QVERIFY(steps[i].action);
            steps[i].action();
            if (steps[i].title.contains("Fast CANN")) {
                QTRY_VERIFY_WITH_TIMEOUT(
                    mode() == as::EiMode::FastCann && !lab_->controller()->latest()->bumpOn, 5000);
            }
            if (steps[i].title.contains("CANN only"))
                QTRY_VERIFY_WITH_TIMEOUT(mode() == as::EiMode::CannOnly, 5000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            mode() == as::EiMode::Coupled && lab_->controller()->latest()->bumpOn, 5000);
        QVERIFY(undo->count() >= 8);  // every set-up went through the undo stack
        undo->undo();                 // the last step's last edit: the bump back on, undone
        QTRY_VERIFY_WITH_TIMEOUT(!lab_->controller()->latest()->bumpOn, 5000);
    }

    void protocolRunsToItsResult() {
        lab_->setProtocol("jump");
        lab_->runSelectedProtocol();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->resultText().contains("t95"), 60000);
        QVERIFY(lab_->resultText().contains("completed"));
        QTemporaryDir dir;
        const QString csv = dir.filePath("jump.csv");
        QCOMPARE(lab_->exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine().trimmed(), QByteArray("t,stimulus,decoded,decoded_cann"));
    }

    void lambda0ChartFillsAfterItsProtocol() {
        lab_->setProtocol("lambda0");
        lab_->runSelectedProtocol();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->resultText().contains("lambda0_measured_b0"), 60000);
        as::widgets::TraceChart* chart = nullptr;
        for (auto* c : lab_->findChildren<as::widgets::TraceChart*>())
            if (c->seriesCount() == 3 && c->pointCount(0) == 8) chart = c;
        QVERIFY(chart);
        QCOMPARE(chart->pointCount(1), 8);
    }

    void cancelStopsALongProtocol() {
        // 30 s of two networks: long enough that no machine finishes before the Cancel
        auto* duration = lab_->findChild<QSpinBox*>("eiDuration");
        QVERIFY(duration);
        duration->setValue(30000);
        lab_->setProtocol("lag");
        lab_->runSelectedProtocol();
        QTest::qWait(300);
        lab_->controller()->cancelProtocol();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->resultText().contains("cancelled"), 20000);
        duration->setValue(0);  // back to the protocol's default
    }

    void sessionGroupRoundTrips() {
        lab_->setMode(as::EiMode::FastCann);
        lab_->setProtocol("currents");
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.h5").toStdString();
        {
            as::h5::Handle f = as::h5::createFile(path);
            lab_->writeSession(f);
        }
        lab_->resetToDefaults();
        as::h5::Handle f = as::h5::openFileReadOnly(path);
        auto apply = lab_->prepareLoad(f);
        apply();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->params.mode == as::EiMode::FastCann,
                                 5000);
    }
};

QTEST_MAIN(TestEiLab)
#include "test_ei_lab.moc"
