#pragma once
// The spiking E-I balanced network with CANN synapses (seed 001 eq 1-7, models.md §2): LIF
// populations E, I_p (PV, shunting) and I_d (SST); fast random sparse E-INN synapses and slow
// structured CANN synapses. One step() advances dt as a list of named phases:
//   integrateMembranes()  input currents from the synaptic variables, exponential-Euler LIF,
//                         threshold, reset, refractory; synaptic variables decay exactly
//   propagateSpikes()     event-driven: each spike adds its weight to its targets (CSR rows) and,
//                         for E spikes, a shifted copy of the E->E Gaussian kernel (no N_E^2
//                         matrix)
//   updateDecode()        the population vector decays and gains e^{i theta_j} per E spike
// Exponential synapses are linear, so each projection keeps one postsynaptic variable per target
// neuron (sum_j g_ij f_j) that jumps by g/tau per presynaptic spike; spikes of step n act from
// step n+1. Work splits into contiguous blocks of target neurons over OpenMP threads; each
// variable is updated in the same order whatever the thread count, so runs are reproducible.
#include <complex>
#include <cstdint>
#include <memory>
#include <vector>

#include "spiking/AdaptiveThreadCount.h"
#include "spiking/CacheLineAllocator.h"
#include "spiking/EiParams.h"
#include "spiking/SparseProjection.h"
#include "spiking/StepTeam.h"

namespace as {

enum EiPop : int { kPopE = 0, kPopIp = 1, kPopId = 2 };
const char* eiPopName(int pop);  ///< "E", "Ip", "Id"

/// External input: I_ext = scale (bg + height G(theta - z)), G = exp(-d^2 / 2 stimA^2).
struct EiInput {
    double z = 0.0;       ///< stimulus centre (rad)
    double height = 0.0;  ///< bump height above the background (0: uniform input)
    double bg = 0.1;      ///< uniform background
    bool operator==(const EiInput&) const = default;
};

/// Current components of one E neuron (eq 2-6), as they enter its next step.
struct EiCurrents {
    double fastE = 0, fastId = 0;  ///< Omega^E (> 0), Omega^Id (< 0): fast E-INN inputs
    double slowE = 0, slowIp = 0;  ///< Gamma^E (> 0), Gamma^Ip (< 0): slow CANN inputs
    double ext = 0;                ///< I_ext
    double shunt = 0;              ///< kappa (Omega^E + Gamma^E + I_ext) Gamma^Ip
    double epsc() const { return fastE + slowE + ext; }      ///< all excitatory current
    double ipsc() const { return fastId + slowIp + shunt; }  ///< all inhibitory current (< 0)
    double total() const { return epsc() + ipsc(); }
};

class EiNetwork {
  public:
    /// Builds the connectivity from params.seed; throws ParamError if params.check() fails.
    explicit EiNetwork(const EiParams& params);

    const EiParams& params() const { return p_; }
    /// Switches the mode on the running network: synaptic variables of projections that turn
    /// off are cleared; the fastcann mode changes the E CANN synapse time constant.
    void setMode(EiMode mode);
    EiMode mode() const { return p_.mode; }
    void setInput(const EiInput& in);
    const EiInput& input() const { return input_; }
    /// Threads used by step(): at most n (0, the default: the cores OpenMP may use). Between 1
    /// and n the measured step time decides (AdaptiveThreadCount), so more threads are never
    /// kept when they are slower; `exact` forces n (tests, benchmarks). Results do not depend on
    /// the count.
    void setThreads(int n, bool exact = false);
    /// Threads the next step will use.
    int threads() const;
    /// The automatic choice's measurements (ns per step with 1 and with all threads).
    const AdaptiveThreadCount& threadTuner() const { return tuner_; }

    void step();
    long steps() const { return steps_; }
    double time() const { return double(steps_) * p_.dt; }

    int size(int pop) const { return n_[pop]; }
    const std::vector<double>& angles(int pop) const { return theta_[pop]; }
    /// Neurons of `pop` that spiked in the last step, ascending.
    const SpikeIds& spikes(int pop) const { return spikes_[pop]; }
    const NeuronArray& potentials(int pop) const { return V_[pop]; }

    EiCurrents currents(int i) const;  ///< of E neuron i
    EiCurrents meanCurrentsE() const;  ///< population mean over E
    /// Population vector v = sum_j x_j e^{i theta_j}, x_j the spike train of E neuron j filtered
    /// with tauDecode (so |v| is in spikes/ms); R = arg v (eq 8).
    std::complex<double> populationVector() const { return decode_; }
    /// Whether every potential and synaptic variable is finite (for the watchdog).
    bool finite() const;
    std::size_t synapseCount() const;
    std::size_t connectivityBytes() const;
    /// Kernel row used for E spike j's slow E->E input to E neuron i (per unit trace).
    double slowKernel(int i, int j) const;

    /// Membrane state only (session round trips rebuild the network from the seed).
    void setPotentials(int pop, const std::vector<float>& V);

  private:
    struct Proj {
        SparseProjection csr;
        float w = 0;  // synaptic weight g (the jump is g / tau)
    };
    void integrate(int pop, int lo, int hi, SpikeIds& out);
    struct SpikeView {
        const int* ids = nullptr;  // ascending
        int count = 0;
    };
    void deliver(int lo, int hi, int pop,
                 const SpikeView spikes[3]);              // into target pop, neurons [lo, hi)
    int blockEdge(int pop, int t, int nt) const;          // first neuron of thread t's block of nt
    void refreshExternal(int pop, int lo, int hi) const;  // ext_ of neurons [lo, hi) from input_
    void ensureExternal() const;                          // all of ext_, if the input changed
    void updateGains();

    EiParams p_;
    int n_[3];
    std::vector<double> theta_[3];
    NeuronArray thetaF_[3];  // the same angles in float, for the input profile
    NeuronArray V_[3], refr_[3];
    mutable NeuronArray ext_[3];  // external input, refreshed lazily after setInput
    // postsynaptic synaptic variables
    NeuronArray eFastE_, eFastId_, eSlowE_, eSlowIp_;  // on E
    NeuronArray dFastE_, dFastId_;                     // on I_d
    NeuronArray pSlowE_, pSlowIp_;                     // on I_p
    Proj EE_, EId_, IdE_, IdId_, EIp_, IpE_, IpIp_;
    std::vector<float> kernel2_;  // E->E Gaussian over index difference, length 2 N_E
    float wSlowEE_ = 0;
    // mode gains and step constants
    float gFastE_ = 1, gFastId_ = 1, gSlow_ = 1;
    double tauSlowE_ = 150;
    float decFastE_ = 0, decFastI_ = 0, decSlowE_ = 0, decSlowI_ = 0;
    float alpha_[3], beta_[3];
    float nRef_ = 0;
    struct alignas(64) ThreadSpikes {  // one cache-line-aligned set per thread
        SpikeIds local[3];             // the step's spikes of this thread's blocks
        SpikeIds all[3];               // all blocks' spikes (multi-thread steps)
    };
    std::vector<ThreadSpikes> perThread_;
    std::unique_ptr<StepTeam> team_;  // created at the first multi-thread step
    // Everything above is read by every thread during a step and written only between runs;
    // what the calling thread writes every step starts on its own cache line, so the other
    // threads' copies of the constants above stay valid (false sharing cost ~0.5 µs a step).
    alignas(64) SpikeIds spikes_[3];
    EiInput input_;
    mutable bool extDirty_ = true;
    std::complex<double> decode_{0, 0};
    double decodeDecay_ = 1;
    std::vector<std::complex<double>> phase_;
    long steps_ = 0;
    int threads_ = 0;
    bool exactThreads_ = false;
    AdaptiveThreadCount tuner_;
    SpikeRng noiseRng_;
};

}  // namespace as
