// The Generator lab offscreen: it opens alive on the shipped gen_012.h5 with a gallery, More adds
// images, the seed is an undo step, the gallery exports as PNG (size and pixels checked) and HDF5,
// a Langevin strip runs and exports as an animated GIF, the /generator session group round-trips
// and damaged groups are refused without changing the lab. measureStalls (AS_MEASURE_STALLS=1)
// reports how long the GUI thread is held while the lab works.
#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <cmath>

#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/generator/GalleryPage.h"
#include "app/gui/generator/GeneratorController.h"
#include "app/gui/generator/GeneratorLab.h"
#include "app/gui/generator/InterpolatePage.h"
#include "app/gui/generator/LangevinPage.h"
#include "app/gui/generator/LatentPage.h"
#include "app/gui/generator/NoisePage.h"
#include "app/gui/generator/ReconstructPage.h"
#include "app/gui/generator/TrainPage.h"
#include "data/MnistLocator.h"
#include "generator/GeneratorSession.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Matrix.h"
#include "io/SweepTable.h"
#include "tests/app/WriteFile.h"
#include "widgets/common/ErrorBarPlot.h"
#include "widgets/generator/GalleryView.h"

using as::gui::GeneratorLab;

class TestGeneratorLab : public QObject {
    Q_OBJECT
    QUndoStack undo_;
    std::unique_ptr<GeneratorLab> lab_;

    bool idle(int ms = 20000) {
        return QTest::qWaitFor(
            [this] { return lab_->controller()->pending() == 0 && !lab_->galleryPage()->isBusy(); },
            ms);
    }

  private slots:
    void initTestCase() {
        lab_ = std::make_unique<GeneratorLab>(&undo_);
        lab_->resize(1400, 900);
        lab_->show();
        QVERIFY(!GeneratorLab::shippedModels().isEmpty());
    }

    void opensAliveWithAGallery() {
        QVERIFY(lab_->model() != nullptr);
        QCOMPARE(lab_->model()->classes(), 3);
        QVERIFY(idle());
        auto* g = lab_->galleryPage();
        QCOMPARE(g->imageCount(), 3 * lab_->settings().perClass);
        QCOMPARE(g->view()->sectionCount(), 3);
        // Decoded images: pixels in [0, 1], not all dark.
        double ink = 0;
        for (float v : g->view()->pixels(0)) {
            QVERIFY(v >= 0.0f && v <= 1.0f);
            ink += v;
        }
        QVERIFY(ink > 5.0);
        g->more();
        QVERIFY(idle());
        QCOMPARE(g->imageCount(), 6 * lab_->settings().perClass);
    }

    void measureStalls() {
        // A measurement, not a test (docs/performance.md, "GUI-thread stalls"): with
        // AS_MEASURE_STALLS=1, the largest gap between the ticks of a 2 ms GUI-thread timer while
        // the lab draws 1,000 images per class, encodes the test digits and loads a model.
        if (qEnvironmentVariableIsEmpty("AS_MEASURE_STALLS")) QSKIP("set AS_MEASURE_STALLS=1");
        qint64 last = 0, worst = 0;
        QElapsedTimer clock;
        clock.start();
        QTimer tick;
        tick.setInterval(2);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            if (last) worst = std::max(worst, now - last);
            last = now;
        });
        tick.start();
        auto measure = [&](const char* what, auto f) {
            QTest::qWait(50);
            worst = 0;
            last = 0;
            QElapsedTimer t;
            t.start();
            f();
            QVERIFY(idle(60000));
            QTest::qWait(100);
            qInfo("%s: %lld ms wall, largest GUI-thread gap %lld ms", what, t.elapsed(), worst);
        };
        measure("idle 1 s", [&] { QTest::qWait(1000); });
        measure("gallery 1000 per class", [&] { lab_->requestEdit("per_class", 1000); });
        measure("More (3000 more)", [&] { lab_->galleryPage()->more(); });
        measure("latent page", [&] { lab_->showPage(3); });
        const QString all = GeneratorLab::shippedModels().filter("gen_all.h5").value(0);
        measure("load gen_all.h5", [&] { lab_->loadModel(all); });
        measure("More (10000 more)", [&] { lab_->galleryPage()->more(); });
        measure("load gen_012.h5", [&] { lab_->loadModel(GeneratorLab::shippedModels().first()); });
        lab_->showPage(0);
        undo_.undo();
        QVERIFY(idle());
    }

    void fullyDynamicalModelDrawsItsGallery() {
        // §VI.2's gen_012_dynamical.h5: samples pass through its second CVFR before the decoder.
        const QString dyn = GeneratorLab::shippedModels().filter("gen_012_dynamical.h5").value(0);
        QVERIFY(!dyn.isEmpty());
        lab_->loadModel(dyn);
        QVERIFY(idle());
        QVERIFY(lab_->model()->hasSecondCvfr());
        auto* g = lab_->galleryPage();
        QCOMPARE(g->imageCount(), 3 * lab_->settings().perClass);
        double ink = 0;
        for (float v : g->view()->pixels(0)) ink += v;
        QVERIFY(ink > 5.0);
        lab_->loadModel(GeneratorLab::shippedModels().first());
        QVERIFY(idle());
        QVERIFY(!lab_->model()->hasSecondCvfr());
    }

    void seedIsAnUndoStep() {
        auto* g = lab_->galleryPage();
        const std::vector<float> before = g->view()->pixels(0);
        QVERIFY(lab_->requestEdit("seed", 5));
        QVERIFY(idle());
        QCOMPARE(g->imageCount(), 3 * lab_->settings().perClass);
        QVERIFY(g->view()->pixels(0) != before);
        undo_.undo();
        QVERIFY(idle());
        QCOMPARE(lab_->settings().seed, std::uint64_t(1));
        QVERIFY(g->view()->pixels(0) == before);      // counter-based draws: the same images again
        QVERIFY(!lab_->requestEdit("per_class", 0));  // refused, range [1, 1000]
        // A seed past an int's range is shown as it is, and confirming the box keeps it (the box
        // used to show 2^31 - 1 and write that back).
        QVERIFY(lab_->requestEdit("seed", 3000000000.0));
        QVERIFY(idle());
        auto* box = g->findChild<QDoubleSpinBox*>("gallerySeed");
        QVERIFY(box);
        QCOMPARE(box->value(), 3000000000.0);
        emit box->editingFinished();
        QVERIFY(idle());
        QCOMPARE(lab_->settings().seed, std::uint64_t(3000000000u));
        undo_.undo();
        QVERIFY(idle());
        QCOMPARE(lab_->settings().seed, std::uint64_t(1));
    }

    void exportsPngAndHdf5() {
        auto* g = lab_->galleryPage();
        QVERIFY(idle());
        QTemporaryDir dir;
        QSignalSpy exported(g, &as::gui::GalleryPage::exported);
        auto wrote = [&](const QString& path) {
            if (!exported.wait(10000)) return false;
            const auto args = exported.takeFirst();
            return args.at(0).toString() == path && args.at(1).toString().isEmpty();
        };
        const QString png = dir.filePath("gallery.png");
        g->exportPng(png, false);  // written in the worker
        QVERIFY(wrote(png));
        QImage img(png);
        QVERIFY(!img.isNull());
        const int s = lab_->settings().exportScale, pad = 2;
        const int cols = std::min(g->view()->columns(), g->imageCount());
        const int rows = (g->imageCount() + cols - 1) / cols;
        QCOMPARE(img.width(), cols * 28 * s + (cols + 1) * pad);
        QCOMPARE(img.height(), rows * 28 * s + (rows + 1) * pad);
        // Image 0's pixel (14, 14) at the top left of the grid, magnified s times.
        const float v = g->view()->pixels(0)[14 * 28 + 14];
        QCOMPARE(qGray(img.pixel(pad + 14 * s + s / 2, pad + 14 * s + s / 2)),
                 int(std::lround(255.0f * v)));
        // A selection of two images.
        g->view()->setSelection({1, 4});
        const QString sel = dir.filePath("sel.png");
        g->exportPng(sel, true);
        QVERIFY(wrote(sel));
        QCOMPARE(QImage(sel).width(), 2 * 28 * s + 3 * pad);
        const QString h5 = dir.filePath("sel.h5");
        g->exportHdf5(h5, true);
        QVERIFY(wrote(h5));
        as::h5::Handle f = as::h5::openFileReadOnly(h5.toStdString());
        as::h5::Handle grp = as::h5::openGroup(f, "generated");
        const Eigen::MatrixXf images = as::h5::readMatrixF(grp, "images", 2, 784, "test");
        QCOMPARE(images(1, 300), g->view()->pixels(4)[300]);
        g->view()->clearSelection();
    }

    void langevinStripAndGif() {
        auto* p = lab_->langevinPage();
        lab_->showPage(2);
        QVERIFY(lab_->requestEdit("langevin_steps", 60));
        QVERIFY(lab_->requestEdit("langevin_every", 5));
        p->run(1);
        QVERIFY(idle());
        QCOMPARE(p->frameCount(), 60 / 5 + 1);
        QVERIFY(p->residual() >= 0.0 && std::isfinite(p->residual()));
        QVERIFY(p->clippedFraction() >= 0.0 && p->clippedFraction() <= 1.0);
        QTemporaryDir dir;
        const QString gif = dir.filePath("chain.gif");
        QSignalSpy written(p, &as::gui::LangevinPage::gifWritten);
        p->exportGif(gif);  // encoded in the worker
        QVERIFY(written.wait(10000));
        QCOMPARE(written.at(0).at(0).toString(), gif);
        QCOMPARE(written.at(0).at(1).toString(), QString());
        QFile f(gif);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(10);
        QVERIFY(head.startsWith("GIF89a"));
        const int side = 28 * lab_->settings().exportScale;
        QCOMPARE(int(quint8(head[6])) | (int(quint8(head[7])) << 8), side);
        QVERIFY(f.size() > 13 * 10);  // 13 frames
        undo_.undo();
        undo_.undo();
        QCOMPARE(lab_->settings().langevinSteps, 300);
    }

    // The target scale s: the chain samples s^2 Sigma_T, so at s = 0.05 its decoded frames spread
    // far less than at s = 1 (same class, same seed), and the setting is an undo step.
    void langevinTargetScaleNarrowsTheChain() {
        auto* p = lab_->langevinPage();
        lab_->showPage(2);
        QVERIFY(lab_->requestEdit("langevin_steps", 200));
        auto spread = [&] {
            p->run(0);
            if (!idle()) return -1.0;
            const Eigen::MatrixXf& f = p->frames();
            const Eigen::VectorXf mean = f.rowwise().mean();
            return double((f.colwise() - mean).squaredNorm()) / double(f.cols());
        };
        const double wide = spread();
        QVERIFY(lab_->requestEdit("langevin_target_scale", 0.05));
        QCOMPARE(lab_->settings().langevinTargetScale, 0.05);
        const double narrow = spread();
        QVERIFY2(
            wide > 0 && narrow >= 0 && narrow < 0.25 * wide,
            qPrintable(QString("spread %1 at s = 0.05 against %2 at s = 1").arg(narrow).arg(wide)));
        undo_.undo();
        undo_.undo();
        QCOMPARE(lab_->settings().langevinTargetScale, 1.0);
        QCOMPARE(lab_->settings().langevinSteps, 300);
    }

    // A setting changed while the lab is hidden (start-up --set, before the window shows) takes
    // effect when it is shown: the Langevin page runs its chain again then.
    void hiddenChangesTakeEffectWhenShown() {
        auto* p = lab_->langevinPage();
        lab_->showPage(2);
        QVERIFY(idle());
        QCOMPARE(p->frameCount(), 300 / 10 + 1);
        lab_->hide();
        QCOMPARE(lab_->applySetting({}, "langevin_steps", "100"), QString());
        lab_->show();
        QVERIFY(QTest::qWaitForWindowExposed(lab_.get()));
        QTRY_COMPARE_WITH_TIMEOUT(p->frameCount(), 100 / 10 + 1, 10000);
        QVERIFY(idle());
        undo_.undo();
        QCOMPARE(lab_->settings().langevinSteps, 300);
    }

    void reconstructFilmstrip() {
        auto* p = lab_->reconstructPage();
        lab_->showPage(1);
        QVERIFY(idle());
        // The first test digit (MNIST or the shipped examples) reconstructed, frame by frame.
        QVERIFY(QTest::qWaitFor([p] { return p->frameCount() == 100 / 10 + 1; }, 10000));
    }

    void latentScatterDecodesAPoint() {
        auto* p = lab_->latentPage();
        lab_->showPage(3);
        QVERIFY(idle());
        QVERIFY(p->pointCount() >= 30);  // MNIST test digits 0-2, or the 30 shipped examples
        p->decodePoint(0);
    }

    void interpolateAndTraverse() {
        auto* p = lab_->interpolatePage();
        lab_->showPage(4);
        QVERIFY(idle());
        QCOMPARE(p->stripCount(), lab_->settings().interpSteps);
        QVERIFY(lab_->requestEdit("interp_steps", 5));
        QCOMPARE(p->stripCount(), 5);
        p->setMode(as::gui::InterpolatePage::Mode::Axis);
        QCOMPARE(p->stripCount(), 5);
        p->setMode(as::gui::InterpolatePage::Mode::Images);
        QVERIFY(idle());
        QCOMPARE(p->stripCount(), 5);
        undo_.undo();
        p->setMode(as::gui::InterpolatePage::Mode::Attractors);
    }

    void noiseCurveFromTheShippedRuns() {
        auto* p = lab_->noisePage();
        lab_->showPage(5);
        QVERIFY(p->points().size() >= 2);
        for (const auto& q : p->points()) QVERIFY(q.runs >= 1 && q.mean > 0 && q.sd >= 0);
        QTemporaryDir dir;
        const QString bad = dir.filePath("bad.csv");
        QVERIFY(as::test::writeFile(bad, "eps,fd\n0.1,abc\n"));
        QVERIFY(p->loadCsv(bad).contains("line 2"));
        // A merged sweep of generator fid over eps (resources/sweeps/generator_fd_eps.json): two
        // eps values, two seeds each (one failed job left out), the floor drawn.
        as::SweepTable t;
        t.label = "generator_fd_eps";
        t.paramLabels = {"eps", "seed"};
        t.paramValues = {{"0", "0", "0.1", "0.1"}, {"1", "2", "1", "2"}};
        t.resultFields = {"fd", "fd_floor", "class_agreement"};
        t.results = {{10, 12, 8, NAN}, {1.5, 1.5, 1.5, NAN}, {0.9, 0.92, 0.95, NAN}};
        t.status = {"ok", "ok", "ok", "failed"};
        t.index = {0, 1, 2, 3};
        t.exitCode = {0, 0, 0, 3};
        t.wallSeconds = {1, 1, 1, 1};
        t.seed = {1, 2, 1, 2};
        t.log = {"", "", "", ""};
        const QString merged = dir.filePath("generator_fd_eps_merged.h5");
        as::writeSweepTable(QFile::encodeName(merged).toStdString(), t);
        QCOMPARE(p->loadCsv(merged), QString());
        QCOMPARE(int(p->points().size()), 2);
        QCOMPARE(p->points()[0].mean, 11.0);
        QCOMPARE(p->points()[0].runs, 2);
        QCOMPARE(p->points()[1].runs, 1);
        QCOMPARE(p->plot()->reference(), 1.5);
        t.paramLabels = {"v", "seed"};  // not a sweep over eps: refused, naming the file
        as::writeSweepTable(QFile::encodeName(merged).toStdString(), t);
        QVERIFY(p->loadCsv(merged).contains("generator_fd_eps_merged.h5"));
    }

    void trainSettingsAreUndoStepsAndATinyRunBecomesTheModel() {
        auto* p = lab_->trainPage();
        lab_->showPage(6);
        QVERIFY(p->binding()->edit("latent_dim", 2) == false);  // [3, 128]
        QVERIFY(p->binding()->edit("train_count", 300));
        QVERIFY(p->binding()->edit("epochs", 1));
        QVERIFY(p->binding()->edit("latent_dim", 6));
        QCOMPARE(lab_->trainSettings().latentDim, 6);
        undo_.undo();
        QCOMPARE(lab_->trainSettings().latentDim, 20);
        undo_.redo();
        if (as::data::findMnistDir().empty()) QSKIP("MNIST not installed (scripts/fetch-mnist.sh)");
        const auto before = lab_->model();
        QVERIFY(p->start());
        QVERIFY(QTest::qWaitFor([p] { return !p->isRunning(); }, 60000));
        QVERIFY(QTest::qWaitFor([&] { return lab_->model() != before; }, 5000));
        QCOMPARE(lab_->model()->params().latentDim, 6);
        QVERIFY(lab_->model()->hasStats());
        QVERIFY(idle());
        QCOMPARE(lab_->galleryPage()->imageCount(), 3 * lab_->settings().perClass);
        // A cancelled run stops early.
        QVERIFY(p->binding()->edit("train_count", 0));
        QVERIFY(p->start());
        p->cancel();
        QVERIFY(QTest::qWaitFor([p] { return !p->isRunning(); }, 60000));
        lab_->resetToDefaults();  // back to gen_012.h5 for what follows
        QVERIFY(idle());
    }

    void tourStepsRun() {
        const auto steps = lab_->tourSteps();
        QVERIFY(steps.size() >= 7);
        for (const auto& s : steps) {
            QVERIFY(!s.title.isEmpty() && !s.text.isEmpty());
            if (s.action) s.action();
            QVERIFY(idle());
        }
        undo_.undo();  // the tour's seed edit
        QCOMPARE(lab_->settings().seed, std::uint64_t(1));
        QCOMPARE(lab_->applySetting("generator", "epochs", "2"), QString());
        QCOMPARE(lab_->trainSettings().epochs, 2);
        QVERIFY(lab_->applySetting("generator", "nonsense", "2").contains("unknown"));
        lab_->showPage(0);
    }

    void damagedSessionIsRefused() {
        QTemporaryDir dir;
        const std::string good = dir.filePath("good.h5").toStdString();
        {
            as::h5::Handle f = as::h5::createFile(good);
            lab_->writeSession(f);
        }
        QVERIFY(lab_->requestEdit("seed", 9));
        auto writeBad = [&](const std::string& name, double perClass, bool withModel) {
            const std::string p = dir.filePath(QString::fromStdString(name)).toStdString();
            as::h5::Handle f = as::h5::createFile(p);
            as::h5::Handle g = as::h5::createGroup(f, "generator");
            as::h5::writeAttribute(g, "format_version", std::int64_t(1));
            as::h5::writeAttribute(g, "model_name", std::string("x"));
            as::h5::writeAttribute(g, "model_source", std::string(""));
            as::generator::GeneratorViewSettings v;
            for (const auto& s : v.specs())
                as::h5::writeAttribute(g, "view." + s.key,
                                       s.key == "per_class" ? perClass : v.get(s.key));
            as::generator::GeneratorTrainSettings t;
            for (const auto& s : t.specs())
                as::h5::writeAttribute(g, "train." + s.key, t.get(s.key));
            if (withModel) {
                as::h5::Handle m = as::h5::createGroup(g, "model");
                as::generator::writeGeneratorModel(m, *lab_->model(), {});
            }
            return p;
        };
        for (const auto& p :
             {writeBad("bad_per_class.h5", 5000, true), writeBad("no_model.h5", 10, false)}) {
            as::h5::Handle f = as::h5::openFileReadOnly(p);
            bool refused = false;
            try {
                lab_->prepareLoad(f);
            } catch (const std::exception& e) {
                refused = QString::fromUtf8(e.what()).startsWith("/generator");
            }
            QVERIFY2(refused, p.c_str());
            QCOMPARE(lab_->settings().seed, std::uint64_t(9));  // untouched
        }
        // The good one round-trips.
        as::h5::Handle f = as::h5::openFileReadOnly(good);
        std::function<void()> apply;
        try {
            apply = lab_->prepareLoad(f);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QVERIFY(apply != nullptr);
        apply();
        QCOMPARE(lab_->settings().seed, std::uint64_t(1));
        QVERIFY(idle());
        QCOMPARE(lab_->galleryPage()->imageCount(), 3 * lab_->settings().perClass);
    }

    void cleanupTestCase() { lab_.reset(); }
};

QTEST_MAIN(TestGeneratorLab)
#include "test_generator_lab.moc"
