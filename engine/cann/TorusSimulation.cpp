#include "cann/TorusSimulation.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/Angles.h"

namespace as {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

const std::vector<std::string>& TorusSimulation::traceChannels() {
    static const std::vector<std::string> c = {
        "t",       "true_x",  "true_y",  "true_z",    "est_x",     "est_y",     "est_z", "error",
        "phase_x", "phase_y", "phase_z", "decoded_x", "decoded_y", "decoded_z", "sin_x", "cos_x",
        "sin_y",   "cos_y",   "sin_z",   "cos_z",     "input_on",  "height",    "u_max"};
    return c;
}

TorusSimulation::TorusSimulation(const TorusParams& p, const TrajectoryParams& tp,
                                 std::size_t traceCapacity)
    : CannRun(traceChannels(), traceCapacity), p_(p), trajectory_(tp) {
    p_.check();
    rebuild();
    reset();
}

void TorusSimulation::rebuild() {
    model_ = std::make_unique<LatticeCann>(p_.shape(), p_.dynamics(), ConvolutionPrecision::Float32,
                                           p_.convolution);
    for (int d = 0; d < 3; ++d) {
        const std::size_t k = std::size_t(d);
        if (d < p_.dims) {
            const auto x = model_->axisPositions(d);
            cosX_[k].resize(x.size());
            sinX_[k].resize(x.size());
            for (std::size_t i = 0; i < x.size(); ++i) {
                cosX_[k][i] = std::cos(x[i]);
                sinX_[k][i] = std::sin(x[i]);
            }
            marginal_[k].assign(x.size(), 0.0);
            axisInput_[k].assign(x.size(), 0.0);
        } else {
            cosX_[k].clear();
            sinX_[k].clear();
            marginal_[k].clear();
            axisInput_[k].clear();
        }
        profile_[k].reset();
    }
    input_.assign(model_->size(), 0.0);
    inputA_ = -1.0;
}

void TorusSimulation::setParams(const TorusParams& p) {
    p.check();
    const bool lattice = p.dims != p_.dims || p.n != p_.n;
    p_ = p;
    if (lattice) {
        rebuild();
        decode_ = {};
    } else {
        model_->setDynamics(p_.dynamics());
        model_->setMethod(p_.convolution);
    }
    inputA_ = -1.0;
    clearHalt();
}

void TorusSimulation::setTrajectory(const TrajectoryParams& tp) {
    trajectory_.setParams(tp);
    inputA_ = -1.0;
}

void TorusSimulation::reset() {
    model_->clearState();
    trajectory_.restart();
    restartClock();
    decode_ = {};
    decUnwrapped_ = lastDec_ = estimate_ = {0, 0, 0};
    for (int d = p_.dims; d < 3; ++d) estimate_[std::size_t(d)] = kNaN;
    error_ = 0.0;
    clearErrorStats();
    inputA_ = -1.0;
}

Vec3 TorusSimulation::inputPhase() const {
    Vec3 z{0, 0, 0};
    const Vec3& pos = trajectory_.position();
    for (int d = 0; d < 3; ++d)
        z[std::size_t(d)] = wrapAngle(2 * kPi * pos[std::size_t(d)] / p_.spacing[std::size_t(d)]);
    return z;
}

// I = A exp(-|d|^2 / 4a^2) is a product over axes: fill one periodic Gaussian per axis, then take
// the outer product (only when the phase or the amplitude changed).
void TorusSimulation::refreshInput() {
    const bool on = trajectory_.on() && p_.A > 0;
    const Vec3 z = inputPhase();
    if (on == inputOn_ && z == inputPhase_ && p_.A == inputA_) return;
    inputOn_ = on;
    inputPhase_ = z;
    inputA_ = p_.A;
    if (!on) {
        std::fill(input_.begin(), input_.end(), 0.0);
        return;
    }
    const double c = 1.0 / (4 * p_.a * p_.a);
    int n[3] = {1, 1, 1};
    const double* g[3];
    static const double one = 1.0;
    for (int pad = 0; pad < 3; ++pad) {
        const int d = pad - (3 - p_.dims);
        if (d < 0) {
            g[pad] = &one;
            continue;
        }
        const std::size_t k = std::size_t(d);
        n[pad] = p_.n;
        if (!profile_[k] || profile_[k]->size() != p_.n || profile_[k]->c() != c)
            profile_[k] = std::make_unique<PeriodicGaussian>(p_.n, c);
        profile_[k]->fill(z[k], d == 0 ? p_.A : 1.0, axisInput_[k].data());
        g[pad] = axisInput_[k].data();
    }
    double* out = input_.data();
    for (int i = 0; i < n[0]; ++i)
        for (int j = 0; j < n[1]; ++j) {
            const double gij = g[0][i] * g[1][j];
            const double* g2 = g[2];
            for (int k = 0; k < n[2]; ++k) out[k] = gij * g2[k];
            out += n[2];
        }
}

// One pass over u: per-axis marginals of q = [u]_+^2 (the decode needs only these), and the
// watchdog's extremes. Returns false if u is not finite or beyond the runaway limit.
bool TorusSimulation::observe() {
    const auto& u = model_->u();
    const Eigen::Map<const Eigen::ArrayXd> U(u.data(), Eigen::Index(u.size()));
    const double maxU = U.maxCoeff(), minU = U.minCoeff();
    uMax_ = maxU;
    int n[3] = {1, 1, 1};
    double* m[3] = {nullptr, nullptr, nullptr};
    double dummy[1];
    for (int pad = 0; pad < 3; ++pad) {
        const int d = pad - (3 - p_.dims);
        if (d >= 0) {
            n[pad] = p_.n;
            m[pad] = marginal_[std::size_t(d)].data();
            std::fill(m[pad], m[pad] + n[pad], 0.0);
        } else {
            dummy[0] = 0.0;
            m[pad] = dummy;
        }
    }
    const double* src = u.data();
    double total = 0.0;
    for (int i = 0; i < n[0]; ++i) {
        double plane = 0.0;
        for (int j = 0; j < n[1]; ++j) {
            double row = 0.0;
            double* m2 = m[2];
            for (int k = 0; k < n[2]; ++k) {
                const double up = std::max(src[k], 0.0);
                const double q = up * up;
                m2[k] += q;
                row += q;
            }
            src += n[2];
            m[1][n[1] > 1 ? j : 0] += row;
            plane += row;
        }
        m[0][n[0] > 1 ? i : 0] += plane;
        total += plane;
    }
    const double maxAbs = std::max(std::abs(maxU), std::abs(minU));
    return std::isfinite(total) && maxAbs <= watchdog_.limit();
}

int TorusSimulation::step(int nSteps) {
    int taken = 0;
    for (; taken < nSteps && !halted(); ++taken) {
        refreshInput();
        lastGood_ = model_->u();
        model_->step(input_.data());
        if (!observe()) {
            if (auto problem = watchdog_.inspect(model_->u(), t_ + p_.dt, "u")) {
                model_->setState(lastGood_);
                halt(*problem);
                break;
            }
        }
        t_ += p_.dt;
        ++steps_;
        trajectory_.advance(p_.dt);
        record();
    }
    return taken;
}

void TorusSimulation::record() {
    const double norm = model_->normalisation();
    const Vec3& pos = trajectory_.position();
    double err2 = 0.0;
    for (int d = 0; d < p_.dims; ++d) {
        const std::size_t k = std::size_t(d);
        Decode& dec = decode_[k];
        double c = 0.0, s = 0.0;
        const auto& m = marginal_[k];
        for (std::size_t i = 0; i < m.size(); ++i) {
            c += m[i] * cosX_[k][i];
            s += m[i] * sinX_[k][i];
        }
        dec.sumCos = c * norm;
        dec.sumSin = s * norm;
        dec.magnitude = std::hypot(dec.sumCos, dec.sumSin);
        if (dec.magnitude > 0) {
            dec.angle = std::atan2(dec.sumSin, dec.sumCos);
            decUnwrapped_[k] += wrapAngle(dec.angle - lastDec_[k]);
            lastDec_[k] = dec.angle;
        }
        estimate_[k] = p_.spacing[k] / (2 * kPi) * decUnwrapped_[k];
        const double e = estimate_[k] - pos[k];
        err2 += e * e;
    }
    error_ = std::sqrt(err2);
    errorStats_.add(t_, error_);
    const Vec3 z = inputPhase();
    const double up = std::max(uMax_, 0.0);
    const auto dec = [&](int d) { return d < p_.dims ? decode_[std::size_t(d)].angle : kNaN; };
    traces_.append({t_,
                    pos[0],
                    pos[1],
                    pos[2],
                    estimate_[0],
                    estimate_[1],
                    estimate_[2],
                    error_,
                    z[0],
                    z[1],
                    z[2],
                    dec(0),
                    dec(1),
                    dec(2),
                    decode_[0].sumSin,
                    decode_[0].sumCos,
                    decode_[1].sumSin,
                    decode_[1].sumCos,
                    decode_[2].sumSin,
                    decode_[2].sumCos,
                    inputOn_ ? 1.0 : 0.0,
                    up * up * norm,
                    uMax_});
}

TorusSimulation::State TorusSimulation::captureState() const {
    State s;
    s.t = t_;
    s.steps = steps_;
    s.u = model_->u();
    s.trajectory = trajectory_.state();
    s.decodedUnwrapped = decUnwrapped_;
    return s;
}

void TorusSimulation::restoreState(const State& s) {
    model_->setState(s.u);
    t_ = s.t;
    steps_ = s.steps;
    trajectory_.restore(s.trajectory);
    decUnwrapped_ = s.decodedUnwrapped;
    for (int d = 0; d < 3; ++d) {
        lastDec_[std::size_t(d)] = wrapAngle(s.decodedUnwrapped[std::size_t(d)]);
        estimate_[std::size_t(d)] =
            d < p_.dims ? p_.spacing[std::size_t(d)] / (2 * kPi) * decUnwrapped_[std::size_t(d)]
                        : kNaN;
    }
    observe();
    clearErrorStats();
    clearHalt();
    inputA_ = -1.0;
}

void TorusSimulation::restoreRecordings(const TraceBuffer& traces) {
    replaceTraces(traces, "torus");
}

std::shared_ptr<TorusSnapshot> TorusSimulation::snapshot(std::size_t maxPathPoints) const {
    auto s = std::make_shared<TorusSnapshot>();
    s->params = p_;
    s->trajectory = trajectory_.params();
    s->t = t_;
    s->steps = steps_;
    const auto& r = model_->r();
    s->r.assign(r.begin(), r.end());
    s->rMax = s->r.empty() ? 0.0f : *std::max_element(s->r.begin(), s->r.end());
    const int n = p_.n, D = p_.dims;
    for (int d = 0; d < D; ++d) {
        const double ang = decode_[std::size_t(d)].angle;
        s->centre[std::size_t(d)] = int(std::lround((ang + kPi) / (2 * kPi) * n)) % n;
        s->decodedPhase[std::size_t(d)] = ang;
    }
    const auto at = [&](int i, int j, int k) { return s->r[(std::size_t(i) * n + j) * n + k]; };
    const int cx = s->centre[0], cy = s->centre[1], cz = s->centre[2];
    if (D == 1) {
        s->sliceXY = s->r;
    } else if (D == 2) {
        s->sliceXY = s->r;
    } else {
        s->sliceXY.resize(std::size_t(n) * n);
        s->sliceXZ.resize(std::size_t(n) * n);
        s->sliceYZ.resize(std::size_t(n) * n);
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b) {
                s->sliceXY[std::size_t(a) * n + b] = at(a, b, cz);
                s->sliceXZ[std::size_t(a) * n + b] = at(a, cy, b);
                s->sliceYZ[std::size_t(a) * n + b] = at(cx, a, b);
            }
    }
    s->stimulusPhase = inputPhase();
    s->truePosition = trajectory_.position();
    s->estimate = estimate_;
    s->inputOn = trajectory_.on() && p_.A > 0;
    s->error = error_;
    s->meanError = meanError();
    s->maxError = maxError();
    const auto pick = [&](const char* name) {
        return traces_.channelDecimated(std::size_t(traces_.index(name)), maxPathPoints);
    };
    s->pathT = pick("t");
    s->pathError = pick("error");
    static const char* trueNames[3] = {"true_x", "true_y", "true_z"};
    static const char* estNames[3] = {"est_x", "est_y", "est_z"};
    for (std::size_t d = 0; d < 3; ++d) {
        s->pathTrue[d] = pick(trueNames[d]);
        s->pathEstimate[d] = pick(estNames[d]);
    }
    s->halted = halted();
    s->message = message();
    return s;
}

}  // namespace as
