#include "app/gui/surrogate/SurrogateWorker.h"

#include <QMutexLocker>
#include <QTimer>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/Angles.h"
#include "io/Hdf5Handle.h"
#include "surrogate/InputProcess.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateTrainer.h"

namespace as::gui {

using namespace as::surrogate;
using Clock = std::chrono::steady_clock;

namespace {

/// Averages N rates into `cols` columns.
std::vector<float> columns(const std::vector<double>& r, int cols) {
    std::vector<float> out(std::size_t(cols), 0.0f);
    const std::size_t n = r.size();
    for (int c = 0; c < cols; ++c) {
        const std::size_t a = std::size_t(c) * n / std::size_t(cols),
                          b = std::max(a + 1, std::size_t(c + 1) * n / std::size_t(cols));
        double s = 0;
        for (std::size_t i = a; i < b && i < n; ++i) s += r[i];
        out[std::size_t(c)] = float(s / double(b - a));
    }
    return out;
}
}  // namespace

SurrogateWorker::SurrogateWorker(std::atomic<bool>* cancel) : cancel_(cancel) {
    latest_ = std::make_shared<SurrogateSnapshot>();
    setSource(int(LiveSource::Mixture));
}

SurrogateWorker::~SurrogateWorker() = default;

void SurrogateWorker::start() {
    timer_ = new QTimer(this);
    timer_->setInterval(16);
    connect(timer_, &QTimer::timeout, this, &SurrogateWorker::tick);
    publish();
}

void SurrogateWorker::play() {
    playing_ = true;
    if (timer_) timer_->start();
}

void SurrogateWorker::pause() {
    playing_ = false;
    if (timer_) timer_->stop();
}

void SurrogateWorker::setSource(int source) {
    source_ = source;
    makeSequence();
}

// The lab's input for the case's angles (surrogate/InputProcess.h, liveInputs; none for the mouse).
void SurrogateWorker::makeSequence() {
    seqPos_ = 0;
    sequence_ = liveInputs(LiveSource(source_), axes_, 200000, model_ ? model_->inputStepMs : 1.0);
}

void SurrogateWorker::setMouseAngle(double z) {
    mouse_ = z;
}
void SurrogateWorker::setStepsPerTick(int n) {
    stepsPerTick_ = std::max(1, std::min(n, 200));
}

void SurrogateWorker::nextInput(double* z) {
    if (source_ == int(LiveSource::Mouse) || sequence_.empty()) {
        z[0] = mouse_;  // the first angle (ring, azimuth, x) follows the dial
        for (int a = 1; a < axes_; ++a) z[a] = 0.0;
        return;
    }
    for (int a = 0; a < axes_; ++a) z[a] = sequence_[seqPos_ + std::size_t(a)];
    seqPos_ = (seqPos_ + std::size_t(axes_)) % sequence_.size();
}

void SurrogateWorker::restartRun() {
    t_.clear();
    odeRows_.clear();
    surRows_.clear();
    steps_ = 0;
    sumSq_ = 0.0;
    odeUs_ = surUs_ = 0.0;
    streams_.clear();
    rings_.clear();
    torus_.reset();
    const int axes = !model_                                  ? 1
                     : model_->which == SurrogateCase::Hd2d   ? 2
                     : model_->which == SurrogateCase::Grid3d ? 3
                                                              : 1;
    if (axes != axes_ || sequence_.empty()) {
        axes_ = axes;
        makeSequence();
    }
    in_.assign(std::size_t(axes_), {});
    odeA_.assign(std::size_t(axes_), {});
    surA_.assign(std::size_t(axes_), {});
    if (!model_) return;
    const int k = model_->odeStepsPerInput();
    const int settle = int(std::lround(20.0 / model_->teacherDt()));
    std::vector<double> z0(std::size_t(axes_), 0.0);
    // The settled bump at angle 0 (neuron n/2), by offset: the surrogate's implied activity.
    std::vector<double> r;
    if (model_->which == SurrogateCase::Grid3d) {
        torus_ = std::make_unique<TorusOdeStepper>(model_->torus, k);
        torus_->settle(z0.data(), settle);
        r = torus_->rateMarginal(0);
    } else {
        for (int a = 0; a < axes_; ++a)
            rings_.push_back(std::make_unique<OdeStepper>(model_->teacher, OdeBackend::Fft, k));
        rings_[0]->settle(0.0, settle);
        r = rings_[0]->rates();
    }
    const int n = int(r.size());
    bump_.assign(r.size(), 0.0);
    for (int i = 0; i < n; ++i) bump_[std::size_t((i - n / 2 + n) % n)] = r[std::size_t(i)];
    if (source_ != int(LiveSource::Mouse) && !sequence_.empty())
        for (int a = 0; a < axes_; ++a) z0[std::size_t(a)] = sequence_[seqPos_ + std::size_t(a)];
    else
        z0[0] = mouse_;
    if (torus_)
        torus_->settle(z0.data(), settle);
    else
        for (int a = 0; a < axes_; ++a) rings_[std::size_t(a)]->settle(z0[std::size_t(a)], settle);
    for (auto& net : model_->nets)
        streams_.push_back(std::make_unique<SurrogateStream>(*net, model_->componentScale));
}

void SurrogateWorker::stepOde(const double* z, double* odeA, std::vector<float>& row) {
    const int cols = kActivityCols / axes_;
    row.clear();
    if (torus_) {
        const auto& dec = torus_->step(z);
        for (int a = 0; a < 3; ++a) {
            odeA[a] = dec[std::size_t(a)].angle;
            const auto block = columns(torus_->rateMarginal(a), cols);
            row.insert(row.end(), block.begin(), block.end());
        }
        return;
    }
    for (int a = 0; a < axes_; ++a) {
        odeA[a] = rings_[std::size_t(a)]->step(z[a]).angle;
        const auto block = columns(rings_[std::size_t(a)]->rates(), cols);
        row.insert(row.end(), block.begin(), block.end());
    }
}

void SurrogateWorker::reset() {
    restartRun();
    publish();
}

void SurrogateWorker::runSteps(int n) {
    const int perTick = stepsPerTick_;
    stepsPerTick_ = n;
    tick();
    stepsPerTick_ = perTick;
}

void SurrogateWorker::tick() {
    if (!model_ || streams_.empty()) return;
    const double inputMs = model_->inputStepMs;
    const int n = int(bump_.size()), cols = kActivityCols / axes_;
    std::vector<double> implied(static_cast<std::size_t>(n));
    double z[3], odeA[3];
    StreamDecode sd[3];
    std::vector<float> odeRow, surRow;
    for (int s = 0; s < stepsPerTick_; ++s) {
        nextInput(z);
        auto t0 = Clock::now();
        try {
            stepOde(z, odeA, odeRow);
        } catch (const std::exception& e) {
            pause();
            emit failed(QString::fromStdString(e.what()));
            return;
        }
        auto t1 = Clock::now();
        if (streams_.size() == 1 && axes_ > 1)
            streams_[0]->step(z, sd);  // grid3d: one net, three angles
        else
            for (std::size_t c = 0; c < streams_.size(); ++c) streams_[c]->step(z + c, sd + c);
        auto t2 = Clock::now();
        const double ou = std::chrono::duration<double, std::micro>(t1 - t0).count();
        const double su = std::chrono::duration<double, std::micro>(t2 - t1).count();
        odeUs_ = steps_ == 0 ? ou : 0.98 * odeUs_ + 0.02 * ou;
        surUs_ = steps_ == 0 ? su : 0.98 * surUs_ + 0.02 * su;
        ++steps_;
        t_.push_back(double(steps_) * inputMs);
        surRow.clear();
        for (int a = 0; a < axes_; ++a) {
            const double e = std::remainder(sd[a].angle - odeA[a], 2 * kPi);
            sumSq_ += e * e / axes_;
            in_[std::size_t(a)].push_back(z[a]);
            odeA_[std::size_t(a)].push_back(odeA[a]);
            surA_[std::size_t(a)].push_back(sd[a].angle);
            // Implied activity: the settled bump centred at the decoded angle, scaled by |v| /
            // scale.
            const double amp = std::hypot(sd[a].sumCos, sd[a].sumSin) / model_->componentScale;
            const int centre = int(std::lround((sd[a].angle + kPi) / (2 * kPi) * n)) % n;
            for (int i = 0; i < n; ++i)
                implied[std::size_t((centre + i) % n)] = amp * bump_[std::size_t(i)];
            const auto block = columns(implied, cols);
            surRow.insert(surRow.end(), block.begin(), block.end());
        }
        odeRows_.push_back(odeRow);
        surRows_.push_back(surRow);
        if (int(t_.size()) > kWindow) {
            t_.pop_front();
            for (int a = 0; a < axes_; ++a) {
                in_[std::size_t(a)].pop_front();
                odeA_[std::size_t(a)].pop_front();
                surA_[std::size_t(a)].pop_front();
            }
            odeRows_.pop_front();
            surRows_.pop_front();
        }
    }
    publish();
}

void SurrogateWorker::publish() {
    auto s = std::make_shared<SurrogateSnapshot>(training_);
    if (model_) {
        s->caseName = caseName(model_->which);
        s->axisNames = model_->which == SurrogateCase::Grid3d
                           ? std::vector<std::string>{"x", "y", "z"}
                           : model_->channels;
    }
    s->t.assign(t_.begin(), t_.end());
    for (std::size_t a = 0; a < in_.size(); ++a) {
        s->input.emplace_back(in_[a].begin(), in_[a].end());
        s->odeAngle.emplace_back(odeA_[a].begin(), odeA_[a].end());
        s->surAngle.emplace_back(surA_[a].begin(), surA_[a].end());
        std::vector<double> err(s->t.size());
        for (std::size_t i = 0; i < err.size(); ++i)
            err[i] = std::remainder(s->surAngle[a][i] - s->odeAngle[a][i], 2 * kPi);
        s->error.push_back(std::move(err));
    }
    s->steps = steps_;
    s->runningMse = steps_ > 0 ? sumSq_ / double(steps_) : 0.0;
    s->odeUs = odeUs_;
    s->surUs = surUs_;
    s->activityRows = odeRows_.size();
    s->activityCols = std::size_t(kActivityCols / axes_ * axes_);
    for (const auto& r : odeRows_) s->odeActivity.insert(s->odeActivity.end(), r.begin(), r.end());
    for (const auto& r : surRows_) s->surActivity.insert(s->surActivity.end(), r.begin(), r.end());
    s->hasModel = bool(model_);
    QMutexLocker lock(&mutex_);
    latest_ = std::move(s);
}

std::shared_ptr<const SurrogateSnapshot> SurrogateWorker::snapshot() const {
    QMutexLocker lock(&mutex_);
    return latest_;
}

void SurrogateWorker::setModel(std::shared_ptr<SurrogateModel> model) {
    model_ = std::move(model);
    QString info;
    if (model_) {
        const auto& p = model_->params;
        info = QStringLiteral("%1 %2, M=%3 F=%4 H=%5 K=%6, %7 ms per step")
                   .arg(QString::fromLatin1(caseName(model_->which)))
                   .arg(QString::fromLatin1(cellName(p.cell)).toUpper())
                   .arg(p.bins)
                   .arg(p.features)
                   .arg(p.hidden)
                   .arg(p.head)
                   .arg(model_->inputStepMs);
        if (!model_->results.empty()) {
            double mse = 0;
            for (const auto& r : model_->results) mse += r.best.mseAngle;
            info += QStringLiteral(", validation MSE %1 rad²")
                        .arg(mse / double(model_->results.size()), 0, 'e', 2);
        }
    }
    training_.modelInfo = info.toStdString();
    restartRun();
    publish();
    emit modelChanged(info);
}

void SurrogateWorker::loadModel(const QString& path) {
    try {
        setModel(std::make_shared<SurrogateModel>(SurrogateModel::load(path.toStdString())));
    } catch (const std::exception& e) {
        const QString error = QString::fromStdString(e.what());
        emit failed(error);
        emit loadFinished(path, error);
        return;
    }
    emit loadFinished(path, {});
}

void SurrogateWorker::saveModel(const QString& path) {
    if (!model_) {
        emit failed(tr("There is no model to save."));
        return;
    }
    try {
        model_->save(path.toStdString());
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

void SurrogateWorker::train(int sequences, const TrainParams& params) {
    const bool wasPlaying = playing_;
    pause();
    cancel_->store(false);
    training_.training = true;
    training_.trainCompleted = false;
    training_.trainLoss.clear();
    training_.valLoss.clear();
    training_.epoch = 0;
    training_.maxEpochs = params.max_epochs;
    training_.trainMessage = "generating the dataset";
    publish();
    QString message;
    try {
        // The case of the running model (the lab's Case box loads one); ring without a model.
        const SurrogateCase which = model_ ? model_->which : SurrogateCase::Ring;
        DatasetParams dp;
        dp.which = which;
        dp.sequences = sequences;
        const auto t0 = Clock::now();
        const SurrogateDataset data = SurrogateDataset::generate(
            dp,
            [this](int done, int total) {
                training_.trainMessage =
                    "dataset " + std::to_string(done) + " / " + std::to_string(total);
                publish();
            },
            cancel_);
        if (cancel_->load() || data.sequences < 5) {
            message = tr("Training cancelled while generating the dataset.");
        } else {
            auto model =
                std::make_shared<SurrogateModel>(SurrogateModel::create(which, params, data));
            // One net per channel (hd2d: azimuth, then pitch), trained one after the other as
            // the CLI does; the curves run on across the channels.
            const int channels = data.channels;
            double sumAngle = 0;
            int epochs = 0;
            TrainOutcome outcome = TrainOutcome::Converged;
            for (int c = 0; c < channels && !cancel_->load(); ++c) {
                SurrogateTrainer trainer(data, c, params);
                const std::string channel =
                    channels > 1 ? model->channels[std::size_t(c)] + " " : std::string();
                const TrainResult r = trainer.run(
                    *model->nets[std::size_t(c)],
                    [&](const TrainProgress& pr) {
                        training_.epoch = c * pr.maxEpochs + pr.epoch;
                        training_.maxEpochs = channels * pr.maxEpochs;
                        training_.trainLoss.push_back(pr.trainLoss);
                        training_.valLoss.push_back(pr.valLoss);
                        training_.trainSeconds =
                            std::chrono::duration<double>(Clock::now() - t0).count();
                        training_.secondsLeft =
                            pr.seconds / pr.epoch *
                            ((pr.maxEpochs - pr.epoch) + (channels - 1 - c) * pr.maxEpochs);
                        char buf[200];
                        std::snprintf(buf, sizeof buf,
                                      "%sepoch %d: validation angle MSE %.2e rad^2",
                                      channel.c_str(), pr.epoch, pr.valAngleMse);
                        training_.trainMessage = buf;
                        publish();
                    },
                    cancel_);
                sumAngle += r.best.mseAngle;
                epochs += r.epochs;
                if (r.outcome != TrainOutcome::Converged) outcome = r.outcome;
                model->results.push_back(r);
            }
            if (int(model->results.size()) < channels) {
                message =
                    tr("Training cancelled before every channel was trained; the running "
                       "model is kept.");
            } else {
                message = tr("Training %1 after %2 epochs: validation angle MSE %3 rad².")
                              .arg(QString::fromLatin1(outcomeName(outcome)))
                              .arg(epochs)
                              .arg(sumAngle / channels, 0, 'e', 2);
                training_.trainCompleted = outcome != TrainOutcome::Cancelled;
                setModel(std::move(model));
            }
        }
    } catch (const std::exception& e) {
        message = tr("Training failed: %1").arg(QString::fromStdString(e.what()));
    }
    training_.training = false;
    training_.secondsLeft = -1;
    training_.trainMessage = message.toStdString();
    publish();
    emit trainingFinished(message);
    if (wasPlaying) play();
}

}  // namespace as::gui
