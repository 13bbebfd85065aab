#include "app/gui/sde/SdeTrainingController.h"

#include <QElapsedTimer>
#include <QThread>
#include <cmath>
#include <numeric>

#include "data/ImageSet.h"
#include "data/MnistLocator.h"
#include "sde/BpttTrainer.h"

namespace as::gui {

namespace {
struct Dataset {
    Eigen::MatrixXf x;
    Eigen::VectorXi labels;
};

/// The first `count` images of the digits 0..digits-1 of a split. Reads only about as many images
/// as needed (MNIST's classes are roughly balanced), the whole split if that was too few.
Dataset prepare(const std::string& dir, as::data::MnistSplit split, int digits, int count) {
    std::vector<int> keep(std::size_t(std::max(1, digits)));
    std::iota(keep.begin(), keep.end(), 0);
    const int guess =
        count > 0 ? int(std::ceil(count * 10.0 / std::max(1, digits) * 1.3)) + 200 : -1;
    as::data::ImageSet sub = as::data::loadMnist(dir, split, guess).withLabels(keep);
    if (count > 0 && sub.count() < count) sub = as::data::loadMnist(dir, split).withLabels(keep);
    const int n = count > 0 ? std::min(count, sub.count()) : sub.count();
    Dataset d;
    d.x = sub.floats(0, n);
    as::data::normaliseToMax(d.x);
    d.labels = sub.labels.head(n);
    return d;
}
}  // namespace

SdeTrainingController::SdeTrainingController(QObject* parent) : QObject(parent) {}

SdeTrainingController::~SdeTrainingController() {
    cancel_.store(true);
    job_.join();
}

bool SdeTrainingController::isRunning() const {
    QMutexLocker lock(&mutex_);
    return status_.running;
}

SdeTrainingStatus SdeTrainingController::status() const {
    QMutexLocker lock(&mutex_);
    return status_;
}

bool SdeTrainingController::start(const SdeTrainingRequest& request) {
    {
        QMutexLocker lock(&mutex_);
        if (status_.running) return false;
        status_ = SdeTrainingStatus{};
        status_.running = true;
        status_.message = tr("loading MNIST …");
    }
    job_.join();
    cancel_.store(false);
    auto done = [this] {
        std::shared_ptr<const as::sde::SdeModel> model;
        as::sde::TrainingMeta meta;
        QString summary;
        {
            QMutexLocker lock(&mutex_);
            status_.running = false;
            model = std::move(result_);
            meta = resultMeta_;
            summary = resultSummary_;
        }
        emit progressed();
        emit finished(model, meta, summary);
    };
    emit progressed();
    job_.start([this, request] { run(request); }, done, QThread::InheritPriority,
               QStringLiteral("sde training"));
    return true;
}

void SdeTrainingController::run(SdeTrainingRequest rq) {
    auto fail = [this](const QString& why) {
        QMutexLocker lock(&mutex_);
        status_.message = why;
        resultSummary_ = why;
        result_.reset();
    };
    try {
        rq.model.check();
        rq.train.check();
        if (rq.digits < 1 || rq.digits > rq.model.classes)
            throw std::invalid_argument("digits must be in [1, C] = [1, " +
                                        std::to_string(rq.model.classes) + "]");
        if (rq.model.n != 784)
            throw std::invalid_argument("training on MNIST needs N = 784 (one node per pixel)");
        const Dataset train =
            prepare(rq.mnistDir, as::data::MnistSplit::Train, rq.digits, rq.trainCount);
        const Dataset val =
            prepare(rq.mnistDir, as::data::MnistSplit::Test, rq.digits, rq.train.validationCount);
        auto model = std::make_shared<as::sde::SdeModel>(rq.model);
        if (rq.start && !as::sde::SdeModel::structuralChange(rq.start->params(), rq.model)) {
            model->setAtilde(rq.start->atilde());
            if (rq.start->hasTrainedG()) model->setTrainedG(rq.start->trainedG());
        }
        if (cancel_.load()) throw std::runtime_error("cancelled before the first iteration");
        {
            QMutexLocker lock(&mutex_);
            status_.message = tr("training on %1 images of the digits 0–%2 …")
                                  .arg(train.x.cols())
                                  .arg(rq.digits - 1);
        }
        emit progressed();
        as::sde::BpttTrainer trainer(*model, rq.train);
        QElapsedTimer throttle;
        throttle.start();
        const as::sde::TrainReport rep = trainer.train(
            train.x, train.labels, val.x, val.labels,
            [this, &throttle](const as::sde::TrainProgress& p) {
                bool emitNow = false;
                {
                    QMutexLocker lock(&mutex_);
                    status_.lossIterations.push_back(double(p.iteration));
                    status_.loss.push_back(p.loss);
                    status_.batchAccuracy.push_back(100 * p.batchAccuracy);
                    if (p.validationAccuracy >= 0) {
                        status_.validationIterations.push_back(double(p.iteration));
                        status_.validation.push_back(p.validationAccuracy);
                    }
                    status_.fraction =
                        p.totalIterations > 0 ? double(p.iteration) / double(p.totalIterations) : 0;
                    status_.secondsLeft = p.secondsLeft;
                    status_.message =
                        tr("epoch %1 · iteration %2 of %3 · loss %4%5")
                            .arg(p.epoch + 1)
                            .arg(p.iteration)
                            .arg(p.totalIterations)
                            .arg(p.loss, 0, 'g', 4)
                            .arg(status_.validation.empty()
                                     ? QString()
                                     : tr(" · validation %1 %")
                                           .arg(100 * status_.validation.back(), 0, 'f', 1));
                    if (throttle.elapsed() >= 100) {  // progress at most ~10 Hz
                        throttle.restart();
                        emitNow = true;
                    }
                }
                if (emitNow) emit progressed();
            },
            &cancel_);
        as::sde::TrainingMeta meta = as::sde::TrainingMeta::fromReport(
            rq.train, rep, "attractor-studio (SDE lab, Training tab)");
        QString summary = tr("Training %1 after %2 iterations: loss %3")
                              .arg(QString::fromUtf8(as::sde::trainOutcomeName(rep.outcome)))
                              .arg(rep.iterations)
                              .arg(rep.finalLoss, 0, 'g', 4);
        if (rep.validationAccuracy >= 0)
            summary +=
                tr(", validation accuracy %1 %").arg(100 * rep.validationAccuracy, 0, 'f', 1);
        if (!rep.message.empty()) summary += " (" + QString::fromStdString(rep.message) + ")";
        QMutexLocker lock(&mutex_);
        status_.message = summary;
        status_.fraction = rep.outcome == as::sde::TrainOutcome::Finished ? 1.0 : status_.fraction;
        status_.secondsLeft = -1;
        resultSummary_ = summary;
        resultMeta_ = meta;
        if (rep.outcome == as::sde::TrainOutcome::Diverged || rep.iterations == 0)
            result_.reset();  // nothing worth keeping
        else
            result_ = std::move(model);
    } catch (const std::exception& e) {
        fail(tr("Training refused: %1").arg(QString::fromUtf8(e.what())));
    }
}

}  // namespace as::gui
