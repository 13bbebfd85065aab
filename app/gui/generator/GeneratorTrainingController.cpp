#include "app/gui/generator/GeneratorTrainingController.h"

#include <QElapsedTimer>
#include <QPointer>
#include <stdexcept>

#include "data/MnistLocator.h"
#include "generator/GeneratorTrainer.h"

namespace as::gui {

using namespace as::generator;

namespace {
/// The first `count` (0: all) images of the digits in a split, labels as class indices.
void digitImages(const as::data::ImageSet& all, const std::vector<int>& digits, int count,
                 Eigen::MatrixXf& x, Eigen::VectorXi& y) {
    const as::data::ImageSet s = all.withLabels(digits);
    const int n = count > 0 ? std::min(count, s.count()) : s.count();
    x = s.floats(0, n);
    y.resize(n);
    for (int i = 0; i < n; ++i)
        y[i] = int(std::find(digits.begin(), digits.end(), s.labels[i]) - digits.begin());
}
}  // namespace

GeneratorTrainingController::GeneratorTrainingController(QObject* parent)
    : QObject(parent),
      thread_(new GeneratorTrainWorker, QStringLiteral("generator-training"), &cancel_) {}

GeneratorTrainingController::~GeneratorTrainingController() = default;

bool GeneratorTrainingController::isRunning() const {
    QMutexLocker lock(&mutex_);
    return status_.running;
}

GeneratorTrainingStatus GeneratorTrainingController::status() const {
    QMutexLocker lock(&mutex_);
    return status_;
}

bool GeneratorTrainingController::start(const GeneratorTrainSettings& settings) {
    try {
        settings.check();
    } catch (const std::exception& e) {
        QMutexLocker lock(&mutex_);
        status_.message = tr("Refused: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    {
        QMutexLocker lock(&mutex_);
        if (status_.running) return false;
        status_ = GeneratorTrainingStatus{};
        status_.running = true;
        status_.message = tr("loading MNIST …");
    }
    cancel_.store(false);
    thread_.post([this, settings](GeneratorTrainWorker&) { run(settings); });
    return true;
}

void GeneratorTrainingController::run(const GeneratorTrainSettings& s) {
    std::shared_ptr<const GeneratorModel> result;
    GeneratorTrainingMeta meta;
    QString summary;
    try {
        const std::string dir = as::data::findMnistDir();
        if (dir.empty()) throw std::runtime_error(as::data::mnistMissingMessage());
        const std::vector<int> digits = s.digitList();
        Eigen::MatrixXf x, xt;
        Eigen::VectorXi y, yt;
        digitImages(as::data::loadMnist(dir, as::data::MnistSplit::Train), digits, s.trainCount, x,
                    y);
        digitImages(as::data::loadMnist(dir, as::data::MnistSplit::Test), digits, 2000, xt, yt);
        auto model = std::make_shared<GeneratorModel>(s.model(), int(x.rows()), digits);
        const GeneratorTrainParams tp = s.training();
        GeneratorTrainer trainer(*model, tp);
        {
            QMutexLocker lock(&mutex_);
            status_.message = tr("training on %1 images …").arg(x.cols());
        }
        QElapsedTimer wall;
        wall.start();
        const GeneratorReport rep = trainer.train(
            x, y,
            [this](const GeneratorProgress& p) {
                QMutexLocker lock(&mutex_);
                status_.iterations.push_back(double(p.iteration));
                status_.total.push_back(p.loss.total);
                status_.conv.push_back(p.loss.conv);
                status_.rec.push_back(p.loss.rec);
                status_.centroid.push_back(p.loss.centroid);
                status_.fraction =
                    p.totalIterations > 0 ? double(p.iteration) / double(p.totalIterations) : 0;
                status_.secondsLeft = p.secondsLeft;
                status_.secondsPerIteration = p.secondsPerIteration;
                status_.message = tr("epoch %1 · iteration %2 of %3 · loss %4")
                                      .arg(p.epoch + 1)
                                      .arg(p.iteration)
                                      .arg(p.totalIterations)
                                      .arg(p.loss.total, 0, 'g', 4);
            },
            &cancel_);
        meta = GeneratorTrainingMeta::fromReport(tp, rep, "attractor-studio (Generator lab, Train)",
                                                 wall.elapsed() / 1000.0);
        summary = tr("Training %1 after %2 iterations: loss %3 (conv %4, rec %5, centroid %6)")
                      .arg(QString::fromUtf8(as::sde::trainOutcomeName(rep.outcome)))
                      .arg(rep.iterations)
                      .arg(rep.final.total, 0, 'g', 4)
                      .arg(rep.final.conv, 0, 'g', 3)
                      .arg(rep.final.rec, 0, 'g', 3)
                      .arg(rep.final.centroid, 0, 'g', 3);
        if (rep.outcome != as::sde::TrainOutcome::Diverged && rep.iterations > 0) {
            model->setStats(model->measureStats(x, y, s.seed + 7));
            const Eigen::MatrixXf rec = model->reconstruct(xt, s.seed + 8);
            summary += tr("; test reconstruction MSE %1")
                           .arg((rec - xt).squaredNorm() / double(xt.size()), 0, 'f', 4);
            result = std::move(model);
        }
    } catch (const std::exception& e) {
        summary = tr("Training failed: %1").arg(QString::fromUtf8(e.what()));
    }
    {
        QMutexLocker lock(&mutex_);
        status_.running = false;
        status_.message = summary;
        if (result) status_.fraction = std::max(status_.fraction, 0.0);
        status_.secondsLeft = -1;
    }
    QPointer<GeneratorTrainingController> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, result, meta, summary] {
            if (self) emit self->finished(result, meta, summary);
        },
        Qt::QueuedConnection);
}

}  // namespace as::gui
