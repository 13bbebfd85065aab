#include "app/gui/sde/SdeWorker.h"

#include <QTimer>
#include <algorithm>
#include <cmath>

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/sde/SdeSnapshot.h"

namespace as::gui {

namespace {
/// Up to k entries of v, evenly spread over it.
std::vector<int> spread(const std::vector<int>& v, int k) {
    if (int(v.size()) <= k) return v;
    std::vector<int> out;
    for (int i = 0; i < k; ++i) out.push_back(v[std::size_t(double(i) * double(v.size()) / k)]);
    return out;
}
}  // namespace

SdeWorker::SdeWorker(SnapshotSlot<SdeSnapshot>* slot) : slot_(slot) {}
SdeWorker::~SdeWorker() = default;

void SdeWorker::start() {
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(kTickMs);
    connect(timer_, &QTimer::timeout, this, &SdeWorker::tick);
    setModel(std::make_shared<const as::sde::SdeModel>(as::sde::SdeParams{}),
             tr("untrained (planted, Ã = 0)"), false);
}

std::vector<float> SdeWorker::fitToN(const std::vector<float>& v, int n) {
    std::vector<float> out(std::size_t(std::max(0, n)), 0.0f);
    std::copy_n(v.begin(), std::min(v.size(), out.size()), out.begin());
    return out;
}

std::vector<int> SdeWorker::choosePixels(const as::sde::AttractorSet& att, int target,
                                         const std::vector<float>& input) {
    const Eigen::MatrixXd& pts = att.points();
    const int n = int(pts.rows()), C = int(pts.cols());
    std::vector<char> taken(std::size_t(n), 0);
    std::vector<int> out;
    auto add = [&](const std::vector<int>& v) {
        for (int i : v)
            if (!taken[std::size_t(i)]) {
                taken[std::size_t(i)] = 1;
                out.push_back(i);
            }
    };
    auto support = [&](int l) {
        std::vector<int> s;
        for (int i = 0; i < n; ++i)
            if (pts(i, l) != 0.0) s.push_back(i);
        return s;
    };
    if (target >= 0 && target < C) add(spread(support(target), 12));
    const int perOther = C > 15 ? 1 : 2;
    for (int l = 0; l < C && out.size() < 40; ++l)
        if (l != target) add(spread(support(l), perOther));
    std::vector<int> bright;
    for (int i = 0; i < int(input.size()) && i < n; ++i)
        if (input[std::size_t(i)] > 0.3f && !taken[std::size_t(i)]) bright.push_back(i);
    add(spread(bright, 16));
    return out;
}

void SdeWorker::setPlaying(bool on) {
    if (on == playing_) return;
    playing_ = on;
    if (on) {
        owed_ = 0;
        clock_.restart();
        rateClock_.restart();
        rateSteps_ = 0;
        timer_->start();
    } else {
        timer_->stop();
        measuredRate_ = 0;
    }
    emit playingChanged(on);
}

void SdeWorker::play() {
    if (diverged_ || (stopAtHorizon_ && step_ >= model_->params().steps)) restart();  // replay
    setPlaying(true);
    publish();
}

void SdeWorker::pause() {
    setPlaying(false);
    publish();
}

void SdeWorker::stepOnce() {
    setPlaying(false);
    if (diverged_) restart();
    advance(1);
    publish();
}

void SdeWorker::reset() {
    restart();
    publish();
}

void SdeWorker::setModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name,
                         bool trained) {
    if (!model) return;
    model_ = std::move(model);
    integrator_ = std::make_unique<as::sde::SdeIntegrator>(*model_);
    modelName_ = name;
    trained_ = trained;
    input_ = fitToN(rawInput_, model_->params().n);  // from the original: N may come back
    restart();
    publish();
}

void SdeWorker::setParams(const as::sde::SdeParams& p) {
    try {
        p.check();
        if (as::sde::SdeModel::structuralChange(model_->params(), p)) {
            auto fresh = std::make_shared<const as::sde::SdeModel>(p);
            const bool hadTraining = trained_;
            setModel(std::move(fresh), tr("untrained (planted, Ã = 0)"), false);
            emit modelReplaced(
                hadTraining
                    ? tr("Re-planted %1 attractors: the trained weights are dropped (Ã = 0). "
                         "Undo brings the trained model back.")
                          .arg(p.classes)
                    : tr("Re-planted %1 attractors (Ã = 0).").arg(p.classes));
            return;
        }
        auto copy = std::make_shared<as::sde::SdeModel>(*model_);
        copy->setParams(p);
        model_ = std::move(copy);
        integrator_ = std::make_unique<as::sde::SdeIntegrator>(*model_);
        while (int(window_.size()) > p.averageSteps) {
            windowSum_ -= window_.front();
            window_.pop_front();
        }
        publish();
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
    }
}

void SdeWorker::setInput(const std::vector<float>& x0, int label) {
    rawInput_ = x0;
    input_ = fitToN(x0, model_->params().n);
    label_ = label;
    restart();
    publish();
}

void SdeWorker::restart() {
    const int n = model_->params().n;
    x_ = Eigen::Map<const Eigen::VectorXf>(input_.data(), n);
    step_ = 0;
    diverged_ = false;
    times_.clear();
    history_.clear();
    recordStride_ = 1;
    window_.clear();
    windowSum_ = Eigen::VectorXf::Zero(n);
    record();
}

void SdeWorker::record() {
    const as::sde::SdeParams& p = model_->params();
    window_.push_back(x_.col(0));
    windowSum_ += x_.col(0);
    while (int(window_.size()) > p.averageSteps) {
        windowSum_ -= window_.front();
        window_.pop_front();
    }
    if (step_ % recordStride_ != 0) return;
    times_.push_back(double(step_) * p.dt);
    history_.emplace_back(x_.data(), x_.data() + x_.rows());
    if (int(history_.size()) >= kMaxRecords) {  // keep every other record, record half as often
        std::size_t w = 0;
        for (std::size_t r = 0; r < history_.size(); r += 2, ++w) {
            if (w == r) continue;  // a vector moved onto itself would be left empty
            history_[w] = std::move(history_[r]);
            times_[w] = times_[r];
        }
        history_.resize(w);
        times_.resize(w);
        recordStride_ *= 2;
    }
}

void SdeWorker::advance(int n) {
    const as::sde::SdeParams& p = model_->params();
    for (int i = 0; i < n && !diverged_; ++i) {
        integrator_->step(x_, p.seed, std::uint64_t(step_));
        ++step_;
        if (!x_.allFinite()) {
            diverged_ = true;
            setPlaying(false);
            emit failed(tr("The state became non-finite at t = %1 (step %2): the dynamics "
                           "diverged. Reset or change "
                           "the parameters.")
                            .arg(double(step_) * p.dt)
                            .arg(step_));
            return;
        }
        record();
        if (step_ == p.steps) {
            if (stopAtHorizon_) setPlaying(false);
            publish();
            const auto s = slot_->load();
            emit decided(s ? s->predicted : -1, label_);
            if (stopAtHorizon_) return;
        }
    }
}

void SdeWorker::tick() {
    if (!playing_) return;
    const double dtWall = std::max<qint64>(1, clock_.restart()) / 1000.0;
    owed_ = std::min(owed_ + stepsPerSecond_ * dtWall,
                     stepsPerSecond_ * 0.25 + 1.0);  // no catch-up bursts
    const int n = int(owed_);
    QElapsedTimer budget;
    budget.start();
    int done = 0;
    while (done < n && playing_ && budget.elapsed() < kTickBudgetMs) {
        const int chunk = std::min(n - done, 8);
        advance(chunk);
        done += chunk;
    }
    owed_ -= done;
    if (done < n) owed_ = 0;  // over budget: run as fast as the machine allows
    rateSteps_ += done;       // steps per second over windows of about half a second
    if (const qint64 ms = rateClock_.elapsed(); ms >= 500) {
        measuredRate_ = 1000.0 * double(rateSteps_) / double(ms);
        rateSteps_ = 0;
        rateClock_.restart();
    }
    publish();
}

void SdeWorker::publish() {
    auto s = std::make_shared<SdeSnapshot>();
    const as::sde::SdeParams& p = model_->params();
    const as::sde::AttractorSet& att = model_->attractors();
    s->model = model_;
    s->modelName = modelName_;
    s->modelTrained = trained_;
    s->step = step_;
    s->t = double(step_) * p.dt;
    s->horizon = double(p.steps) * p.dt;
    s->playing = playing_;
    s->diverged = diverged_;
    s->stepsPerSecond = playing_ ? measuredRate_ : 0.0;
    s->input = input_;
    s->state.assign(x_.data(), x_.data() + x_.rows());
    s->label = label_;
    if (!diverged_ && !window_.empty()) {
        const Eigen::MatrixXf avg = windowSum_ / float(window_.size());
        const Eigen::MatrixXf d2 = att.distances2(avg);
        s->distances.resize(std::size_t(d2.rows()));
        for (int l = 0; l < d2.rows(); ++l)
            s->distances[std::size_t(l)] = std::sqrt(double(d2(l, 0)));
        s->predicted =
            int(std::min_element(s->distances.begin(), s->distances.end()) - s->distances.begin());
    } else {
        s->distances.assign(std::size_t(att.classes()), std::nan(""));
    }
    s->target = label_ >= 0 && label_ < att.classes() ? label_ : std::max(0, s->predicted);
    s->pixels = choosePixels(att, s->target, input_);
    s->times = times_;
    s->traces.resize(s->pixels.size());
    s->targets.resize(s->pixels.size());
    for (std::size_t k = 0; k < s->pixels.size(); ++k) {
        const int i = s->pixels[k];
        auto& tr = s->traces[k];
        tr.reserve(history_.size());
        for (const auto& h : history_) tr.push_back(h[std::size_t(i)]);
        s->targets[k] = att.points()(i, s->target);
    }
    slot_->store(std::move(s));
}

}  // namespace as::gui
