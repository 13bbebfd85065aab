#include "RingCommand.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "cann/BumpAnalysis.h"
#include "cann/RingSession.h"
#include "cann/RingSimulation.h"
#include "core/ParamAccess.h"

namespace as::cli {

RingCommand::RingCommand(CLI::App& parent)
    : SimulationCommand(parent, "ring", "Run the 1D ring CANN under a stimulus protocol") {
    app_->add_option("--protocol", protocol_, "off|static|persistent|moving|jump|noisy|external")
        ->type_name("NAME");
    addSimulationOptions(
        "Set a parameter, key=value (repeatable); keys from --list-params, enumerations by name "
        "(integrator=rk4)",
        "Write the session (HDF5) here at the end", "Seed of the noisy protocol's random stream",
        "Continue from a saved session (GUI or CLI); --set/--protocol/--seed override it");
}

std::unique_ptr<RingSimulation> RingCommand::loadSession(const std::string& path) const {
    return loadRingSession(path).simulation;
}

std::unique_ptr<RingSimulation> RingCommand::create(const CannParams& p,
                                                    const StimulusParams& s) const {
    return std::make_unique<RingSimulation>(p, s);
}

void RingCommand::applyOverrides(CannParams& p, StimulusParams& s) const {
    for (const std::string& text : sets_) applySetting(text, p, s);
    try {
        if (!protocol_.empty()) s.protocol = protocolFromName(protocol_);
        if (!seed_.empty()) s.set("seed", StimulusParams::parse("seed", seed_));
    } catch (const ParamError& e) {
        throw CliError(e.what());
    }
    try {
        p.check();
        s.check();
    } catch (const ParamError& e) {
        throw CliError(std::string("invalid parameter: ") + e.what());
    }
}

void RingCommand::describe(const RingSimulation& sim, long total) {
    const CannParams& p = sim.params();
    std::printf(
        "ring CANN: N = %d, k = %.6g (k_c = %.6g), a = %.6g rad, J0 = %.6g, A = %.6g, dt = %.6g "
        "ms, %s\n",
        p.N, p.k, p.kCritical(), p.a, p.J0, p.A, p.dt,
        findSpec(CannParams::specs(), "integrator")->choices.at(std::size_t(p.integrator)).c_str());
    std::printf("protocol %s for %.6g ms (%ld steps)\n",
                protocolName(sim.stimulusParams().protocol).c_str(), durationMs_, total);
    t0_ = sim.time();
    stimulusClock0_ = sim.stimulus().localTime();
}

void RingCommand::saveSession(const std::string& path, const RingSimulation& sim) const {
    saveRingSession(path, sim, "ring");
}

void RingCommand::printSummary(const RingSimulation& sim, const Timed& run) const {
    const double t0 = t0_, stimulusClock0 = stimulusClock0_;
    const CannParams& p = sim.params();
    const StimulusParams& s = sim.stimulusParams();
    const auto& u = sim.model().u();
    const auto& r = sim.model().r();
    const double uMax = u.empty() ? NAN : *std::max_element(u.begin(), u.end());
    const double rMax = r.empty() ? NAN : *std::max_element(r.begin(), r.end());
    const BumpShape bump = measureBump(sim.model().positions(), r);
    const double decoded = rMax > 0 ? sim.decode().angle : NAN;

    std::optional<double> lag, t95;
    if (s.protocol == Protocol::Moving)
        lag = trackingLag(sim.traces(), t0 + 0.5 * (sim.time() - t0));
    if (s.protocol == Protocol::Jump) {
        // The protocol clock may not start at t0 (a continued session): map t_jump to run time.
        const double tJump = t0 + (s.t_jump - stimulusClock0);
        t95 = timeTo95(sim.traces(), tJump, s.z0, s.z0 + s.dz);
    }
    std::printf(
        "t = %.6g ms: decoded %.4f rad, u_max %.5g (U0 analytic %.5g), r_max %.5g (r0 analytic "
        "%.5g)\n",
        sim.time(), decoded, uMax, p.analyticU0(), rMax, p.analyticR0());
    if (lag) std::printf("tracking lag %.5g rad over the second half\n", *lag);
    if (t95) std::printf("time to 95%% of the jump %.5g ms\n", *t95);
    JsonSummary j;
    j.add("lab", "ring")
        .add("protocol", protocolName(s.protocol))
        .add("decoded_rad", decoded)
        .add("u_max", uMax)
        .add("r_max", rMax)
        .add("k_c", p.kCritical())
        .add("U0_analytic", p.analyticU0())
        .add("r0_analytic", p.analyticR0())
        .add("lag_rad", lag)
        .add("t95_ms", t95)
        .add("bump_width_rad", rMax > 0 ? bump.width : NAN)
        .add("run_ms", sim.time() - t0);
    printJson(j, sim, run);
}

}  // namespace as::cli
