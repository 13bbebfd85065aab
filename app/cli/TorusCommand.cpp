#include "TorusCommand.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "cann/TorusSimulation.h"
#include "core/ParamAccess.h"
#include "io/TorusSession.h"

namespace as::cli {

TorusCommand::TorusCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("torus",
                                 "Run the CANN on a D-torus (3D grid cells) along a 3D trajectory");
    app_->add_option("--dims", dims_, "Lattice dimension D: 1, 2 or 3 (default 3)")->type_name("D");
    app_->add_option("--size", size_, "Neurons per axis n (default 32; the lattice is n^D)")
        ->type_name("N");
    app_->add_option("--trajectory", trajectory_, "off|static|random|helix|external")
        ->type_name("NAME");
    app_->add_option("--set", sets_,
                     "Set a parameter, key=value (repeatable); keys from --list-params")
        ->type_name("KEY=VALUE");
    app_->add_flag("--list-params", listParams_,
                   "List every parameter (key, unit, default, range) and exit");
    app_->add_option("--duration", durationMs_, "Simulated time to run (ms), default 200")
        ->type_name("MS");
    app_->add_option("--out", out_, "Write the session (HDF5) here at the end")
        ->type_name("FILE.h5");
    app_->add_option("--csv", csv_, "Write the recorded traces (CSV) here at the end")
        ->type_name("FILE.csv");
    app_->add_option("--seed", seed_, "Seed of the random walk")->type_name("S");
    app_->add_option("--session", session_, "Continue from a saved session; options override it")
        ->type_name("FILE.h5");
}

void TorusCommand::applyOverrides(TorusParams& p, TrajectoryParams& t) const {
    for (const std::string& text : sets_) applySetting(text, p, t);
    try {
        if (dims_ != 0) p.dims = dims_;
        if (size_ != 0) p.n = size_;
        if (!trajectory_.empty()) t.kind = trajectoryFromName(trajectory_);
        if (!seed_.empty()) t.set("seed", TrajectoryParams::parse("seed", seed_));
        p.check();
        t.check();
    } catch (const ParamError& e) {
        throw CliError(std::string("invalid parameter: ") + e.what());
    }
}

int TorusCommand::run() {
    const CancelPoll poll;  // Ctrl-C stops the run and writes the outputs
    if (listParams_) {
        listParams("torus model (TorusParams)", TorusParams::specs());
        std::printf("\n");
        listParams("trajectory (TrajectoryParams)", TrajectoryParams::specs());
        return kExitOk;
    }
    checkDurationMs(durationMs_);

    std::unique_ptr<TorusSimulation> sim;
    if (!session_.empty()) {
        try {
            sim = loadTorusSession(session_);
        } catch (const SessionError& e) {
            throw CliError(e.what());
        }
        TorusParams p = sim->params();
        TrajectoryParams t = sim->trajectoryParams();
        applyOverrides(p, t);
        if (!(p == sim->params())) sim->setParams(p);
        if (!(t == sim->trajectoryParams())) sim->setTrajectory(t);
        std::printf("continuing session %s at t = %.6g ms (%ld steps)\n", session_.c_str(),
                    sim->time(), sim->steps());
    } else {
        TorusParams p;
        TrajectoryParams t;
        applyOverrides(p, t);
        sim = std::make_unique<TorusSimulation>(p, t);
    }
    const TorusParams& p = sim->params();
    checkDurationSteps(durationMs_, p.dt, force_);
    const long total = std::lround(durationMs_ / p.dt);
    std::printf(
        "torus CANN: %d^%d neurons, k = %.6g (k_c = %.6g), a = %.6g rad, J0 = %.6g, A = %.6g, dt = "
        "%.6g ms\n",
        p.n, p.dims, p.k, p.kCritical(), p.a, p.J0, p.A, p.dt);
    std::printf("convolution: %s\n", sim->model().convolution().name().c_str());
    std::printf("trajectory %s for %.6g ms (%ld steps), grid spacing %.6g x %.6g x %.6g cm\n",
                trajectoryName(sim->trajectoryParams().kind).c_str(), durationMs_, total,
                p.spacing[0], p.spacing[1], p.spacing[2]);

    const auto start = std::chrono::steady_clock::now();
    ProgressPrinter progress("torus", "ms simulated", quiet_);
    const long taken = runSteps(
        total, 500, p.dt, [&](int n) { return long(sim->step(n)); }, [&] { return sim->halted(); },
        progress);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const int code = writeRunOutputs(
        sim->halted(), sim->message(), sim->time(), out_,
        [&](const std::string& path) { saveTorusSession(path, *sim); }, csv_, sim->traces());
    printSummary(*sim, taken, wall);
    return code;
}

void TorusCommand::printSummary(const TorusSimulation& sim, long runSteps,
                                double wallSeconds) const {
    const TorusParams& p = sim.params();
    const auto& u = sim.model().u();
    const double uMax = u.empty() ? NAN : *std::max_element(u.begin(), u.end());
    const double stepsPerSecond = wallSeconds > 0 ? double(runSteps) / wallSeconds : NAN;
    const auto& pos = sim.trajectory().position();
    const auto& est = sim.estimate();
    std::printf("t = %.6g ms: true (%.4g, %.4g, %.4g) cm, estimate (%.4g, %.4g, %.4g) cm\n",
                sim.time(), pos[0], pos[1], pos[2], est[0], est[1], est[2]);
    std::printf(
        "decode error after %.3g ms: mean %.4g cm, max %.4g cm; u_max %.5g (U0 analytic %.5g)\n",
        TorusSimulation::kSettleMs, sim.meanError(), sim.maxError(), uMax, p.analyticU0());
    std::printf("%ld steps in %.3g s (%.3g steps/s)\n", runSteps, wallSeconds, stepsPerSecond);

    const bool measured = sim.time() >= TorusSimulation::kSettleMs;
    JsonSummary j;
    j.add("lab", "torus")
        .add("dims", (long long)p.dims)
        .add("size", (long long)p.n)
        .add("neurons", (long long)sim.model().size())
        .add("convolution", sim.model().convolution().name())
        .add("trajectory", trajectoryName(sim.trajectoryParams().kind))
        .add("mean_error", measured ? std::optional<double>(sim.meanError()) : std::nullopt)
        .add("max_error", measured ? std::optional<double>(sim.maxError()) : std::nullopt)
        .add("final_error", sim.error())
        .add("error_unit", "cm")
        .add("true_x", pos[0])
        .add("true_y", pos[1])
        .add("true_z", pos[2])
        .add("est_x", est[0])
        .add("est_y", est[1])
        .add("est_z", est[2])
        .add("u_max", uMax)
        .add("U0_analytic", p.analyticU0())
        .add("k_c", p.kCritical())
        .add("sim_ms", sim.time())
        .add("steps", (long long)sim.steps())
        .add("run_steps", (long long)runSteps)
        .add("steps_per_s", stepsPerSecond)
        .add("halted", sim.halted());
    if (sim.halted()) j.add("message", sim.message());
    std::fflush(stdout);
    std::cout << j.str() << std::endl;
}

}  // namespace as::cli
