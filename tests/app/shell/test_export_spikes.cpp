// Issue 17, item 8 "No spike export in the GUI": File → Export Spikes (SONATA, CSV) in the E-I
// lab writes the recorded spikes through the engine's writers; read back (SONATA with the engine's
// reader, CSV by parsing), each population has exactly the recorded spikes. Other labs have the
// menu entry disabled.
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <map>

#include "app/gui/ei/EiController.h"
#include "app/gui/ei/EiLab.h"
#include "app/gui/shell/MainWindow.h"
#include "export/SonataSpikes.h"
#include "tests/app/TestWindow.h"

using as::gui::EiLab;
using as::gui::MainWindow;

class TestExportSpikes : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;
    EiLab* ei_ = nullptr;
    std::vector<as::SpikeRecord> recorded_;

  private slots:
    void initTestCase() {
        w_ = as::test::openMainWindow("test_export_spikes");
        QVERIFY(w_);
        ei_ = w_->findLab<EiLab>();
        QVERIFY(w_->showLab("ei"));
        ei_->controller()->play();
        // Run until every population has spiked, then pause: the record stays put.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto r = ei_->recordedSpikes();
                return r[0].times.size() > 50 && r[1].times.size() > 5 && r[2].times.size() > 5;
            }(),
            8000);
        ei_->controller()->pause();
        QTRY_VERIFY(!ei_->controller()->isPlaying());
        QTest::qWait(100);
        recorded_ = ei_->recordedSpikes();
    }
    void cleanupTestCase() { w_.reset(); }

    void menuEntryFollowsTheLab() {
        auto* a = w_->findChild<QAction*>("exportSpikesAction");
        QVERIFY(a);
        QVERIFY(a->isEnabled());
        QVERIFY(w_->showLab("ring"));
        QVERIFY(!a->isEnabled());
        QVERIFY(w_->showLab("ei"));
        QVERIFY(a->isEnabled());
    }

    void sonataHoldsTheRecordedSpikes() {
        QTemporaryDir dir;
        const QString path = dir.filePath("spikes.h5");
        QCOMPARE(ei_->exportSpikes(path), QString());
        const auto back = as::readSonataSpikes(QFile::encodeName(path).toStdString());
        QCOMPARE(back.size(), std::size_t(3));
        for (const as::SpikeRecord& r : back) {
            const as::SpikeRecord* orig = nullptr;
            for (const auto& o : recorded_)
                if (o.population == r.population) orig = &o;
            QVERIFY2(orig, r.population.c_str());
            QCOMPARE(r.times.size(), orig->times.size());
            QVERIFY(r.times == orig->times);
            QVERIFY(r.ids == orig->ids);
        }
    }

    void csvHoldsTheRecordedSpikes() {
        QTemporaryDir dir;
        const QString path = dir.filePath("spikes.csv");
        QCOMPARE(ei_->exportSpikes(path), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        QTextStream in(&f);
        QCOMPARE(in.readLine(), QString("population,node_id,timestamp_ms"));
        std::map<std::string, std::size_t> counts;
        std::map<std::string, double> lastTime;
        while (!in.atEnd()) {
            const QStringList cells = in.readLine().split(',');
            QCOMPARE(cells.size(), 3);
            bool okId = false, okT = false;
            cells[1].toUInt(&okId);
            const double t = cells[2].toDouble(&okT);
            QVERIFY(okId && okT);
            const std::string pop = cells[0].toStdString();
            ++counts[pop];
            lastTime[pop] = t;
        }
        for (const auto& r : recorded_) {
            QCOMPARE(counts[r.population], r.times.size());
            QVERIFY(std::abs(lastTime[r.population] - r.times.back()) < 1e-6);
        }
    }
};

QTEST_MAIN(TestExportSpikes)
#include "test_export_spikes.moc"
