// The SDE classifier lab offscreen: it opens on a model, re-plants when C and the pattern change
// (and Undo brings the old model back), steps, classifies shipped example digits (a trained
// shipped model must get most first examples of each class right; the untrained planted model
// only has to predict some class at finite distances), drawing on the canvas changes x(0), a
// training run cancelled after a few iterations becomes the model and saves/loads (MNIST present),
// the /sde session group round-trips (and opens in attractor-cli sde --session, which decides the
// class the lab decides), and damaged groups are refused without changing the lab.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <filesystem>

#include "app/gui/sde/RobustnessTable.h"
#include "app/gui/sde/SdeAnalysisPage.h"
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeDynamicsPage.h"
#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeLab.h"
#include "app/gui/sde/SdeTrainingPanel.h"
#include "app/gui/sde/SdeWorker.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"
#include "sde/SdeSession.h"
#include "tests/app/CliRunner.h"
#include "tests/engine/io/FlipVariants.h"
#include "widgets/common/TraceChart.h"
#include "widgets/sde/DigitCanvas.h"
#include "widgets/sde/DistanceBars.h"
#include "widgets/sde/ImageGrid.h"
#include "widgets/sde/PixelTrajectoryPlot.h"

using as::gui::SdeLab;

namespace {
/// Waits until the latest frame satisfies pred (or the timeout).
template <class P>
bool waitFor(SdeLab& lab, P pred, int ms = 10000) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        const auto s = lab.controller()->latest();
        if (s && pred(*s)) return true;
        QTest::qWait(20);
    }
    return false;
}

/// Runs the current input to t = T at full speed; returns the decided class.
int runToHorizon(SdeLab& lab) {
    lab.controller()->sync();
    lab.controller()->setStepsPerSecond(1e6);
    lab.controller()->reset();
    lab.controller()->play();
    const int steps = lab.params().steps;
    if (!waitFor(lab,
                 [steps](const as::gui::SdeSnapshot& s) { return s.step >= steps && !s.playing; }))
        return -2;
    return lab.controller()->latest()->predicted;
}
}  // namespace

class TestSdeLab : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<QUndoStack> undo_;
    std::unique_ptr<SdeLab> lab_;

  private slots:
    void init() {
        undo_ = std::make_unique<QUndoStack>();
        lab_ = std::make_unique<SdeLab>(undo_.get());
        lab_->resize(1400, 900);
        lab_->show();
        QVERIFY(QTest::qWaitForWindowExposed(lab_.get()));
        QVERIFY(lab_->inputPanel()->hasExamples());
        QCOMPARE(lab_->inputPanel()->digitCount(), 100);
    }
    void cleanup() {
        lab_.reset();
        undo_.reset();
    }

    void opensStepsAndDraws() {
        QVERIFY(waitFor(*lab_, [](const auto& s) { return s.model && s.state.size() == 784; }));
        lab_->controller()->stepOnce();
        QVERIFY(waitFor(*lab_, [](const auto& s) { return s.step == 1; }));
        lab_->controller()->stepOnce();
        QVERIFY(waitFor(*lab_, [](const auto& s) { return s.step == 2 && s.times.size() == 3; }));
        const auto s = lab_->controller()->latest();
        QVERIFY(!s->pixels.empty());
        QCOMPARE(s->traces.size(), s->pixels.size());
        QCOMPARE(int(s->distances.size()), 10);
        // The views draw it.
        QTRY_VERIFY(lab_->dynamicsPage()->trajectoryView()->drawnCurves() > 0);
        QCOMPARE(lab_->dynamicsPage()->attractorView()->count(), 10);
        QVERIFY(lab_->dynamicsPage()->distanceView()->highlighted() >= 0);
        // CSV: the trajectories (t and one column per pixel), then the distances.
        QTemporaryDir dir;
        const QString csv = dir.filePath("sde.csv");
        QCOMPARE(lab_->exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
        QVERIFY(lines[0].startsWith("# trajectories"));
        QVERIFY(lines[1].startsWith("t,x_"));
        QCOMPARE(lines[1].count(','), int(s->pixels.size()));
        QVERIFY(lines.contains("class,distance,target_of_pixels"));
        QVERIFY(lab_->exportTargets().size() >= 7);
    }

    void runsPastTheRecordLimit() {  // regression: decimating the history emptied its first record
        lab_->controller()->setStopAtHorizon(false);
        lab_->controller()->setStepsPerSecond(1e6);
        lab_->controller()->play();
        QVERIFY(waitFor(
            *lab_, [](const auto& s) { return s.step > as::gui::SdeWorker::kMaxRecords + 50; },
            60000));
        lab_->controller()->pause();
        const auto s = lab_->controller()->latest();
        QVERIFY(s->times.size() < std::size_t(as::gui::SdeWorker::kMaxRecords));
        QCOMPARE(s->times.front(), 0.0);
        for (const auto& tr : s->traces) {
            QCOMPARE(tr.size(), s->times.size());
            for (float v : tr) QVERIFY(std::isfinite(v));
        }
    }

    void classifiesExampleDigits() {
        const bool trained = !SdeLab::shippedModels().isEmpty();
        int correct = 0;
        for (int digit = 0; digit < 10; ++digit) {
            const int i = lab_->inputPanel()->firstIndexOf(digit);
            QVERIFY(i >= 0);
            lab_->inputPanel()->showDigit(i);
            const int predicted = runToHorizon(*lab_);
            QVERIFY2(predicted >= 0 && predicted < 10, qPrintable(QString::number(predicted)));
            const auto s = lab_->controller()->latest();
            QCOMPARE(s->label, digit);
            for (double d : s->distances) QVERIFY(std::isfinite(d));
            correct += predicted == digit;
            if (!trained) break;  // the untrained planted model: one digit is enough
        }
        QTRY_VERIFY(lab_->dynamicsPage()->predictionText().contains("Decided"));
        if (trained) QVERIFY2(correct >= 7, qPrintable(QString("%1 of 10 correct").arg(correct)));
    }

    void replantsAndUndoRestores() {
        QVERIFY(waitFor(*lab_, [](const auto& s) { return bool(s.model); }));
        const auto before = lab_->controller()->latest()->model;
        QVERIFY(lab_->requestEdit("classes", 5));
        QVERIFY(waitFor(*lab_, [](const auto& s) {
            return s.model->params().classes == 5 && s.distances.size() == 5;
        }));
        QTRY_COMPARE(lab_->dynamicsPage()->attractorView()->count(), 5);
        QVERIFY(lab_->requestEdit("pattern", 1));  // eq 23: blocks with a_- first
        QVERIFY(waitFor(*lab_, [](const auto& s) {
            return s.model->params().pattern == as::sde::Pattern::BlocksMinus &&
                   s.model->params().classes == 5;
        }));
        QVERIFY(!lab_->requestEdit("classes", 0));  // refused by check(): nothing changes
        QCOMPARE(lab_->params().classes, 5);
        undo_->undo();
        undo_->undo();
        QVERIFY(waitFor(*lab_, [&before](const auto& s) { return s.model == before; }));
        QCOMPARE(lab_->params().classes, 10);
        // N = 100 crops x(0); going back to 784 restores all of it.
        const std::vector<float> x0 = lab_->controller()->latest()->input;
        QVERIFY(lab_->requestEdit("n", 100));
        QVERIFY(waitFor(
            *lab_, [](const auto& s) { return s.input.size() == 100 && s.state.size() == 100; }));
        undo_->undo();
        QVERIFY(waitFor(*lab_, [&x0](const auto& s) { return s.input == x0; }));
        // eps is live: the same weights, a new eps.
        QVERIFY(lab_->requestEdit("eps", 0.1));
        QVERIFY(waitFor(*lab_, [](const auto& s) { return s.model->params().eps == 0.1; }));
        QVERIFY(lab_->controller()->latest()->model->atilde().isApprox(before->atilde()));
    }

    void drawingChangesTheInput() {
        auto* canvas = lab_->inputPanel()->canvas();
        canvas->clear();
        QVERIFY(waitFor(*lab_, [](const auto& s) {
            float m = 0;
            for (float v : s.input) m = std::max(m, v);
            return m == 0.0f && s.label == -1;
        }));
        const QRect r = canvas->rect();
        QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(r.width() / 2, r.height() / 4));
        for (int y = r.height() / 4; y <= 3 * r.height() / 4; y += 6)
            QTest::mouseMove(canvas, QPoint(r.width() / 2, y));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(r.width() / 2, 3 * r.height() / 4));
        QVERIFY(canvas->ink() > 5.0);
        QVERIFY(waitFor(*lab_, [](const auto& s) {
            float m = 0;
            for (float v : s.input) m = std::max(m, v);
            return std::abs(m - 1.0f) < 1e-6f && s.label == -1 && s.step == 0;
        }));
    }

    void sessionRoundTrips() {
        QVERIFY(lab_->requestEdit("eps", 0.05));
        QVERIFY(lab_->requestEdit("steps", 60));
        lab_->inputPanel()->showDigit(lab_->inputPanel()->firstIndexOf(4));
        lab_->inputPanel()->setCorruption(as::data::Corruption::Gauss05, 7);
        const std::vector<float> image = lab_->inputPanel()->cleanImage();
        const std::vector<float> x0 = lab_->inputPanel()->initialCondition();
        as::gui::RobustnessTable* table = lab_->analysisPage()->robustnessTable();
        table->setRecords({{"eps0", "clean", 2, 0.98, 1000}, {"eps0", "clean", 3, 0.97, 1000}},
                          "measured");
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.h5").toStdString();
        {
            as::h5::Handle f = as::h5::createFile(path);
            lab_->writeSession(f);
        }
        lab_->resetToDefaults();
        QVERIFY(waitFor(*lab_, [](const auto& s) { return s.model->params().eps == 0.0; }));
        QCOMPARE(lab_->inputPanel()->corruption(), as::data::Corruption::Clean);
        QVERIFY(table->records().empty() ||
                table->caption().contains("table1_measured.csv"));  // what the lab opens with
        as::h5::Handle f = as::h5::openFileReadOnly(path);
        auto apply = lab_->prepareLoad(f);
        apply();
        QCOMPARE(lab_->params().eps, 0.05);
        QCOMPARE(lab_->params().steps, 60);
        QCOMPARE(lab_->inputPanel()->label(), 4);
        QCOMPARE(lab_->inputPanel()->corruption(), as::data::Corruption::Gauss05);
        QCOMPARE(lab_->inputPanel()->corruptionSeed(), quint64(7));
        QVERIFY(lab_->inputPanel()->cleanImage() == image);
        QCOMPARE(int(table->records().size()), 2);
        QCOMPARE(table->records()[1].seed, 3);
        QCOMPARE(table->caption(), QString("measured"));
        QCOMPARE(table->cellText(0, 0), QString("97.50 \u00b1 0.71"));
        QVERIFY(waitFor(*lab_, [&x0](const auto& s) {
            return s.input == x0 && s.model->params().steps == 60;
        }));
    }

    void savedSessionRunsInTheCli() {
        // The CLI runs the saved model from the saved input (corrupted as saved) to T and, with
        // eps = 0 (the shipped eps0 model), decides the class the lab decides.
        QCOMPARE(lab_->params().eps, 0.0);
        lab_->inputPanel()->showDigit(lab_->inputPanel()->firstIndexOf(3));
        lab_->inputPanel()->setCorruption(as::data::Corruption::Gauss05, 5);
        const int predicted = runToHorizon(*lab_);
        QVERIFY(predicted >= 0);
        QTemporaryDir dir;
        const QString path = dir.filePath("gui_sde.h5");
        {
            as::SessionWriter w(path.toStdString(), "sde");
            w.write([&](hid_t root) { lab_->writeSession(root); });
            w.commit();
        }
        const as::test::CliRun r = as::test::runCli({"sde", "--session", path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
        QCOMPARE(r.summary["lab"].toString(), QString("sde"));
        QCOMPARE(r.summary["label"].toInt(), 3);
        QCOMPARE(r.summary["corruption"].toString(), QString("gauss05"));
        QCOMPARE(r.summary["corruption_seed"].toInt(), 5);
        QCOMPARE(r.summary["n"].toInt(), 784);
        QCOMPARE(r.summary["model_name"].toString(), lab_->controller()->latest()->modelName);
        QCOMPARE(r.summary["predicted"].toInt(), predicted);
    }

    void trainingCancelKeepsWhatFinished() {
        as::gui::SdeTrainingPanel* panel = lab_->trainingPanel();
        if (!panel->mnistAvailable()) {
            QVERIFY(!panel->mnistMessage().isEmpty());
            QSKIP("MNIST is not installed: the panel shows where it looked");
        }
        QVERIFY(lab_->requestEdit("average_steps", 5));
        QVERIFY(lab_->requestEdit("steps", 5));  // a short unrolling: cheap iterations
        panel->setSizes(2, 2000, 10, 5, 10);  // 1000 iterations: far more than the test waits for
        QVERIFY(panel->start());
        auto* loss = qobject_cast<as::widgets::TraceChart*>(panel->lossChart());
        QVERIFY(loss);
        QTRY_VERIFY_WITH_TIMEOUT(loss->pointCount(0) >= 2, 60000);
        panel->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 30000);
        QVERIFY2(panel->statusText().contains("cancelled"), qPrintable(panel->statusText()));
        QVERIFY(waitFor(*lab_,
                        [](const auto& s) { return s.modelTrained; }));  // the partial model runs
        const auto s = lab_->controller()->latest();
        QVERIFY(s->model->atilde().norm() > 0);  // the weights moved
        QCOMPARE(lab_->params().steps, 5);
        // Save the trained model and load it back.
        QTemporaryDir dir;
        const QString path = dir.filePath("m.h5");
        QCOMPARE(lab_->saveModel(path), QString());
        QVERIFY(lab_->requestEdit("classes", 4));
        QVERIFY(waitFor(*lab_, [](const auto& s) { return !s.modelTrained; }));
        QCOMPARE(lab_->loadModel(path), QString());
        QVERIFY(waitFor(*lab_, [](const auto& s) {
            return s.modelTrained && s.model->params().classes == 10;
        }));
        QVERIFY(lab_->controller()->latest()->model->atilde().isApprox(s->model->atilde()));
        QVERIFY(!lab_->loadModel(dir.filePath("missing.h5")).isEmpty());  // refused, model kept
        QVERIFY(lab_->controller()->latest()->modelTrained);
    }

    void flippedSdeSessionNeverLoadsDifferentNumbers() {
        // 50 single-byte flips across a saved SDE session (model, image, table): each variant
        // loads identical data or is refused naming the file (tests/engine/io/FlipVariants.h).
        QTemporaryDir dir;
        const std::string original = dir.filePath("sde_session.h5").toStdString();
        const std::string reference = dir.filePath("sde_session_ref.h5").toStdString();
        {
            as::SessionWriter w(original, "sde");
            w.write([&](hid_t root) { lab_->writeSession(root); });
            w.commit();
        }
        auto loadAndResave = [](const std::string& in, const std::string& out) {
            as::SessionReader r(in);
            const as::sde::SdeSessionState st =
                r.read([](hid_t root) { return as::sde::readSdeGroup(root); });
            as::SessionWriter w(out, "sde");
            w.write([&](hid_t root) { as::sde::writeSdeGroup(root, st); });
            w.commit();
        };
        loadAndResave(original, reference);
        const auto c = as::test::flipVariants(original, as::test::fileContent(reference), 50, 18,
                                              loadAndResave);
        qInfo(
            "SDE session (%lld bytes): %d variants, %d identical, %d refused, %d silently "
            "different",
            qint64(std::filesystem::file_size(original)), c.variants, c.identical, c.refused,
            c.different);
        for (const auto& p : c.problems) qWarning("%s", p.c_str());
        QCOMPARE(c.variants, 50);
        QCOMPARE(c.different, 0);
        QCOMPARE(c.unnamed, 0);
        QVERIFY(c.refused > 0);
    }

    void damagedModelIsRefusedAndKept() {
        // A saved model with one byte of Atilde changed: refused with a dialog naming the file and
        // the dataset; the running model stays.
        QTemporaryDir dir;
        const QString path = dir.filePath("m.h5");
        QCOMPARE(lab_->saveModel(path), QString());
        const auto s = lab_->controller()->latest();
        const QString damaged = dir.filePath("damaged.h5");
        QVERIFY(QFile::copy(path, damaged));
        QVERIFY(as::test::damageDataset(damaged.toStdString(), "/sde_model/atilde"));
        const QString msg = lab_->loadModel(damaged);
        QVERIFY2(msg.contains(damaged) &&
                     msg.contains("dataset '/sde_model/atilde' failed its checksum"),
                 qPrintable(msg));
        const auto boxes = lab_->findChildren<QMessageBox*>(QStringLiteral("fileErrorDialog"));
        QVERIFY(!boxes.isEmpty());
        QMessageBox* box = boxes.last();
        QVERIFY2(box->text().contains(damaged), qPrintable(box->text()));
        box->accept();
        QCOMPARE(lab_->controller()->latest()->model, s->model);  // the same running model
    }

    void damagedSessionIsRefused() {
        QTemporaryDir dir;
        const std::string good = dir.filePath("good.h5").toStdString();
        {
            as::h5::Handle f = as::h5::createFile(good);
            lab_->writeSession(f);
        }
        // A group claiming C = 0, one from the future, and one without its model.
        auto writeBad = [&](const std::string& name, const std::function<void(hid_t)>& fill) {
            const std::string p = dir.filePath(QString::fromStdString(name)).toStdString();
            as::h5::Handle f = as::h5::createFile(p);
            as::h5::Handle g = as::h5::createGroup(f, "sde");
            fill(g);
            return p;
        };
        auto params = [](hid_t g, double classes) {
            as::sde::SdeParams p;
            for (const auto& s : as::sde::SdeParams::specs())
                as::h5::writeAttribute(g, s.key, s.key == "classes" ? classes : p.get(s.key));
        };
        auto model = [&](hid_t g) {
            as::h5::Handle m = as::h5::createGroup(g, "model");
            as::sde::writeSdeModel(m, *lab_->controller()->latest()->model, {});
        };
        const std::vector<std::pair<std::string, std::function<void(hid_t)>>> cases = {
            {"zero_classes.h5",
             [&](hid_t g) {
                 as::h5::writeAttribute(g, "format_version", std::int64_t(1));
                 params(g, 0);
             }},
            {"future.h5",
             [&](hid_t g) {
                 as::h5::writeAttribute(g, "format_version", std::int64_t(99));
                 params(g, 10);
             }},
            {"bad_table.h5",
             [&](hid_t g) {
                 as::h5::writeAttribute(g, "format_version", std::int64_t(1));
                 params(g, 10);
                 for (const char* k : {"model_name", "corruption"})
                     as::h5::writeAttribute(g, k, std::string(k[0] == 'm' ? "m" : "clean"));
                 for (const char* k : {"model_trained", "label", "corruption_seed"})
                     as::h5::writeAttribute(g, k, std::int64_t(1));
                 as::h5::writeAttribute(g, "steps_per_second", 30.0);
                 as::h5::writeDataset(g, "input_image", std::vector<float>(784, 0.0f), {28, 28});
                 as::h5::writeAttribute(g, "robustness_csv",
                                        std::string("model,corruption,seed,accuracy,n\n"
                                                    "eps0,clean,1,98.1,1000\n"));  // percent
                 model(g);
             }},
            {"no_model.h5",
             [&](hid_t g) {
                 as::h5::writeAttribute(g, "format_version", std::int64_t(1));
                 params(g, 10);
             }},
        };
        QVERIFY(lab_->requestEdit("eps", 0.2));
        for (const auto& [name, fill] : cases) {
            const std::string p = writeBad(name, fill);
            as::h5::Handle f = as::h5::openFileReadOnly(p);
            bool refused = false;
            try {
                lab_->prepareLoad(f);
            } catch (const std::exception& e) {
                const QString msg = QString::fromUtf8(e.what());
                refused = msg.contains("sde") &&
                          (name != "bad_table.h5" || msg.contains("robustness_csv, line 2"));
                if (!refused) qWarning() << e.what();
            }
            QVERIFY2(refused, name.c_str());
            QCOMPARE(lab_->params().eps, 0.2);  // untouched
        }
        as::h5::Handle f = as::h5::openFileReadOnly(good);
        QVERIFY(lab_->prepareLoad(f) != nullptr);
    }
};

QTEST_MAIN(TestSdeLab)
#include "test_sde_lab.moc"
