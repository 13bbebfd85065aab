#include "app/gui/ei/EiWorker.h"

#include <QElapsedTimer>
#include <QTimer>
#include <cmath>
#include <sstream>

#include "app/gui/ei/EiSnapshot.h"
#include "app/gui/framework/SnapshotSlot.h"
#include "spiking/EiAnalysis.h"
#include "spiking/EiProtocols.h"

namespace as::gui {

EiWorker::EiWorker(SnapshotSlot<EiSnapshot>* slot, std::atomic<bool>* cancel)
    : slot_(slot), cancel_(cancel) {}
EiWorker::~EiWorker() = default;

void EiWorker::start() {
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(16);
    connect(timer_, &QTimer::timeout, this, &EiWorker::tick);
    reset(as::EiParams{});
}

void EiWorker::applyStimulus() {
    as::EiStimulus s;
    s.kind = as::EiStimulus::Kind::Bump;
    s.bg = sim_->network().params().bg;
    s.height = sim_->network().params().stimHeight;
    s.z0 = z_;
    s.tOn = 0;
    s.tOff = bumpOn_ ? 1e300 : 0;
    sim_->setStimulus(s);
}

void EiWorker::reset(const as::EiParams& p) {
    sim_ = std::make_unique<as::EiSimulation>(p, as::EiStimulus{}, 0.5, std::size_t(4 * kWindowMs));
    sim_->setSpikeWindow(kWindowMs);
    spectrumAt_ = -1e300;
    spectrumHz_.clear();
    spectrumPower_.clear();
    applyStimulus();
    publish();
}

void EiWorker::play() {
    if (playing_) return;
    playing_ = true;
    timer_->start();
    emit playingChanged(true);
}

void EiWorker::pause() {
    if (!playing_) return;
    playing_ = false;
    timer_->stop();
    simMsPerSecond_ = 0;
    publish();
    emit playingChanged(false);
}

void EiWorker::setMode(int mode) {
    sim_->network().setMode(as::EiMode(mode));
    publish();
}

void EiWorker::setBump(bool on, double z) {
    bumpOn_ = on;
    z_ = z;
    applyStimulus();
    publish();
}

void EiWorker::runFor(double ms) {
    for (double done = 0; done < ms; done += 1.0)
        if (sim_->run(1.0) == as::RunOutcome::Diverged) {
            emit halted(QString::fromStdString(sim_->message()));
            break;
        }
    publish();
}

void EiWorker::tick() {
    if (!playing_) return;
    QElapsedTimer budget;
    budget.start();
    double done = 0;
    while (done < simMsPerTick_ && budget.elapsed() < kTickBudgetMs) {
        const as::RunOutcome o = sim_->run(1.0);
        done += 1.0;
        if (o == as::RunOutcome::Diverged) {
            playing_ = false;
            timer_->stop();
            emit playingChanged(false);
            emit halted(QString::fromStdString(sim_->message()));
            break;
        }
    }
    const double ms = std::max<qint64>(1, budget.elapsed());
    simMsPerSecond_ = 0.8 * simMsPerSecond_ + 0.2 * (done * 1000.0 / std::max(ms, 16.0));
    publish();
}

void EiWorker::publish() {
    auto s = std::make_shared<EiSnapshot>();
    const as::EiNetwork& net = sim_->network();
    s->t = sim_->time();
    s->params = net.params();
    s->bumpOn = bumpOn_;
    s->z = z_;
    s->simMsPerSecond = playing_ ? simMsPerSecond_ : 0;
    const double from = s->t - kWindowMs;
    for (int pop = 0; pop < 3; ++pop) {
        s->sizes[pop] = net.size(pop);
        const auto& r = sim_->spikes(pop);
        const auto first = std::lower_bound(r.times.begin(), r.times.end(), from) - r.times.begin();
        s->spikeTimes[pop].assign(r.times.begin() + first, r.times.end());
        s->spikeIds[pop].assign(r.ids.begin() + first, r.ids.end());
    }
    const as::TraceBuffer& tr = sim_->traces();
    const int ct = tr.index("t");
    std::size_t i0 = tr.size();
    while (i0 > 0 && tr.at(std::size_t(ct), i0 - 1) >= from) --i0;
    auto col = [&](const char* name, std::vector<double>& out) {
        const int c = tr.index(name);
        out.clear();
        for (std::size_t i = i0; i < tr.size(); ++i) out.push_back(tr.at(std::size_t(c), i));
    };
    col("t", s->tt);
    col("decoded", s->decoded);
    col("confidence", s->confidence);
    col("stimulus", s->stimulus);
    col("rate_E", s->rateE);
    col("rate_Ip", s->rateIp);
    col("rate_Id", s->rateId);
    col("probe_epsc", s->probeEpsc);
    col("probe_ipsc", s->probeIpsc);
    col("probe_total", s->probeTotal);
    // The spectrum costs ~n^2/2 for n = 500 bins (a plain DFT): recomputed every 200 simulated ms.
    const double t0 = std::max(0.0, from);
    if (s->t - t0 >= kSpectrumEveryMs &&
        (s->t >= spectrumAt_ + kSpectrumEveryMs || s->t < spectrumAt_)) {
        const as::Spectrum sp = as::populationSpectrum(sim_->spikes(0), t0, s->t, kSpectrumBinMs);
        spectrumHz_ = sp.freqHz;
        spectrumPower_ = sp.power;
        spectrumAt_ = s->t;
    }
    s->spectrumHz = spectrumHz_;
    s->spectrumPower = spectrumPower_;
    slot_->store(std::move(s));
}

void EiWorker::runProtocol(const QString& name, double durationMs, const as::EiParams& p) {
    const bool wasPlaying = playing_;
    if (wasPlaying) pause();
    as::EiProtocolRequest req;
    req.name = name.toStdString();
    req.params = p;
    req.durationMs = durationMs;
    req.cancel = cancel_;
    QElapsedTimer throttle;
    throttle.start();
    req.progress = [this, &throttle](double f) {
        if (throttle.elapsed() >= 100 || f >= 1.0) {  // progress at most ~10 Hz
            throttle.restart();
            emit protocolProgress(f);
        }
    };
    std::ostringstream summary, csv;
    bool completed = false;
    try {
        const as::EiProtocolResult r = as::runEiProtocol(req);
        completed = r.outcome == as::RunOutcome::Completed;
        summary.precision(4);
        summary << "protocol " << r.protocol << " (" << as::eiModeName(r.mode) << "), "
                << as::runOutcomeName(r.outcome) << (r.message.empty() ? "" : ": " + r.message)
                << "\n";
        auto line = [&summary](const std::string& k, double v) {
            if (std::isfinite(v)) summary << k << " = " << v << "\n";
        };
        line("simulated ms", r.simMs);
        line("rate E (Hz)", r.rateE);
        line("rate I_p (Hz)", r.rateIp);
        line("rate I_d (Hz)", r.rateId);
        line("ISI CV", r.cvIsi);
        line("decode error (rad)", r.decodeError);
        line("t95 (ms)", r.t95);
        line("lag (rad)", r.lag);
        if (r.persistent >= 0) summary << "persistent = " << (r.persistent ? "yes" : "no") << "\n";
        for (const auto& [k, v] : r.values) line(k, v);
        for (std::size_t c = 0; c < r.columns.size(); ++c) csv << (c ? "," : "") << r.columns[c];
        csv << "\n";
        for (const auto& row : r.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) csv << (c ? "," : "") << row[c];
            csv << "\n";
        }
    } catch (const std::exception& e) {
        summary << "protocol " << name.toStdString() << " refused: " << e.what() << "\n";
    }
    emit protocolFinished(QString::fromStdString(summary.str()), QString::fromStdString(csv.str()),
                          completed);
    if (wasPlaying) play();
}

}  // namespace as::gui
