#include "Hd2dCommand.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "cann/Hd2dSimulation.h"
#include "core/ParamAccess.h"
#include "io/Hd2dSession.h"
#include "io/SessionFile.h"

namespace as::cli {
namespace {
/// The HD lab's defaults: 64 neurons per ring and per sheet axis, a slow head turn (rad/ms).
TorusParams hd2dDefaults() {
    TorusParams p;
    p.dims = 2;
    p.n = 64;
    return p;
}
TrajectoryParams headingDefaults() {
    TrajectoryParams h;
    h.speed = 0.005;
    h.momentum_ms = 100;
    h.radius = 1.0;
    h.period = 2000;
    h.rise = 0.0;
    return h;
}
}  // namespace

Hd2dCommand::Hd2dCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("hd2d",
                                 "2D head direction: two decoupled rings vs a coupled 2D sheet");
    app_->add_option("--size", size_, "Neurons per ring and per sheet axis (default 64)")
        ->type_name("N");
    app_->add_option("--heading", heading_,
                     "off|static|random|helix|external (helix: a circle in heading space)")
        ->type_name("NAME");
    app_->add_option("--azimuth", azimuth_, "Start azimuth (rad), default 0")->type_name("RAD");
    app_->add_option("--pitch", pitch_, "Start pitch (rad), default 0")->type_name("RAD");
    app_->add_option("--set", sets_,
                     "Set a parameter, key=value (repeatable); keys from --list-params")
        ->type_name("KEY=VALUE");
    app_->add_flag("--list-params", listParams_, "List every parameter and exit");
    app_->add_option("--duration", durationMs_, "Simulated time to run (ms), default 200")
        ->type_name("MS");
    app_->add_option("--out", out_, "Write the session (HDF5, group /hd2d) here at the end")
        ->type_name("FILE.h5");
    app_->add_option("--csv", csv_, "Write the recorded traces (CSV) here at the end")
        ->type_name("FILE.csv");
    app_->add_option("--seed", seed_, "Seed of the random head turns")->type_name("S");
    app_->add_option(
            "--session", session_,
            "Continue from a saved session (its /hd2d group, from this command or the GUI); "
            "options override it")
        ->type_name("FILE.h5");
}

void Hd2dCommand::applyOverrides(TorusParams& p, TrajectoryParams& h) const {
    for (const std::string& text : sets_) {
        const std::string key = splitSetting(text).first;
        if (key == "dims" || key.rfind("spacing_", 0) == 0)
            throw CliError("'" + key +
                           "' does not apply to hd2d (rings are 1D, the sheet 2D, angles in rad)");
        applySetting(text, p, h);
    }
    try {
        if (size_ != 0) p.n = size_;
        if (!heading_.empty()) h.kind = trajectoryFromName(heading_);
        if (!seed_.empty()) h.set("seed", TrajectoryParams::parse("seed", seed_));
        Hd2dSimulation::checkParams(p);
        h.check();
    } catch (const ParamError& e) {
        throw CliError(std::string("invalid parameter: ") + e.what());
    }
    if (!std::isfinite(azimuth_) || !std::isfinite(pitch_))
        throw CliError("--azimuth and --pitch must be finite");
}

int Hd2dCommand::run() {
    const CancelPoll poll;  // Ctrl-C stops the run and writes the outputs
    if (listParams_) {
        std::vector<ParamSpec> model;
        for (const auto& s : TorusParams::specs())
            if (s.key != "dims" && s.key.rfind("spacing_", 0) != 0) model.push_back(s);
        listParams("head-direction models (rings and sheet)", model);
        std::printf("\n");
        listParams("heading (TrajectoryParams; angles in rad, speeds in rad/ms)",
                   TrajectoryParams::specs());
        return kExitOk;
    }
    checkDurationMs(durationMs_);
    std::unique_ptr<Hd2dSimulation> sim;
    if (!session_.empty()) {
        try {
            sim = loadHd2dSession(session_);
        } catch (const SessionError& e) {
            throw CliError(e.what());
        }
        TorusParams p = sim->params();
        TrajectoryParams h = sim->headingParams();
        applyOverrides(p, h);
        if (!(p == sim->params())) sim->setParams(p);
        if (!(h == sim->headingParams())) sim->setHeadingParams(h);
        // The heading continues from the file unless --azimuth or --pitch is given.
        if (app_->count("--azimuth") > 0 || app_->count("--pitch") > 0) {
            const auto z = sim->heading();
            sim->setHeading(app_->count("--azimuth") > 0 ? azimuth_ : z[0],
                            app_->count("--pitch") > 0 ? pitch_ : z[1]);
        }
        std::printf("continuing session %s at t = %.6g ms (%ld steps)\n", session_.c_str(),
                    sim->time(), sim->steps());
    } else {
        TorusParams p = hd2dDefaults();
        TrajectoryParams h = headingDefaults();
        applyOverrides(p, h);
        sim = std::make_unique<Hd2dSimulation>(p, h);
        sim->setHeading(azimuth_, pitch_);
    }
    const TorusParams& p = sim->params();
    const TrajectoryParams& h = sim->headingParams();
    checkDurationSteps(durationMs_, p.dt, force_);
    const long total = std::lround(durationMs_ / p.dt);
    std::printf(
        "hd2d: two rings of %d beside a %d x %d sheet, k = %.6g, a = %.6g rad, dt = %.6g ms\n", p.n,
        p.n, p.n, p.k, p.a, p.dt);
    std::printf("heading %s for %.6g ms (%ld steps)\n", trajectoryName(h.kind).c_str(), durationMs_,
                total);

    const auto start = std::chrono::steady_clock::now();
    ProgressPrinter progress("hd2d", "ms simulated", quiet_);
    const long taken = runSteps(
        total, 1000, p.dt, [&](int n) { return long(sim->step(n)); }, [&] { return sim->halted(); },
        progress);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const int code = writeRunOutputs(
        sim->halted(), sim->message(), sim->time(), out_,
        [&](const std::string& path) { saveHd2dSession(path, *sim); }, csv_, sim->traces());
    printSummary(*sim, taken, wall);
    return code;
}

void Hd2dCommand::printSummary(const Hd2dSimulation& sim, long runSteps, double wallSeconds) const {
    const TorusParams& p = sim.params();
    const double stepsPerSecond = wallSeconds > 0 ? double(runSteps) / wallSeconds : NAN;
    const auto z = sim.heading();
    const auto& rd = sim.ringsDecode();
    const auto& sd = sim.sheetDecode();
    std::printf("t = %.6g ms: heading (%.4f, %.4f) rad; rings (%.4f, %.4f), sheet (%.4f, %.4f)\n",
                sim.time(), z[0], z[1], rd[0].angle, rd[1].angle, sd[0].angle, sd[1].angle);
    std::printf(
        "mean error: rings %.4g rad, sheet %.4g rad; model step rates: rings %.3g/s, sheet "
        "%.3g/s\n",
        sim.ringsMeanError(), sim.sheetMeanError(), sim.ringsStepsPerSecond(),
        sim.sheetStepsPerSecond());
    const bool measured = sim.time() >= Hd2dSimulation::kSettleMs;
    const auto opt = [&](double v) { return measured ? std::optional<double>(v) : std::nullopt; };
    JsonSummary j;
    j.add("lab", "hd2d")
        .add("dims", 2LL)
        .add("size", (long long)p.n)
        .add("heading", trajectoryName(sim.headingParams().kind))
        .add("mean_error", opt(sim.ringsMeanError()))
        .add("max_error", opt(sim.ringsMaxError()))
        .add("sheet_mean_error", opt(sim.sheetMeanError()))
        .add("sheet_max_error", opt(sim.sheetMaxError()))
        .add("error_unit", "rad")
        .add("azimuth", z[0])
        .add("pitch", z[1])
        .add("rings_azimuth", rd[0].angle)
        .add("rings_pitch", rd[1].angle)
        .add("sheet_azimuth", sd[0].angle)
        .add("sheet_pitch", sd[1].angle)
        .add("rings_steps_per_s", sim.ringsStepsPerSecond())
        .add("sheet_steps_per_s", sim.sheetStepsPerSecond())
        .add("sim_ms", sim.time())
        .add("steps", (long long)sim.steps())
        .add("steps_per_s", stepsPerSecond)
        .add("halted", sim.halted());
    if (sim.halted()) j.add("message", sim.message());
    std::fflush(stdout);
    std::cout << j.str() << std::endl;
}

}  // namespace as::cli
