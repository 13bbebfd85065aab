#include "spiking/EiNetwork.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <thread>

#include "core/Angles.h"
#include "core/ParamAccess.h"
#include "spiking/InputProfile.h"
#include "spiking/NormalNoise.h"
#include "spiking/SpikeKernels.h"

namespace as {
namespace {

/// One neuron's membrane step: V = max(a V + b I, vfloor), or the reset while refractory (R
/// counts the steps left).
inline void leakStep(float& V, float& R, float I, float a, float b, float vfloor, float vreset) {
    const float v = std::max(a * V + b * I, vfloor);
    const float r = R;
    V = r > 0.f ? vreset : v;
    R = r > 0.f ? r - 1.f : r;
}

}  // namespace

const char* eiPopName(int pop) {
    static const char* names[] = {"E", "Ip", "Id"};
    return (pop >= 0 && pop < 3) ? names[pop] : "?";
}

EiNetwork::EiNetwork(const EiParams& params) : p_(params), noiseRng_(params.seed, 2) {
    p_.check();
    n_[kPopE] = p_.NE;
    n_[kPopIp] = p_.NIp();
    n_[kPopId] = p_.NId();
    SpikeRng init(p_.seed, 1);
    for (int pop = 0; pop < 3; ++pop) {
        const int n = n_[pop];
        theta_[pop].resize(std::size_t(n));
        for (int i = 0; i < n; ++i) theta_[pop][std::size_t(i)] = -kPi + 2 * kPi * i / n;
        thetaF_[pop].assign(theta_[pop].begin(), theta_[pop].end());
        V_[pop].resize(std::size_t(n));
        for (auto& v : V_[pop]) v = float(p_.Vreset + init.uniform() * (p_.Vth - p_.Vreset));
        refr_[pop].assign(std::size_t(n), 0.f);
        ext_[pop].assign(std::size_t(n), 0.f);
    }
    const int NE = n_[kPopE], NIp = n_[kPopIp], NId = n_[kPopId];
    eFastE_.assign(std::size_t(NE), 0.f);
    eFastId_ = eSlowE_ = eSlowIp_ = eFastE_;
    dFastE_.assign(std::size_t(NId), 0.f);
    dFastId_ = dFastE_;
    pSlowE_.assign(std::size_t(NIp), 0.f);
    pSlowIp_ = pSlowE_;

    // Random projections, each from its own stream (building one never shifts another).
    struct Spec {
        Proj* pr;
        int nPre, nPost;
        bool self;
        double w;
    };
    const double sqKE = std::sqrt(p_.K(NE)), sqKId = std::sqrt(p_.K(NId));
    const Spec specs[7] = {// index = random stream; E->E (2/3 of the synapses) first
                           {&EE_, NE, NE, true, p_.sEi * p_.jEE / sqKE},
                           {&EId_, NE, NId, false, p_.sEi * p_.jEId / sqKE},
                           {&IdE_, NId, NE, false, p_.sEi * p_.jIdE / sqKId},
                           {&IdId_, NId, NId, true, p_.sEi * p_.jIdId / sqKId},
                           {&EIp_, NE, NIp, false, p_.wEIp / p_.K(NE)},
                           {&IpE_, NIp, NE, false, p_.wIpE / p_.K(NIp)},
                           {&IpIp_, NIp, NIp, true, p_.wIpIp / p_.K(NIp)}};
    // The projections are independent (one stream each), so they are drawn in parallel: at
    // N_E = 10,000 the 38 M synapses took 0.34 s on one core. Same synapses for any thread count.
    const int builders = NE >= 2000 ? std::min(omp_get_max_threads(), 2) : 1;
#pragma omp parallel for schedule(dynamic) num_threads(builders)
    for (int k = 0; k < 7; ++k) {
        SpikeRng rng(p_.seed, std::uint64_t(10 + k));
        specs[k].pr->csr =
            SparseProjection(specs[k].nPre, specs[k].nPost, p_.p, specs[k].self, rng);
        specs[k].pr->w = float(specs[k].w);
    }

    // Translation-invariant E->E kernel over the index difference, stored twice so the row of
    // presynaptic neuron j is the contiguous slice [N - j, 2N - j).
    kernel2_.resize(2 * std::size_t(NE));
    for (int k = 0; k < 2 * NE; ++k) {
        const double d = wrapAngle(2 * kPi * (k % NE) / NE);
        kernel2_[std::size_t(k)] = float(std::exp(-d * d / (2 * p_.connA * p_.connA)));
    }
    wSlowEE_ = float(p_.wEE / NE);

    phase_.resize(std::size_t(NE));
    for (int j = 0; j < NE; ++j)
        phase_[std::size_t(j)] = std::polar(1.0, theta_[kPopE][std::size_t(j)]);

    const double tauM[3] = {p_.tauE, p_.tauI, p_.tauI};
    for (int pop = 0; pop < 3; ++pop) {
        if (p_.gL > 0) {
            alpha_[pop] = float(std::exp(-p_.gL * p_.dt / tauM[pop]));
            beta_[pop] = float((1.0 - std::exp(-p_.gL * p_.dt / tauM[pop])) / p_.gL);
        } else {
            alpha_[pop] = 1.f;
            beta_[pop] = float(p_.dt / tauM[pop]);
        }
    }
    nRef_ = float(std::lround(p_.tauRef / p_.dt));
    decFastE_ = float(std::exp(-p_.dt / p_.tauEf));
    decFastI_ = float(std::exp(-p_.dt / p_.tauIf));
    decSlowI_ = float(std::exp(-p_.dt / p_.tauIs));
    decodeDecay_ = std::exp(-p_.dt / p_.tauDecode);
    input_.bg = p_.bg;
    setThreads(0);
    updateGains();
}

void EiNetwork::updateGains() {
    const EiMode m = p_.mode;
    gFastE_ = m == EiMode::CannOnly ? 0.f : 1.f;
    gFastId_ = gFastE_;
    if (m == EiMode::Unbalanced) {  // 1/K instead of 1/sqrt(K)
        gFastE_ = float(1.0 / std::sqrt(p_.K(n_[kPopE])));
        gFastId_ = float(1.0 / std::sqrt(p_.K(n_[kPopId])));
    }
    gSlow_ = m == EiMode::EinnOnly ? 0.f : 1.f;
    tauSlowE_ = m == EiMode::FastCann ? p_.tauFastCann : p_.tauEs;
    decSlowE_ = float(std::exp(-p_.dt / tauSlowE_));
}

void EiNetwork::setMode(EiMode mode) {
    if (int(mode) < 0 || int(mode) > 4) throw ParamError("invalid mode");
    p_.mode = mode;
    updateGains();
    auto clear = [](NeuronArray& v) { std::fill(v.begin(), v.end(), 0.f); };
    if (gFastE_ == 0.f) {
        clear(eFastE_);
        clear(eFastId_);
        clear(dFastE_);
        clear(dFastId_);
    }
    if (gSlow_ == 0.f) {
        clear(eSlowE_);
        clear(eSlowIp_);
        clear(pSlowE_);
        clear(pSlowIp_);
    }
}

void EiNetwork::setInput(const EiInput& in) {
    if (std::abs(wrapAngle(in.z - input_.z)) < 1e-4 && in.height == input_.height &&
        in.bg == input_.bg)
        return;  // a sub-1e-4 rad move changes no input by more than ~1e-4 of its height
    input_ = in;
    extDirty_ = true;  // recomputed by the next step, each thread for its own blocks
}

void EiNetwork::refreshExternal(int pop, int lo, int hi) const {
    const double scale = pop == kPopE ? p_.extScaleE() : p_.fI * std::sqrt(p_.Nff());
    spike::gaussianProfile(thetaF_[pop].data(), lo, hi, input_.z, 2 * p_.stimA * p_.stimA, scale,
                           input_.bg, input_.height, ext_[pop].data());
}

void EiNetwork::ensureExternal() const {
    if (!extDirty_) return;
    for (int pop = 0; pop < 3; ++pop) refreshExternal(pop, 0, n_[pop]);
    extDirty_ = false;
}

void EiNetwork::setThreads(int n, bool exact) {
    threads_ = std::max(0, n);
    exactThreads_ = exact && threads_ > 0;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    tuner_.setMax(exactThreads_  ? 1
                  : threads_ > 0 ? threads_
                                 : std::min(omp_get_max_threads(), cores));
}

int EiNetwork::threads() const {
    return exactThreads_ ? threads_ : tuner_.current();
}

void EiNetwork::integrate(int pop, int lo, int hi, SpikeIds& out) {
    float* V = V_[pop].data();
    float* R = refr_[pop].data();
    const float* x = ext_[pop].data();
    const float a = alpha_[pop], b = beta_[pop], vfloor = float(p_.Vfloor),
                vreset = float(p_.Vreset);
    const float vth = float(p_.Vth), nref = nRef_;
    if (pop == kPopE) {
        float *fe = eFastE_.data(), *fi = eFastId_.data(), *se = eSlowE_.data(),
              *si = eSlowIp_.data();
        const float gFE = gFastE_, gFI = gFastId_, gS = gSlow_, kap = float(p_.kappa);
        const float dFE = decFastE_, dFI = decFastI_, dSE = decSlowE_, dSI = decSlowI_;
#pragma omp simd
        for (int i = lo; i < hi; ++i) {
            const float ome = gFE * fe[i], omi = gFI * fi[i], ge = gS * se[i], gi = gS * si[i];
            const float I = ome + omi + ge + gi + kap * (ome + ge + x[i]) * gi + x[i];
            fe[i] *= dFE;
            fi[i] *= dFI;
            se[i] *= dSE;
            si[i] *= dSI;
            leakStep(V[i], R[i], I, a, b, vfloor, vreset);
        }
    } else {
        float *f1, *f2;
        float g1, g2, d1, d2;
        if (pop == kPopId) {
            f1 = dFastE_.data();
            f2 = dFastId_.data();
            g1 = gFastE_;
            g2 = gFastId_;
            d1 = decFastE_;
            d2 = decFastI_;
        } else {
            f1 = pSlowE_.data();
            f2 = pSlowIp_.data();
            g1 = gSlow_;
            g2 = gSlow_;
            d1 = decSlowE_;
            d2 = decSlowI_;
        }
#pragma omp simd
        for (int i = lo; i < hi; ++i) {
            const float I = g1 * f1[i] + g2 * f2[i] + x[i];
            f1[i] *= d1;
            f2[i] *= d2;
            leakStep(V[i], R[i], I, a, b, vfloor, vreset);
        }
    }
    // Threshold: a vector compare per eight neurons; only the crossings are visited.
    const std::size_t first = out.size();
    spike::findCrossings(V, lo, hi, vth, out);
    for (std::size_t k = first; k < out.size(); ++k) {
        V[out[k]] = vreset;
        R[out[k]] = nref;
    }
}

void EiNetwork::deliver(int lo, int hi, int pop, const SpikeView spikes[3]) {
    auto to = [&](const Proj& pr, int src, float w, NeuronArray& post) {
        pr.csr.deliver(spikes[src].ids, spikes[src].count, w, post.data(), lo, hi);
    };
    if (pop == kPopE) {
        const int N = n_[kPopE];
        if (gFastE_ != 0.f) {
            to(EE_, kPopE, float(EE_.w / p_.tauEf), eFastE_);
            to(IdE_, kPopId, float(IdE_.w / p_.tauIf), eFastId_);
        }
        if (gSlow_ != 0.f) {
            // slow E->E: presynaptic neuron j adds the kernel slice starting at N - j
            constexpr int kChunk = 64;
            const float* rows[kChunk];
            const SpikeView& e = spikes[kPopE];
            for (int s0 = 0; s0 < e.count; s0 += kChunk) {
                const int n = std::min(kChunk, e.count - s0);
                for (int s = 0; s < n; ++s) rows[s] = kernel2_.data() + (N - e.ids[s0 + s]);
                spike::addScaledRows(rows, n, float(wSlowEE_ / tauSlowE_), eSlowE_.data(), lo, hi);
            }
            to(IpE_, kPopIp, float(IpE_.w / p_.tauIs), eSlowIp_);
        }
    } else if (pop == kPopId) {
        if (gFastE_ != 0.f) {
            to(EId_, kPopE, float(EId_.w / p_.tauEf), dFastE_);
            to(IdId_, kPopId, float(IdId_.w / p_.tauIf), dFastId_);
        }
    } else if (gSlow_ != 0.f) {
        to(EIp_, kPopE, float(EIp_.w / tauSlowE_), pSlowE_);
        to(IpIp_, kPopIp, float(IpIp_.w / p_.tauIs), pSlowIp_);
    }
}

int EiNetwork::blockEdge(int pop, int t, int nt) const {
    // Blocks start at multiples of 32 neurons, so bit rows are read in whole words.
    const long n = n_[pop];
    if (t >= nt) return int(n);
    return int(std::min(n, (n * t / nt + 16) / 32 * 32));
}

void EiNetwork::step() {
    if (p_.noise > 0) {  // membrane noise, drawn serially so the stream is thread-count independent
        for (int pop = 0; pop < 3; ++pop) {
            const float s = float(p_.noise * std::sqrt(p_.dt / (pop == kPopE ? p_.tauE : p_.tauI)));
            spike::addNormalNoise(noiseRng_, s, V_[pop].data(), n_[pop]);
        }
    }
    const int T = threads();
    // Each thread integrates, then receives into, its own contiguous block of every population:
    // one barrier per step (all blocks' spikes known before delivery).
    if (int(perThread_.size()) < T) {
        perThread_.resize(std::size_t(T));
        for (auto& th : perThread_)
            for (int pop = 0; pop < 3; ++pop) {
                th.local[pop].reserve(256);
                th.all[pop].reserve(256);
            }
    }
    if (T <= 1) {
        ThreadSpikes& me = perThread_[0];
        SpikeView view[3];
        ensureExternal();
        for (int pop = 0; pop < 3; ++pop) {
            me.local[pop].clear();
            integrate(pop, 0, n_[pop], me.local[pop]);
            view[pop] = {me.local[pop].data(), int(me.local[pop].size())};
        }
        for (int pop = 0; pop < 3; ++pop) deliver(0, n_[pop], pop, view);
        for (int pop = 0; pop < 3; ++pop) spikes_[pop].swap(me.local[pop]);
    } else {
        if (!team_ || team_->size() != T) team_ = std::make_unique<StepTeam>(T);
        const bool refresh = extDirty_;
        team_->run([this, T, refresh](int t) {
            ThreadSpikes& me = perThread_[std::size_t(t)];
            for (int pop = 0; pop < 3; ++pop) {
                const int lo = blockEdge(pop, t, T), hi = blockEdge(pop, t + 1, T);
                if (refresh) refreshExternal(pop, lo, hi);
                me.local[pop].clear();
                integrate(pop, lo, hi, me.local[pop]);
            }
            team_->barrier();
            // every thread gathers all blocks' spikes in neuron order (a few dozen ids)
            SpikeView view[3];
            for (int pop = 0; pop < 3; ++pop) {
                me.all[pop].clear();
                for (int u = 0; u < T; ++u) {
                    const auto& l = perThread_[std::size_t(u)].local[pop];
                    me.all[pop].insert(me.all[pop].end(), l.begin(), l.end());
                }
                view[pop] = {me.all[pop].data(), int(me.all[pop].size())};
            }
            for (int pop = 0; pop < 3; ++pop)
                deliver(blockEdge(pop, t, T), blockEdge(pop, t + 1, T), pop, view);
        });
        for (int pop = 0; pop < 3; ++pop) spikes_[pop].swap(perThread_[0].all[pop]);
        extDirty_ = false;
    }
    // decode: population vector of tauDecode-filtered E spike trains
    decode_ *= decodeDecay_;
    const double inc = 1.0 / p_.tauDecode;
    for (int j : spikes_[kPopE]) decode_ += inc * phase_[std::size_t(j)];
    ++steps_;
    tuner_.stepDone();
}

EiCurrents EiNetwork::currents(int i) const {
    ensureExternal();
    EiCurrents c;
    const auto k = std::size_t(i);
    c.fastE = gFastE_ * eFastE_[k];
    c.fastId = gFastId_ * eFastId_[k];
    c.slowE = gSlow_ * eSlowE_[k];
    c.slowIp = gSlow_ * eSlowIp_[k];
    c.ext = ext_[kPopE][k];
    c.shunt = p_.kappa * (c.fastE + c.slowE + c.ext) * c.slowIp;
    return c;
}

EiCurrents EiNetwork::meanCurrentsE() const {
    // One pass over the arrays (sampled every 0.5 ms by EiSimulation, so kept cheap).
    ensureExternal();
    double fe = 0, fi = 0, se = 0, si = 0, x = 0, sh = 0;
    const int n = n_[kPopE];
    const float* ext = ext_[kPopE].data();
    for (int i = 0; i < n; ++i) {
        const double a = gFastE_ * eFastE_[std::size_t(i)], b = gFastId_ * eFastId_[std::size_t(i)];
        const double c = gSlow_ * eSlowE_[std::size_t(i)], d = gSlow_ * eSlowIp_[std::size_t(i)];
        fe += a;
        fi += b;
        se += c;
        si += d;
        x += ext[i];
        sh += p_.kappa * (a + c + ext[i]) * d;
    }
    EiCurrents m;
    m.fastE = fe / n;
    m.fastId = fi / n;
    m.slowE = se / n;
    m.slowIp = si / n;
    m.ext = x / n;
    m.shunt = sh / n;
    return m;
}

bool EiNetwork::finite() const {
    for (int pop = 0; pop < 3; ++pop)
        for (float v : V_[pop])
            if (!std::isfinite(v)) return false;
    for (const auto* v :
         {&eFastE_, &eFastId_, &eSlowE_, &eSlowIp_, &dFastE_, &dFastId_, &pSlowE_, &pSlowIp_})
        for (float x : *v)
            if (!std::isfinite(x)) return false;
    return true;
}

std::size_t EiNetwork::synapseCount() const {
    std::size_t s = 0;
    for (const Proj* p : {&EE_, &EId_, &IdE_, &IdId_, &EIp_, &IpE_, &IpIp_}) s += p->csr.synapses();
    return s;
}

std::size_t EiNetwork::connectivityBytes() const {
    std::size_t s = kernel2_.size() * sizeof(float);
    for (const Proj* p : {&EE_, &EId_, &IdE_, &IdId_, &EIp_, &IpE_, &IpIp_}) s += p->csr.bytes();
    return s;
}

double EiNetwork::slowKernel(int i, int j) const {
    return wSlowEE_ * kernel2_[std::size_t(n_[kPopE] - j + i)];
}

void EiNetwork::setPotentials(int pop, const std::vector<float>& V) {
    if (V.size() != V_[pop].size()) throw ParamError("potentials of the wrong size");
    V_[pop].assign(V.begin(), V.end());
}

}  // namespace as
