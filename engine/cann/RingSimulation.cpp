#include "cann/RingSimulation.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "cann/PeriodicGaussian.h"

namespace as {

Decode populationDecode(const std::vector<double>& cosX, const std::vector<double>& sinX,
                        const std::vector<double>& r) {
    Decode d;
    const std::size_t n = r.size();
    for (std::size_t i = 0; i < n; ++i) {
        d.sumCos += r[i] * cosX[i];
        d.sumSin += r[i] * sinX[i];
    }
    d.magnitude = std::hypot(d.sumCos, d.sumSin);
    d.angle = std::atan2(d.sumSin, d.sumCos);
    return d;
}

const std::vector<std::string>& RingSimulation::traceChannels() {
    static const std::vector<std::string> c = {"t",           "stimulus", "stimulus_unwrapped",
                                               "stimulus_on", "decoded",  "decoded_unwrapped",
                                               "confidence",  "height",   "u_max"};
    return c;
}

RingSimulation::RingSimulation(const CannParams& p, const StimulusParams& s,
                               std::size_t traceCapacity, std::size_t activityRows,
                               std::size_t activityStride)
    : CannRun(traceChannels(), traceCapacity),
      model_(p),
      stimulus_(s),
      activity_(activityRows, activityStride) {
    refreshTables();
    reset();
}

void RingSimulation::refreshTables() {
    const auto& x = model_.positions();
    cosX_.resize(x.size());
    sinX_.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        cosX_[i] = std::cos(x[i]);
        sinX_[i] = std::sin(x[i]);
    }
    input_.assign(x.size(), 0.0);
    inputA_ = -1.0;  // force a recompute
}

void RingSimulation::setParams(const CannParams& p) {
    const int oldN = model_.size();
    model_.setParams(p);
    if (model_.size() != oldN) refreshTables();
    inputA_ = -1.0;
    clearHalt();
    decode_ = populationDecode(cosX_, sinX_, model_.r());
}

void RingSimulation::setStimulus(const StimulusParams& s) {
    stimulus_.setParams(s);
    inputA_ = -1.0;
}

void RingSimulation::reset() {
    model_.clearState();
    stimulus_.restart();
    confidence_.reset();
    restartClock();
    activity_.clear();
    stimUnwrapped_ = lastStim_ = stimulus_.z();
    decUnwrapped_ = lastDec_ = 0.0;
    decode_ = Decode{};
    inputA_ = -1.0;
}

void RingSimulation::refreshInput() {
    const auto& p = model_.params();
    const bool on = stimulus_.on() && p.A > 0;
    const double z = stimulus_.z();
    if (on == inputOn_ && z == inputZ_ && p.A == inputA_ && p.a == inputA2_) return;
    inputOn_ = on;
    inputZ_ = z;
    inputA_ = p.A;
    inputA2_ = p.a;
    if (!on) {
        std::fill(input_.begin(), input_.end(), 0.0);
        return;
    }
    const double c = 1.0 / (4 * p.a * p.a);
    if (!profile_ || profile_->size() != model_.size() || profile_->c() != c)
        profile_ = std::make_unique<PeriodicGaussian>(model_.size(), c);
    profile_->fill(z, p.A, input_.data());
}

namespace {
/// Everything the per-step recording needs from u, in one pass: the largest |u| (watchdog), the
/// largest u (bump height, since r grows with [u]_+) and the unnormalised decode sums of [u]_+^2.
struct Observation {
    double maxAbs = 0.0, maxU = -1e300, sumCos = 0.0, sumSin = 0.0;
};
Observation observe(const std::vector<double>& u, const std::vector<double>& cosX,
                    const std::vector<double>& sinX) {
    // Eigen's reductions are explicitly vectorised (GCC will not vectorise a max reduction
    // without -ffinite-math-only, which would defeat the NaN checks).
    const Eigen::Index n = Eigen::Index(u.size());
    const Eigen::Map<const Eigen::ArrayXd> U(u.data(), n), C(cosX.data(), n), S(sinX.data(), n);
    Observation o;
    o.maxU = U.maxCoeff();
    o.maxAbs = std::max(std::abs(o.maxU), std::abs(U.minCoeff()));
    // A NaN or Inf anywhere makes this sum non-finite, whatever max/min made of it.
    if (!std::isfinite(U.square().sum())) o.maxAbs = std::numeric_limits<double>::quiet_NaN();
    const auto q = U.max(0.0).square();
    o.sumCos = (q * C).sum();
    o.sumSin = (q * S).sum();
    return o;
}
}  // namespace

int RingSimulation::step(int n) {
    int taken = 0;
    const double limit = watchdog_.limit();
    for (; taken < n && !halted(); ++taken) {
        refreshInput();
        lastGood_ = model_.u();
        model_.step(input_.data());
        const Observation o = observe(model_.u(), cosX_, sinX_);
        // NaN fails every comparison, so a NaN anywhere makes maxAbs or the sums non-finite.
        if (!(o.maxAbs <= limit) || !std::isfinite(o.sumCos + o.sumSin)) {
            if (auto problem = watchdog_.inspect(model_.u(), t_ + model_.params().dt, "u")) {
                model_.setState(lastGood_);
                halt(*problem);
                break;
            }
        }
        t_ += model_.params().dt;
        ++steps_;
        stimulus_.advance(model_.params().dt);
        record(o.sumCos, o.sumSin, o.maxU);
    }
    return taken;
}

void RingSimulation::record(double sumCosQ, double sumSinQ, double uMax) {
    const double norm = model_.normalisation();
    decode_.sumCos = sumCosQ * norm;
    decode_.sumSin = sumSinQ * norm;
    decode_.magnitude = std::hypot(decode_.sumCos, decode_.sumSin);
    decode_.angle = std::atan2(decode_.sumSin, decode_.sumCos);
    const double c = confidence_.update(t_, decode_.magnitude);
    const double z = stimulus_.z();
    stimUnwrapped_ += wrapAngle(z - lastStim_);
    lastStim_ = z;
    decUnwrapped_ += wrapAngle(decode_.angle - lastDec_);
    lastDec_ = decode_.angle;
    const double up = std::max(uMax, 0.0);
    const double height = up * up * norm;  // max r: r is increasing in u
    traces_.append({t_, z, stimUnwrapped_, stimulus_.on() ? 1.0 : 0.0, decode_.angle, decUnwrapped_,
                    c, height, uMax});
    if (steps_ % long(activity_.stride()) == 0) activity_.offer(steps_, t_, activityRow());
}

std::vector<double> RingSimulation::activityRow() const {
    const auto& r = model_.r();
    const std::size_t n = r.size();
    if (n <= kActivityColumns) return r;
    std::vector<double> row(kActivityColumns, 0.0);
    std::vector<int> count(kActivityColumns, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t b = i * kActivityColumns / n;
        row[b] += r[i];
        ++count[b];
    }
    for (std::size_t b = 0; b < kActivityColumns; ++b) row[b] /= std::max(1, count[b]);
    return row;
}

RingSimulation::State RingSimulation::captureState() const {
    State s;
    s.t = t_;
    s.steps = steps_;
    s.u = model_.u();
    s.stimulusClock = stimulus_.localTime();
    s.stimulusZ = stimulus_.z();
    s.externalTarget = stimulus_.externalTarget();
    s.stimulusUnwrapped = stimUnwrapped_;
    s.decodedUnwrapped = decUnwrapped_;
    return s;
}

void RingSimulation::restoreState(const State& s) {
    model_.setState(s.u);
    t_ = s.t;
    steps_ = s.steps;
    stimulus_.restore(s.stimulusClock, s.stimulusZ, s.externalTarget);
    stimUnwrapped_ = s.stimulusUnwrapped;
    lastStim_ = stimulus_.z();
    decUnwrapped_ = s.decodedUnwrapped;
    decode_ = populationDecode(cosX_, sinX_, model_.r());
    lastDec_ = decode_.angle;
    confidence_.reset();
    clearHalt();
    inputA_ = -1.0;
}

void RingSimulation::restoreRecordings(const TraceBuffer& traces, const ActivityBuffer& activity) {
    replaceTraces(traces, "ring");
    activity_ = activity;
}

std::shared_ptr<RingSnapshot> RingSimulation::snapshot(std::size_t maxTracePoints,
                                                       double traceWindowMs) const {
    auto s = std::make_shared<RingSnapshot>();
    s->params = model_.params();
    s->stimulus = stimulus_.params();
    s->t = t_;
    s->steps = steps_;
    s->positions = model_.positions();
    s->u = model_.u();
    s->r = model_.r();
    s->stimulusZ = stimulus_.z();
    s->stimulusOn = stimulus_.on() && model_.params().A > 0;
    s->decoded = decode_.angle;
    s->confidence = confidence_.value();
    s->height = s->r.empty() ? 0.0 : *std::max_element(s->r.begin(), s->r.end());
    s->r0Analytic = model_.params().analyticR0();
    const std::size_t first =
        traceWindowMs > 0 ? traces_.lowerBound(std::size_t(traces_.index("t")), t_ - traceWindowMs)
                          : 0;
    const auto pick = [&](const char* name) {
        return traces_.channelDecimated(std::size_t(traces_.index(name)), maxTracePoints, first);
    };
    s->traceT = pick("t");
    s->traceStimulus = pick("stimulus_unwrapped");
    s->traceDecoded = pick("decoded_unwrapped");
    s->traceConfidence = pick("confidence");
    s->traceHeight = pick("height");
    s->activity = activity_.flattened();
    s->activityRows = activity_.size();
    s->activityStride = activity_.stride();
    if (!activity_.times().empty()) {
        s->activityT0 = activity_.times().front();
        s->activityT1 = activity_.times().back();
    }
    s->halted = halted();
    s->message = message();
    return s;
}

}  // namespace as
