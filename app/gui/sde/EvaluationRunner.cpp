#include "app/gui/sde/EvaluationRunner.h"

#include <QDir>
#include <QFileInfo>
#include <exception>

#include "core/BuildPaths.h"
#include "data/Corruptions.h"
#include "data/ImageSet.h"
#include "data/MnistLocator.h"
#include "sde/SdeIntegrator.h"
#include "sde/SdeModel.h"
#include "sde/SdeModelFile.h"

namespace as::gui {

EvaluationRunner::EvaluationRunner(QObject* parent) : QObject(parent) {}

EvaluationRunner::~EvaluationRunner() {
    cancel_ = true;
    wait();
}

std::vector<std::pair<QString, QString>> EvaluationRunner::shippedModels() {
    std::vector<std::pair<QString, QString>> out;
    const QString dir = QString::fromStdString(as::buildResourcesDir() + "/models");
    for (const char* name : {"eps0", "eps005", "eps01", "gtrained"}) {
        const QString path = dir + "/sde_" + name + ".h5";
        if (QFileInfo::exists(path)) out.emplace_back(QString::fromLatin1(name), path);
    }
    return out;
}

void EvaluationRunner::start(EvaluationPlan plan) {
    if (job_.busy()) return;
    cancel_ = false;
    job_.start([this, plan] { run(plan); });
}

void EvaluationRunner::cancel() {
    cancel_ = true;
}

void EvaluationRunner::wait() {
    job_.join();
}

void EvaluationRunner::run(const EvaluationPlan& plan) {
    using namespace as::data;
    try {
        // Models: the current one, then the files (a file that does not load is skipped and named).
        std::vector<std::pair<QString, std::shared_ptr<const as::sde::SdeModel>>> models;
        QStringList skipped;
        if (plan.current) models.emplace_back(plan.currentName, plan.current);
        for (const auto& [name, path] : plan.files) {
            try {
                auto loaded = as::sde::loadSdeModel(path.toStdString());
                models.emplace_back(
                    name, std::make_shared<const as::sde::SdeModel>(std::move(loaded.model)));
            } catch (const std::exception& e) {
                skipped << tr("%1 (%2)").arg(name, QString::fromStdString(e.what()));
            }
        }

        // Data: the MNIST test split, else the shipped example digits (said plainly).
        ImageSet images;
        QString caption;
        const std::string dir = findMnistDir(plan.mnistDir.toStdString());
        if (!dir.empty()) {
            images = loadMnist(dir, MnistSplit::Test, std::max(1, plan.count));
            caption = tr("MNIST test set: the first %1 images (from %2)")
                          .arg(images.count())
                          .arg(QDir::toNativeSeparators(QString::fromStdString(dir)));
        } else {
            images = loadExampleDigits();
            caption = tr("MNIST not found, so the %1 shipped example digits stand in (10 per "
                         "class): numbers from so "
                         "few images are rough. Run scripts/fetch-mnist.sh for the real test set.")
                          .arg(images.count());
        }
        post([this, caption] { emit dataDescribed(caption); });

        // A model with C < 10 classes is evaluated on the digits 0..C-1 (as `attractor-cli sde
        // eval`).
        struct Job {
            QString name;
            std::shared_ptr<const as::sde::SdeModel> model;
            ImageSet images;
        };
        std::vector<Job> jobs;
        for (auto& [name, model] : models) {
            const int c = model->attractors().classes();
            if (model->attractors().n() != images.dim()) {
                skipped << tr("%1 (N = %2, the images have %3 pixels)")
                               .arg(name)
                               .arg(model->attractors().n())
                               .arg(images.dim());
            } else if (c > 10) {
                skipped << tr("%1 (%2 classes, MNIST has 10)").arg(name).arg(c);
            } else {
                std::vector<int> digits;
                for (int d = 0; d < c; ++d) digits.push_back(d);
                jobs.push_back({name, model, c == 10 ? images : images.withLabels(digits)});
            }
        }
        std::vector<Corruption> columns;
        for (const QString& key :
             plan.corruptions.isEmpty() ? RobustnessCsv::columnKeys() : plan.corruptions)
            columns.push_back(corruptionFromKey(key.toStdString()));

        // Seeds: a random corruption or a noisy model gets every seed; a deterministic pair one
        // run.
        auto seedsFor = [&](const as::sde::SdeModel& m, Corruption c) {
            return corruptionIsRandom(c) || m.params().eps > 0.0 ? std::max(1, plan.seeds) : 1;
        };
        constexpr int kChunk = 250;  // images per classify() call: Cancel answers within one chunk
        auto chunksOf = [](const ImageSet& s) { return (s.count() + kChunk - 1) / kChunk; };
        long total = 0, done = 0;
        for (const auto& j : jobs)
            for (Corruption c : columns) total += long(seedsFor(*j.model, c)) * chunksOf(j.images);

        int records = 0;
        for (const auto& job : jobs) {
            const int count = job.images.count();
            const Eigen::MatrixXf clean = job.images.floats(0, count);
            for (Corruption c : columns)
                for (int seed = 1; seed <= seedsFor(*job.model, c); ++seed) {
                    Eigen::MatrixXf x = c == Corruption::Clean
                                            ? clean
                                            : corruptBatch(c, clean, std::uint64_t(seed));
                    normaliseToMax(x);
                    long correct = 0;
                    for (int b0 = 0; b0 < count; b0 += kChunk) {
                        if (cancel_.load()) {
                            const QString msg =
                                tr("Evaluation cancelled; %1 results kept").arg(records);
                            post([this, msg] { emit finished(false, msg); });
                            return;
                        }
                        const int nb = std::min(kChunk, count - b0);
                        const Eigen::VectorXi pred = as::sde::classify(
                            *job.model, x.middleCols(b0, nb), std::uint64_t(seed));
                        correct +=
                            (pred.array() == job.images.labels.segment(b0, nb).array()).count();
                        const double f = double(++done) / double(std::max(1L, total));
                        const QString text = tr("%1, %2, seed %3")
                                                 .arg(RobustnessCsv::modelLabel(job.name),
                                                      QString::fromUtf8(corruptionLabel(c)))
                                                 .arg(seed);
                        post([this, f, text] { emit progress(f, text); });
                    }
                    RobustnessRecord r{job.name, QString::fromLatin1(corruptionKey(c)), seed,
                                       double(correct) / std::max(1, count), count};
                    ++records;
                    post([this, r] { emit record(r); });
                }
        }
        QString msg = tr("Evaluation finished: %1 results").arg(records);
        if (!skipped.isEmpty()) msg += tr("; skipped %1").arg(skipped.join("; "));
        post([this, msg, ok = !jobs.empty()] { emit finished(ok, msg); });
    } catch (const std::exception& e) {
        const QString msg = tr("Evaluation failed: %1").arg(QString::fromStdString(e.what()));
        post([this, msg] { emit finished(false, msg); });
    }
}

}  // namespace as::gui
