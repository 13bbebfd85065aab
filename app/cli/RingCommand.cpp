#include "RingCommand.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "cann/BumpAnalysis.h"
#include "cann/RingSimulation.h"
#include "core/ParamAccess.h"
#include "io/RingSession.h"

namespace as::cli {

RingCommand::RingCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("ring", "Run the 1D ring CANN under a stimulus protocol");
    app_->add_option("--set", sets_,
                     "Set a parameter, key=value (repeatable); keys from --list-params, "
                     "enumerations by name (integrator=rk4)")
        ->type_name("KEY=VALUE");
    app_->add_flag("--list-params", listParams_,
                   "List every parameter (key, unit, default, range) and exit");
    app_->add_option("--protocol", protocol_, "off|static|persistent|moving|jump|noisy|external")
        ->type_name("NAME");
    app_->add_option("--duration", durationMs_, "Simulated time to run (ms), default 200")
        ->type_name("MS");
    app_->add_option("--out", out_, "Write the session (HDF5) here at the end")
        ->type_name("FILE.h5");
    app_->add_option("--csv", csv_, "Write the recorded traces (CSV) here at the end")
        ->type_name("FILE.csv");
    app_->add_option("--seed", seed_, "Seed of the noisy protocol's random stream")->type_name("S");
    app_->add_option(
            "--session", session_,
            "Continue from a saved session (GUI or CLI); --set/--protocol/--seed override it")
        ->type_name("FILE.h5");
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

int RingCommand::run() {
    const CancelPoll poll;  // Ctrl-C stops the run and writes the outputs
    if (listParams_) {
        listParams("ring model (CannParams)", CannParams::specs());
        std::printf("\n");
        listParams("stimulus (StimulusParams)", StimulusParams::specs());
        return kExitOk;
    }

    checkDurationMs(durationMs_);

    std::unique_ptr<RingSimulation> sim;
    if (!session_.empty()) {
        try {
            sim = loadRingSession(session_).simulation;
        } catch (const SessionError& e) {
            throw CliError(e.what());
        }
        CannParams p = sim->params();
        StimulusParams s = sim->stimulusParams();
        applyOverrides(p, s);
        if (!(p == sim->params())) sim->setParams(p);
        if (!(s == sim->stimulusParams())) sim->setStimulus(s);  // restarts the protocol clock
        std::printf("continuing session %s at t = %.6g ms (%ld steps)\n", session_.c_str(),
                    sim->time(), sim->steps());
    } else {
        CannParams p;
        StimulusParams s;
        applyOverrides(p, s);
        sim = std::make_unique<RingSimulation>(p, s);
    }

    const CannParams& p = sim->params();
    checkDurationSteps(durationMs_, p.dt, force_);
    const long total = std::lround(durationMs_ / p.dt);
    std::printf(
        "ring CANN: N = %d, k = %.6g (k_c = %.6g), a = %.6g rad, J0 = %.6g, A = %.6g, dt = %.6g "
        "ms, %s\n",
        p.N, p.k, p.kCritical(), p.a, p.J0, p.A, p.dt,
        findSpec(CannParams::specs(), "integrator")->choices.at(std::size_t(p.integrator)).c_str());
    std::printf("protocol %s for %.6g ms (%ld steps)\n",
                protocolName(sim->stimulusParams().protocol).c_str(), durationMs_, total);

    const double t0 = sim->time();
    const double clock0 = sim->stimulus().localTime();
    const auto start = std::chrono::steady_clock::now();
    ProgressPrinter progress("ring", "ms simulated", quiet_);
    const long taken = runSteps(
        total, 1000, p.dt, [&](int n) { return long(sim->step(n)); }, [&] { return sim->halted(); },
        progress);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const int code = writeRunOutputs(
        sim->halted(), sim->message(), sim->time(), out_,
        [&](const std::string& path) { saveRingSession(path, *sim, "ring"); }, csv_, sim->traces());
    printSummary(*sim, t0, clock0, taken, wall);
    return code;
}

void RingCommand::printSummary(const RingSimulation& sim, double t0, double stimulusClock0,
                               long runSteps, double wallSeconds) const {
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
    const double stepsPerSecond = wallSeconds > 0 ? double(runSteps) / wallSeconds : NAN;

    std::printf(
        "t = %.6g ms: decoded %.4f rad, u_max %.5g (U0 analytic %.5g), r_max %.5g (r0 analytic "
        "%.5g)\n",
        sim.time(), decoded, uMax, p.analyticU0(), rMax, p.analyticR0());
    if (lag) std::printf("tracking lag %.5g rad over the second half\n", *lag);
    if (t95) std::printf("time to 95%% of the jump %.5g ms\n", *t95);
    std::printf("%ld steps in %.3g s (%.3g steps/s)\n", runSteps, wallSeconds, stepsPerSecond);

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
        .add("sim_ms", sim.time())
        .add("run_ms", sim.time() - t0)
        .add("steps", (long long)sim.steps())
        .add("run_steps", (long long)runSteps)
        .add("steps_per_s", stepsPerSecond)
        .add("halted", sim.halted());
    if (sim.halted()) j.add("message", sim.message());
    std::fflush(stdout);
    std::cout << j.str() << std::endl;
}

}  // namespace as::cli
