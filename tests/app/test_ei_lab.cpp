// The E-I spiking lab offscreen: it plays and draws spikes, a mode toggle reaches the running
// network, a protocol runs to its result panel, Cancel stops a long one, and the /ei session group
// round-trips through writeSession / prepareLoad.
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include "ConfidenceDecodePlot.h"
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
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest() && lab_->controller()->latest()->t > 100, 10000);
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
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->params.mode == as::EiMode::CannOnly, 5000);
        const double t0 = lab_->controller()->latest()->t;
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->t > t0 + 50, 10000);
        // I_d has no input without the fast synapses: no I_d spike after the switch
        const auto s = lab_->controller()->latest();
        for (double t : s->spikeTimes[2]) QVERIFY(t <= t0 + 1);
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
        lab_->setProtocol("lag");
        lab_->runSelectedProtocol();
        QTest::qWait(300);
        lab_->controller()->cancelProtocol();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->resultText().contains("cancelled"), 20000);
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
        QTRY_VERIFY_WITH_TIMEOUT(lab_->controller()->latest()->params.mode == as::EiMode::FastCann, 5000);
    }
};

QTEST_MAIN(TestEiLab)
#include "test_ei_lab.moc"
