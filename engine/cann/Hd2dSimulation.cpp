#include "cann/Hd2dSimulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/Angles.h"
#include "core/ParamAccess.h"

namespace as {
namespace {

double seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

Decode fromSums(double c, double s) {
    Decode d;
    d.sumCos = c;
    d.sumSin = s;
    d.magnitude = std::hypot(c, s);
    d.angle = std::atan2(s, c);
    return d;
}
}  // namespace

const std::vector<std::string>& Hd2dSimulation::traceChannels() {
    static const std::vector<std::string> c = {"t",
                                               "azimuth",
                                               "pitch",
                                               "rings_azimuth",
                                               "rings_pitch",
                                               "sheet_azimuth",
                                               "sheet_pitch",
                                               "rings_error",
                                               "sheet_error",
                                               "rings_sin_az",
                                               "rings_cos_az",
                                               "rings_sin_pitch",
                                               "rings_cos_pitch",
                                               "sheet_sin_az",
                                               "sheet_cos_az",
                                               "sheet_sin_pitch",
                                               "sheet_cos_pitch"};
    return c;
}

void Hd2dSimulation::checkParams(const TorusParams& p) {
    TorusParams ring = p, sheet = p;
    ring.dims = 1;
    sheet.dims = 2;
    ring.check();  // the ring's k_c is the smaller one for the default sizes; check both anyway
    sheet.check();
}

TorusParams Hd2dSimulation::defaultParams() {
    TorusParams p;
    p.dims = 2;
    p.n = 64;
    return p;
}

TrajectoryParams Hd2dSimulation::defaultHeading() {
    TrajectoryParams h;
    h.speed = 0.005;  // rad/ms
    h.radius = 1.0;
    h.rise = 0.0;
    return h;
}

Hd2dSimulation::Hd2dSimulation(const TorusParams& p, const TrajectoryParams& heading,
                               std::size_t traceCapacity)
    : CannRun(traceChannels(), traceCapacity), p_(p), heading_(heading) {
    checkParams(p_);
    rebuild();
    reset();
}

void Hd2dSimulation::rebuild() {
    const CannParams c = p_.dynamics();
    for (auto& r : rings_) r = std::make_unique<LatticeCann>(std::vector<int>{p_.n}, c);
    sheet_ = std::make_unique<LatticeCann>(std::vector<int>{p_.n, p_.n}, c,
                                           ConvolutionPrecision::Float32, p_.convolution);
    const auto x = rings_[0]->axisPositions(0);
    cosX_.resize(x.size());
    sinX_.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        cosX_[i] = std::cos(x[i]);
        sinX_[i] = std::sin(x[i]);
    }
    for (auto& v : ringInput_) v.assign(x.size(), 0.0);
    for (auto& m : marginal_) m.assign(x.size(), 0.0);
    sheetInput_.assign(sheet_->size(), 0.0);
    profile_.reset();
    inputA_ = -1.0;
}

void Hd2dSimulation::setParams(const TorusParams& p) {
    checkParams(p);
    const bool lattice = p.n != p_.n;
    p_ = p;
    if (lattice) {
        rebuild();
    } else {
        for (auto& r : rings_) r->setDynamics(p_.dynamics());
        sheet_->setDynamics(p_.dynamics());
        sheet_->setMethod(p_.convolution);
    }
    inputA_ = -1.0;
    clearHalt();
}

void Hd2dSimulation::reset() {
    for (auto& r : rings_) r->clearState();
    sheet_->clearState();
    heading_.restart();
    restartClock();
    ringsDec_ = sheetDec_ = {};
    ringsErr_ = sheetErr_ = 0.0;
    ringsErrStats_.clear();
    sheetErrStats_.clear();
    timedSteps_ = 0;
    ringsWall_ = sheetWall_ = 0.0;
    inputA_ = -1.0;
}

std::array<double, 2> Hd2dSimulation::heading() const {
    const Vec3& h = heading_.position();
    return {wrapAngle(h[0]), wrapAngle(h[1])};
}

void Hd2dSimulation::refreshInput() {
    const bool on = heading_.on() && p_.A > 0;
    const auto z = heading();
    if (on == inputOn_ && z == inputPhase_ && p_.A == inputA_) return;
    inputOn_ = on;
    inputPhase_ = z;
    inputA_ = p_.A;
    if (!on) {
        for (auto& v : ringInput_) std::fill(v.begin(), v.end(), 0.0);
        std::fill(sheetInput_.begin(), sheetInput_.end(), 0.0);
        return;
    }
    const double c = 1.0 / (4 * p_.a * p_.a);
    if (!profile_ || profile_->size() != p_.n || profile_->c() != c)
        profile_ = std::make_unique<PeriodicGaussian>(p_.n, c);
    // The same input for both models: the sheet's is the product of the rings' profiles / A.
    for (int d = 0; d < 2; ++d)
        profile_->fill(z[std::size_t(d)], p_.A, ringInput_[std::size_t(d)].data());
    const int n = p_.n;
    const double invA = 1.0 / p_.A;
    for (int i = 0; i < n; ++i) {
        const double gi = ringInput_[0][std::size_t(i)] * invA;
        double* row = sheetInput_.data() + std::size_t(i) * n;
        for (int j = 0; j < n; ++j) row[j] = gi * ringInput_[1][std::size_t(j)];
    }
}

void Hd2dSimulation::decodeAll() {
    const int n = p_.n;
    for (int d = 0; d < 2; ++d) {
        const auto& r = rings_[std::size_t(d)]->r();
        double c = 0, s = 0;
        for (int i = 0; i < n; ++i) {
            c += r[std::size_t(i)] * cosX_[std::size_t(i)];
            s += r[std::size_t(i)] * sinX_[std::size_t(i)];
        }
        ringsDec_[std::size_t(d)] = fromSums(c, s);
    }
    const auto& r = sheet_->r();
    std::fill(marginal_[0].begin(), marginal_[0].end(), 0.0);
    std::fill(marginal_[1].begin(), marginal_[1].end(), 0.0);
    for (int i = 0; i < n; ++i) {
        const double* row = r.data() + std::size_t(i) * n;
        double sum = 0;
        for (int j = 0; j < n; ++j) {
            marginal_[1][std::size_t(j)] += row[j];
            sum += row[j];
        }
        marginal_[0][std::size_t(i)] = sum;
    }
    for (int d = 0; d < 2; ++d) {
        double c = 0, s = 0;
        for (int i = 0; i < n; ++i) {
            c += marginal_[d][std::size_t(i)] * cosX_[std::size_t(i)];
            s += marginal_[d][std::size_t(i)] * sinX_[std::size_t(i)];
        }
        sheetDec_[std::size_t(d)] = fromSums(c, s);
    }
}

int Hd2dSimulation::step(int nSteps) {
    using Clock = std::chrono::steady_clock;
    int taken = 0;
    for (; taken < nSteps && !halted(); ++taken) {
        refreshInput();
        const auto t0 = Clock::now();
        rings_[0]->step(ringInput_[0].data());
        rings_[1]->step(ringInput_[1].data());
        const auto t1 = Clock::now();
        sheet_->step(sheetInput_.data());
        const auto t2 = Clock::now();
        ringsWall_ += seconds(t0, t1);
        sheetWall_ += seconds(t1, t2);
        ++timedSteps_;
        const double tNext = t_ + p_.dt;
        for (const LatticeCann* m : {rings_[0].get(), rings_[1].get(), sheet_.get()}) {
            if (auto problem =
                    watchdog_.inspect(m->u(), tNext, m->dims() == 1 ? "ring u" : "sheet u")) {
                halt(*problem);
                break;
            }
        }
        if (halted()) break;
        t_ = tNext;
        ++steps_;
        heading_.advance(p_.dt);
        decodeAll();
        const auto z = heading();
        const auto err = [&](const std::array<Decode, 2>& d) {
            return std::hypot(wrapAngle(d[0].angle - z[0]), wrapAngle(d[1].angle - z[1]));
        };
        ringsErr_ = err(ringsDec_);
        sheetErr_ = err(sheetDec_);
        ringsErrStats_.add(t_, ringsErr_);
        sheetErrStats_.add(t_, sheetErr_);
        traces_.append({t_, z[0], z[1], ringsDec_[0].angle, ringsDec_[1].angle, sheetDec_[0].angle,
                        sheetDec_[1].angle, ringsErr_, sheetErr_, ringsDec_[0].sumSin,
                        ringsDec_[0].sumCos, ringsDec_[1].sumSin, ringsDec_[1].sumCos,
                        sheetDec_[0].sumSin, sheetDec_[0].sumCos, sheetDec_[1].sumSin,
                        sheetDec_[1].sumCos});
    }
    return taken;
}

Hd2dSimulation::State Hd2dSimulation::captureState() const {
    State s;
    s.t = t_;
    s.steps = steps_;
    s.uAzimuth = rings_[0]->u();
    s.uPitch = rings_[1]->u();
    s.uSheet = sheet_->u();
    s.heading = heading_.state();
    return s;
}

void Hd2dSimulation::restoreState(const State& s) {
    rings_[0]->setState(s.uAzimuth);
    rings_[1]->setState(s.uPitch);
    sheet_->setState(s.uSheet);
    t_ = s.t;
    steps_ = s.steps;
    heading_.restore(s.heading);
    decodeAll();
    ringsErrStats_.clear();
    sheetErrStats_.clear();
    timedSteps_ = 0;
    ringsWall_ = sheetWall_ = 0.0;
    clearHalt();
    inputA_ = -1.0;
}

void Hd2dSimulation::restoreRecordings(const TraceBuffer& traces) {
    replaceTraces(traces, "hd2d");
}

std::shared_ptr<Hd2dSnapshot> Hd2dSimulation::snapshot(std::size_t maxTracePoints) const {
    auto s = std::make_shared<Hd2dSnapshot>();
    s->params = p_;
    s->heading = heading_.params();
    s->t = t_;
    s->steps = steps_;
    s->n = p_.n;
    const auto toFloat = [](const std::vector<double>& v) {
        return std::vector<float>(v.begin(), v.end());
    };
    s->ringAzimuth = toFloat(rings_[0]->r());
    s->ringPitch = toFloat(rings_[1]->r());
    s->sheet = toFloat(sheet_->r());
    const auto mx = [](const std::vector<float>& v) {
        return v.empty() ? 0.0f : *std::max_element(v.begin(), v.end());
    };
    s->rMaxRings = std::max(mx(s->ringAzimuth), mx(s->ringPitch));
    s->rMaxSheet = mx(s->sheet);
    const auto z = heading();
    s->azimuth = z[0];
    s->pitch = z[1];
    s->rings = {ringsDec_[0].angle, ringsDec_[1].angle};
    s->sheetDecoded = {sheetDec_[0].angle, sheetDec_[1].angle};
    s->ringsError = ringsErr_;
    s->sheetError = sheetErr_;
    s->ringsMeanError = ringsMeanError();
    s->sheetMeanError = sheetMeanError();
    s->ringsStepsPerSecond = ringsStepsPerSecond();
    s->sheetStepsPerSecond = sheetStepsPerSecond();
    const auto pick = [&](const char* name) {
        return traces_.channelDecimated(std::size_t(traces_.index(name)), maxTracePoints);
    };
    s->traceT = pick("t");
    s->traceRingsError = pick("rings_error");
    s->traceSheetError = pick("sheet_error");
    s->halted = halted();
    s->message = message();
    return s;
}

}  // namespace as
