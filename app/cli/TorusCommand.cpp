#include "TorusCommand.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "cann/TorusSession.h"
#include "cann/TorusSimulation.h"
#include "core/ParamAccess.h"

namespace as::cli {

TorusCommand::TorusCommand(CLI::App& parent)
    : SimulationCommand(parent, "torus",
                        "Run the CANN on a D-torus (3D grid cells) along a 3D trajectory") {
    app_->add_option("--dims", dims_, "Lattice dimension D: 1, 2 or 3 (default 3)")->type_name("D");
    app_->add_option("--size", size_, "Neurons per axis n (default 32; the lattice is n^D)")
        ->type_name("N");
    app_->add_option("--trajectory", trajectory_, "off|static|random|helix|external")
        ->type_name("NAME");
    addSimulationOptions("Set a parameter, key=value (repeatable); keys from --list-params",
                         "Write the session (HDF5) here at the end", "Seed of the random walk",
                         "Continue from a saved session; options override it");
}

std::unique_ptr<TorusSimulation> TorusCommand::loadSession(const std::string& path) const {
    return loadTorusSession(path);
}

std::unique_ptr<TorusSimulation> TorusCommand::create(const TorusParams& p,
                                                      const TrajectoryParams& t) const {
    return std::make_unique<TorusSimulation>(p, t);
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

void TorusCommand::describe(const TorusSimulation& sim, long total) {
    const TorusParams& p = sim.params();
    std::printf(
        "torus CANN: %d^%d neurons, k = %.6g (k_c = %.6g), a = %.6g rad, J0 = %.6g, A = %.6g, dt = "
        "%.6g ms\n",
        p.n, p.dims, p.k, p.kCritical(), p.a, p.J0, p.A, p.dt);
    std::printf("convolution: %s\n", sim.model().convolution().name().c_str());
    std::printf("trajectory %s for %.6g ms (%ld steps), grid spacing %.6g x %.6g x %.6g cm\n",
                trajectoryName(sim.trajectoryParams().kind).c_str(), durationMs_, total,
                p.spacing[0], p.spacing[1], p.spacing[2]);
}

void TorusCommand::saveSession(const std::string& path, const TorusSimulation& sim) const {
    saveTorusSession(path, sim);
}

void TorusCommand::printSummary(const TorusSimulation& sim, const Timed& run) const {
    const TorusParams& p = sim.params();
    const auto& u = sim.model().u();
    const double uMax = u.empty() ? NAN : *std::max_element(u.begin(), u.end());
    const auto& pos = sim.trajectory().position();
    const auto& est = sim.estimate();
    std::printf("t = %.6g ms: true (%.4g, %.4g, %.4g) cm, estimate (%.4g, %.4g, %.4g) cm\n",
                sim.time(), pos[0], pos[1], pos[2], est[0], est[1], est[2]);
    std::printf(
        "decode error after %.3g ms: mean %.4g cm, max %.4g cm; u_max %.5g (U0 analytic %.5g)\n",
        SettledError::kSettleMs, sim.meanError(), sim.maxError(), uMax, p.analyticU0());

    const bool measured = sim.time() >= SettledError::kSettleMs;
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
        .add("k_c", p.kCritical());
    printJson(j, sim, run);
}

}  // namespace as::cli
