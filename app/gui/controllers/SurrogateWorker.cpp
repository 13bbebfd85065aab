#include "controllers/SurrogateWorker.h"

#include <QMutexLocker>
#include <QTimer>
#include <chrono>
#include <cmath>

#include "io/Hdf5Handle.h"
#include "surrogate/InputProcess.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateTrainer.h"

namespace as::gui {

using namespace as::surrogate;
using Clock = std::chrono::steady_clock;

namespace {
constexpr double kPi = 3.14159265358979323846;

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
    setSource(Mixture);
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
    if (source != Mouse) {
        ProcessParams p;
        sequence_ =
            generateSequence(p, ProcessKind(source - 1), 200000, 4242 + std::uint64_t(source));
        seqPos_ = 0;
    }
}

void SurrogateWorker::setMouseAngle(double z) {
    mouse_ = z;
}
void SurrogateWorker::setStepsPerTick(int n) {
    stepsPerTick_ = std::max(1, std::min(n, 200));
}

double SurrogateWorker::nextInput() {
    if (source_ == Mouse || sequence_.empty()) return mouse_;
    const double z = sequence_[seqPos_];
    seqPos_ = (seqPos_ + 1) % sequence_.size();
    return z;
}

void SurrogateWorker::restartRun() {
    t_.clear();
    in_.clear();
    odeA_.clear();
    surA_.clear();
    odeRows_.clear();
    surRows_.clear();
    steps_ = 0;
    sumSq_ = 0.0;
    odeUs_ = surUs_ = 0.0;
    stream_.reset();
    ode_.reset();
    if (!model_) return;
    const int k = std::max(1, int(std::lround(model_->inputStepMs / model_->teacher.dt)));
    ode_ = std::make_unique<OdeStepper>(model_->teacher, OdeBackend::Fft, k);
    const int settle = int(std::lround(20.0 / model_->teacher.dt));
    // The settled bump at angle 0 (neuron N/2), by offset: the surrogate's implied activity.
    ode_->settle(0.0, settle);
    const std::vector<double>& r = ode_->rates();
    const int n = int(r.size());
    bump_.assign(r.size(), 0.0);
    for (int i = 0; i < n; ++i) bump_[std::size_t((i - n / 2 + n) % n)] = r[std::size_t(i)];
    const double z0 = source_ == Mouse || sequence_.empty() ? mouse_ : sequence_[seqPos_];
    ode_->settle(z0, settle);
    stream_ = std::make_unique<SurrogateStream>(*model_->nets[0], model_->componentScale);
}

void SurrogateWorker::reset() {
    restartRun();
    publish();
}

void SurrogateWorker::tick() {
    if (!ode_ || !stream_) return;
    const double inputMs = model_->inputStepMs;
    const int n = model_->teacher.N;
    std::vector<double> implied(static_cast<std::size_t>(n));
    for (int s = 0; s < stepsPerTick_; ++s) {
        const double z = nextInput();
        auto t0 = Clock::now();
        const Decode od = ode_->step(z);
        auto t1 = Clock::now();
        const StreamDecode sd = stream_->step(z);
        auto t2 = Clock::now();
        const double ou = std::chrono::duration<double, std::micro>(t1 - t0).count();
        const double su = std::chrono::duration<double, std::micro>(t2 - t1).count();
        odeUs_ = steps_ == 0 ? ou : 0.98 * odeUs_ + 0.02 * ou;
        surUs_ = steps_ == 0 ? su : 0.98 * surUs_ + 0.02 * su;
        ++steps_;
        const double e = std::remainder(sd.angle - od.angle, 2 * kPi);
        sumSq_ += e * e;
        t_.push_back(double(steps_) * inputMs);
        in_.push_back(z);
        odeA_.push_back(od.angle);
        surA_.push_back(sd.angle);
        odeRows_.push_back(columns(ode_->rates(), kActivityCols));
        // Implied activity: the settled bump, centred at the decoded angle, scaled by |v| / scale.
        const double amp = std::hypot(sd.sumCos, sd.sumSin) / model_->componentScale;
        const int centre = int(std::lround((sd.angle + kPi) / (2 * kPi) * n)) % n;
        for (int i = 0; i < n; ++i)
            implied[std::size_t((centre + i) % n)] = amp * bump_[std::size_t(i)];
        surRows_.push_back(columns(implied, kActivityCols));
        if (int(t_.size()) > kWindow) {
            t_.pop_front();
            in_.pop_front();
            odeA_.pop_front();
            surA_.pop_front();
            odeRows_.pop_front();
            surRows_.pop_front();
        }
    }
    publish();
}

void SurrogateWorker::publish() {
    auto s = std::make_shared<SurrogateSnapshot>(training_);
    s->t.assign(t_.begin(), t_.end());
    s->input.assign(in_.begin(), in_.end());
    s->odeAngle.assign(odeA_.begin(), odeA_.end());
    s->surAngle.assign(surA_.begin(), surA_.end());
    s->error.resize(s->t.size());
    for (std::size_t i = 0; i < s->t.size(); ++i)
        s->error[i] = std::remainder(s->surAngle[i] - s->odeAngle[i], 2 * kPi);
    s->steps = steps_;
    s->runningMse = steps_ > 0 ? sumSq_ / double(steps_) : 0.0;
    s->odeUs = odeUs_;
    s->surUs = surUs_;
    s->activityRows = odeRows_.size();
    s->activityCols = kActivityCols;
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
        info = QStringLiteral("%1, M=%2 F=%3 H=%4 K=%5, %6 ms per step")
                   .arg(QString::fromLatin1(cellName(p.cell)).toUpper())
                   .arg(p.bins)
                   .arg(p.features)
                   .arg(p.hidden)
                   .arg(p.head)
                   .arg(model_->inputStepMs);
        if (!model_->results.empty())
            info += QStringLiteral(", validation MSE %1 rad²")
                        .arg(model_->results[0].best.mseAngle, 0, 'e', 2);
    }
    training_.modelInfo = info.toStdString();
    restartRun();
    publish();
    emit modelChanged(info);
}

void SurrogateWorker::loadModel(const QString& path) {
    try {
        auto m = std::make_shared<SurrogateModel>(SurrogateModel::load(path.toStdString()));
        if (m->which != SurrogateCase::Ring && m->which != SurrogateCase::Hd2d)
            throw std::runtime_error("only ring and hd2d models run here");
        setModel(std::move(m));
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
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
    training_.trainLoss.clear();
    training_.valLoss.clear();
    training_.epoch = 0;
    training_.maxEpochs = params.max_epochs;
    training_.trainMessage = "generating the dataset";
    publish();
    QString message;
    try {
        DatasetParams dp;
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
            auto model = std::make_shared<SurrogateModel>(
                SurrogateModel::create(SurrogateCase::Ring, params, data));
            SurrogateTrainer trainer(data, 0, params);
            const TrainResult r = trainer.run(
                *model->nets[0],
                [&](const TrainProgress& pr) {
                    training_.epoch = pr.epoch;
                    training_.trainLoss.push_back(pr.trainLoss);
                    training_.valLoss.push_back(pr.valLoss);
                    training_.trainSeconds =
                        std::chrono::duration<double>(Clock::now() - t0).count();
                    training_.secondsLeft = pr.seconds / pr.epoch * (pr.maxEpochs - pr.epoch);
                    char buf[160];
                    std::snprintf(buf, sizeof buf, "epoch %d: validation angle MSE %.2e rad^2",
                                  pr.epoch, pr.valAngleMse);
                    training_.trainMessage = buf;
                    publish();
                },
                cancel_);
            model->results.push_back(r);
            message = tr("Training %1 after %2 epochs: validation angle MSE %3 rad².")
                          .arg(QString::fromLatin1(outcomeName(r.outcome)))
                          .arg(r.epochs)
                          .arg(r.best.mseAngle, 0, 'e', 2);
            setModel(std::move(model));
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
