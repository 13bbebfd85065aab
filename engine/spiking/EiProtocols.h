#pragma once
// The paper's protocols on the spiking network (seed 001 Fig. 2-5), each one call that runs one or
// more simulations and returns a result: the standard summary (rates, ISI CV, decode error, t95,
// lag, persistence), protocol-specific values, and a table for CSV. Long runs poll `cancel` and
// report progress; a cancelled or diverged run returns what finished, with the outcome.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "spiking/EiSimulation.h"

namespace as {

struct EiProtocolRequest {
    std::string name = "persistent";  ///< one of eiProtocolNames()
    EiParams params;                  ///< params.mode is the mode under test
    double durationMs = 0;            ///< <= 0: the protocol's default
    int threads = 0;                  ///< OpenMP threads per network (0: automatic)
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(double)> progress;  ///< fraction in [0, 1] of the whole protocol
};

struct EiProtocolResult {
    std::string protocol;
    EiMode mode = EiMode::Coupled;
    RunOutcome outcome = RunOutcome::Completed;
    std::string message;
    double simMs = 0;                                ///< simulated time of the primary run
    double rateE = NAN, rateIp = NAN, rateId = NAN;  ///< Hz, primary run after its first 10%
    double cvIsi = NAN;                              ///< mean ISI CV of E neurons
    double decodeError = NAN;       ///< mean |decoded - stimulus| while the bump is on (rad)
    double t95 = NAN;               ///< adaptation time after a sudden change (ms), jump protocol
    double lag = NAN, lagSd = NAN;  ///< tracking lag (rad), tracking and lag protocols
    int persistent = -1;            ///< persistent / fastcann: 1 if the bump outlived the stimulus
    std::vector<std::pair<std::string, double>> values;  ///< protocol-specific results
    std::vector<std::string> columns;                    ///< table for CSV
    std::vector<std::vector<double>> rows;
    std::unique_ptr<EiSimulation> primary;       ///< the primary run (spikes, traces)
    double value(const std::string& key) const;  ///< NaN if absent
};

const std::vector<std::string>& eiProtocolNames();
/// One-line description of a protocol.
std::string eiProtocolDescription(const std::string& name);
/// Default duration (ms) of a protocol.
double eiProtocolDefaultMs(const std::string& name);
/// Runs a protocol; throws ParamError for an unknown name or invalid params.
EiProtocolResult runEiProtocol(const EiProtocolRequest& request);

/// Whether a bump outlived the stimulus: over the last 40% of [tOff, end) the decode magnitude is
/// above 25% of its mean while the stimulus was on and the decode stays within 0.5 rad of z.
bool bumpPersists(const TraceBuffer& tr, double tOn, double tOff, double z,
                  double* ratio = nullptr);

}  // namespace as
