#pragma once
// The one skeleton of the simulation subcommands (ring, torus, hd2d): the options they share
// (--set, --list-params, --duration, --out, --csv, --seed, --session), opening a saved session or
// building from defaults with the overrides applied, the timed stepping loop with progress and
// Ctrl-C, and the outputs. A lab's command supplies its parameter structs P (model) and Q (input:
// stimulus, trajectory or heading), its session reader and its summary.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "CancelSignal.h"
#include "CliCommand.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "io/SessionFile.h"

namespace as::cli {

template <class Sim, class P, class Q>
class SimulationCommand : public Command {
  public:
    bool canValidate() const override { return true; }

    /// The one run of every simulation command: --list-params, or open (or create) the
    /// simulation, check the step budget, describe the run, step it with progress and Ctrl-C,
    /// write the outputs and print the summary (its last line JSON).
    int run() override {
        const CancelPoll poll;  // Ctrl-C stops the run and writes the outputs
        if (listParams_) {
            listParams(modelTitle(), modelSpecs());
            std::printf("\n");
            listParams(inputTitle(), Q::specs());
            return kExitOk;
        }
        checkDurationMs(durationMs_);
        const std::unique_ptr<Sim> sim = openOrCreate();
        if (!sim) return kExitOk;  // validate-only: checked, nothing built
        afterOpen(*sim);
        checkDurationSteps(durationMs_, sim->params().dt, force_);
        if (validateOnly_) return kExitOk;
        const long total = std::lround(durationMs_ / sim->params().dt);
        describe(*sim, total);
        const Timed run = runTimed(*sim, total, chunkSteps());
        const int code =
            writeOutputs(*sim, [&](const std::string& path) { saveSession(path, *sim); });
        printSummary(*sim, run);
        return code;
    }

  protected:
    SimulationCommand(CLI::App& parent, const std::string& name, const std::string& description)
        : Command(parent, name, description), name_(name) {}

    /// Registers the shared options; the texts say what --seed drives and what --session reads.
    void addSimulationOptions(const std::string& setHelp, const std::string& outHelp,
                              const std::string& seedHelp, const std::string& sessionHelp) {
        app_->add_option("--set", sets_, setHelp)->type_name("KEY=VALUE");
        app_->add_flag("--list-params", listParams_,
                       "List every parameter (key, unit, default, range) and exit");
        app_->add_option("--duration", durationMs_, "Simulated time to run (ms), default 200")
            ->type_name("MS");
        app_->add_option("--out", out_, outHelp)->type_name("FILE.h5");
        app_->add_option("--csv", csv_, "Write the recorded traces (CSV) here at the end")
            ->type_name("FILE.csv");
        app_->add_option("--seed", seed_, seedHelp)->type_name("S");
        app_->add_option("--session", session_, sessionHelp)->type_name("FILE.h5");
    }

    struct Timed {
        long steps = 0;
        double wallSeconds = 0;
        double stepsPerSecond() const {
            return wallSeconds > 0 ? double(steps) / wallSeconds
                                   : std::numeric_limits<double>::quiet_NaN();
        }
    };

    // The lab's parts.
    virtual std::string modelTitle() const = 0;  ///< --list-params heading of P's table
    virtual std::string inputTitle() const = 0;  ///< and of Q's
    virtual std::vector<ParamSpec> modelSpecs() const { return P::specs(); }
    /// After the simulation is opened or created (e.g. a start position from the options).
    virtual void afterOpen(Sim& sim) const { (void)sim; }
    /// The lines printed before the run (model, input, steps); may note the start state.
    virtual void describe(const Sim& sim, long totalSteps) = 0;
    virtual int chunkSteps() const { return 1000; }  ///< steps between progress checks
    virtual void saveSession(const std::string& path, const Sim& sim) const = 0;
    /// The human lines and the JSON summary (end it with printJson).
    virtual void printSummary(const Sim& sim, const Timed& run) const = 0;
    virtual std::unique_ptr<Sim> loadSession(const std::string& path) const = 0;
    virtual std::unique_ptr<Sim> create(const P& model, const Q& input) const = 0;
    virtual P defaultModel() const { return P{}; }
    virtual Q defaultInput() const { return Q{}; }
    virtual const Q& input(const Sim& sim) const = 0;
    virtual void setInput(Sim& sim, const Q& input) const = 0;
    /// Applies --set, --seed and the lab's own options to p and q, then checks them (CliError).
    virtual void applyOverrides(P& model, Q& input) const = 0;

    /// The session named by --session with the overrides applied (only what changed is pushed,
    /// so an unchanged input keeps its clock), or a new simulation from the defaults. In
    /// validate-only mode (`sweep plan`) a new simulation is not built: nullptr once the
    /// arguments and the step budget are checked.
    std::unique_ptr<Sim> openOrCreate() const {
        if (session_.empty()) {
            P p = defaultModel();
            Q q = defaultInput();
            applyOverrides(p, q);
            if (validateOnly_) {
                checkDurationSteps(durationMs_, p.dt, force_);
                return nullptr;
            }
            return create(p, q);
        }
        std::unique_ptr<Sim> sim;
        try {
            sim = loadSession(session_);
        } catch (const SessionError& e) {
            throw CliError(e.what());
        }
        P p = sim->params();
        Q q = input(*sim);
        applyOverrides(p, q);
        if (!(p == sim->params())) sim->setParams(p);
        if (!(q == input(*sim))) setInput(*sim, q);
        std::printf("continuing session %s at t = %.6g ms (%ld steps)\n", session_.c_str(),
                    sim->time(), sim->steps());
        return sim;
    }

    /// Steps `total` steps in chunks of `chunk` with progress, until done, halted or Ctrl-C.
    Timed runTimed(Sim& sim, long total, int chunk) const {
        const auto start = std::chrono::steady_clock::now();
        ProgressPrinter progress(name_, "ms simulated", quiet_);
        Timed t;
        t.steps = runSteps(
            total, chunk, sim.params().dt, [&](int n) { return long(sim.step(n)); },
            [&] { return sim.halted(); }, progress);
        t.wallSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return t;
    }
    /// The session (--out, written by save) and the traces (--csv); the exit code of the run.
    int writeOutputs(const Sim& sim, const std::function<void(const std::string&)>& save) const {
        return writeRunOutputs(sim.halted(), sim.message(), sim.time(), out_, save, csv_,
                               sim.traces());
    }

    /// Prints the steps line, then `j` completed with what every simulation reports (sim_ms,
    /// steps, run_steps, steps_per_s, halted, message) as the last stdout line.
    void printJson(JsonSummary& j, const Sim& sim, const Timed& run) const {
        std::printf("%ld steps in %.3g s (%.3g steps/s)\n", run.steps, run.wallSeconds,
                    run.stepsPerSecond());
        j.add("sim_ms", sim.time())
            .add("steps", (long long)sim.steps())
            .add("run_steps", (long long)run.steps)
            .add("steps_per_s", run.stepsPerSecond())
            .add("halted", sim.halted());
        if (sim.halted()) j.add("message", sim.message());
        std::fflush(stdout);
        std::cout << j.str() << std::endl;
    }

    std::string name_;
    std::vector<std::string> sets_;
    bool listParams_ = false;
    std::string out_, csv_, seed_, session_;
    double durationMs_ = 200.0;
};

}  // namespace as::cli
