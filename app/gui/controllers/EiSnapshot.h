#pragma once
// What the E-I lab's views draw, frozen by the worker after a tick and handed over as
// std::shared_ptr<const EiSnapshot>: the last seconds of spikes and traces, never live state.
#include <QMetaType>
#include <cstdint>
#include <vector>

#include "spiking/EiParams.h"

namespace as::gui {

struct EiSnapshot {
    double t = 0;         ///< simulated time (ms)
    as::EiParams params;  ///< including the current mode
    bool bumpOn = true;
    double z = 0;               ///< stimulus position (rad)
    double simMsPerSecond = 0;  ///< simulated ms per wall-clock second while playing
    int sizes[3] = {0, 0, 0};   ///< E, Ip, Id
    std::vector<double> spikeTimes[3];
    std::vector<std::uint32_t> spikeIds[3];
    // traces over the window, one row per 0.5 ms sample
    std::vector<double> tt, decoded, confidence, stimulus, rateE, rateIp, rateId;
    /// current components of the probe E neuron (N_E / 2, preferred angle 0)
    std::vector<double> probeEpsc, probeIpsc, probeTotal;
    /// power spectrum of the E population rate (Fig. 2C) over the last second, 2 ms bins (up to 250
    /// Hz), recomputed every 200 simulated ms; empty before 200 ms have run
    std::vector<double> spectrumHz, spectrumPower;
};

}  // namespace as::gui
