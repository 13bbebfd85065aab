#include "Hd2dCommand.h"

#include <cmath>
#include <cstdio>
#include <iostream>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "cann/Hd2dSession.h"
#include "cann/Hd2dSimulation.h"
#include "core/ParamAccess.h"
#include "io/SessionFile.h"

namespace as::cli {

TorusParams Hd2dCommand::defaultModel() const {
    return Hd2dSimulation::defaultParams();
}
TrajectoryParams Hd2dCommand::defaultInput() const {
    return Hd2dSimulation::defaultHeading();
}

Hd2dCommand::Hd2dCommand(CLI::App& parent)
    : SimulationCommand(parent, "hd2d",
                        "2D head direction: two decoupled rings vs a coupled 2D sheet") {
    app_->add_option("--size", size_, "Neurons per ring and per sheet axis (default 64)")
        ->type_name("N");
    app_->add_option("--heading", heading_,
                     "off|static|random|helix|external (helix: a circle in heading space)")
        ->type_name("NAME");
    app_->add_option("--azimuth", azimuth_, "Start azimuth (rad), default 0")->type_name("RAD");
    app_->add_option("--pitch", pitch_, "Start pitch (rad), default 0")->type_name("RAD");
    addSimulationOptions(
        "Set a parameter, key=value (repeatable); keys from --list-params",
        "Write the session (HDF5, group /hd2d) here at the end", "Seed of the random head turns",
        "Continue from a saved session (its /hd2d group, from this command or the GUI); options "
        "override it");
}

std::unique_ptr<Hd2dSimulation> Hd2dCommand::loadSession(const std::string& path) const {
    return loadHd2dSession(path);
}

std::unique_ptr<Hd2dSimulation> Hd2dCommand::create(const TorusParams& p,
                                                    const TrajectoryParams& h) const {
    return std::make_unique<Hd2dSimulation>(p, h);
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

std::vector<ParamSpec> Hd2dCommand::modelSpecs() const {
    std::vector<ParamSpec> model;
    for (const auto& s : TorusParams::specs())
        if (s.key != "dims" && s.key.rfind("spacing_", 0) != 0) model.push_back(s);
    return model;
}

void Hd2dCommand::afterOpen(Hd2dSimulation& sim) const {
    const bool az = app_->count("--azimuth") > 0, pi = app_->count("--pitch") > 0;
    if (session_.empty() || az || pi) {
        const auto z = sim.heading();
        sim.setHeading(session_.empty() || az ? azimuth_ : z[0],
                       session_.empty() || pi ? pitch_ : z[1]);
    }
}

void Hd2dCommand::describe(const Hd2dSimulation& sim, long total) {
    const TorusParams& p = sim.params();
    const TrajectoryParams& h = sim.headingParams();
    std::printf(
        "hd2d: two rings of %d beside a %d x %d sheet, k = %.6g, a = %.6g rad, dt = %.6g ms\n", p.n,
        p.n, p.n, p.k, p.a, p.dt);
    std::printf("heading %s for %.6g ms (%ld steps)\n", trajectoryName(h.kind).c_str(), durationMs_,
                total);
}

void Hd2dCommand::saveSession(const std::string& path, const Hd2dSimulation& sim) const {
    saveHd2dSession(path, sim);
}

void Hd2dCommand::printSummary(const Hd2dSimulation& sim, const Timed& run) const {
    const TorusParams& p = sim.params();
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
    const bool measured = sim.time() >= SettledError::kSettleMs;
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
        .add("sheet_steps_per_s", sim.sheetStepsPerSecond());
    printJson(j, sim, run);
}

}  // namespace as::cli
