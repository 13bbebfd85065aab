#include "SurrogateCommand.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include "CancelSignal.h"
#include "CliClock.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "core/ParamAccess.h"
#include "io/Hdf5Handle.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateTrainer.h"

namespace as::cli {
namespace {

using namespace as::surrogate;
SurrogateCase parseCase(const std::string& name) {
    try {
        return caseFromName(name);
    } catch (const std::invalid_argument& e) {
        throw CliError(e.what());
    }
}

SurrogateDataset loadDataset(const std::string& path) {
    if (path.empty()) throw CliError("--dataset FILE.h5 is required");
    try {
        return SurrogateDataset::load(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot read dataset: ") + e.what());
    }
}

}  // namespace

SurrogateModel loadSurrogateModel(const std::string& path) {
    if (path.empty()) throw CliError("--model FILE.h5 is required");
    try {
        return SurrogateModel::load(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot read model: ") + e.what());
    }
}

SurrogateCommand::SurrogateCommand(CLI::App& parent)
    : Command(parent, "surrogate",
              "Surrogate lab (CAN2ANN): datasets, training, evaluation, benchmark") {
    app_->add_option("action", action_, "dataset | train | eval | bench")
        ->check(CLI::IsMember({"dataset", "train", "eval", "bench"}));
    app_->add_option("--case", case_, "ring (default) | hd2d | grid3d")->type_name("CASE");
    app_->add_option("--dataset", dataset_,
                     "Dataset file: written by dataset, read by train/eval/bench")
        ->type_name("FILE.h5");
    app_->add_option("--model", model_, "Model file: written by train, read by eval/bench")
        ->type_name("FILE.h5");
    app_->add_option("--checkpoint", checkpoint_,
                     "train: write the best model so far here after each improvement")
        ->type_name("FILE.h5");
    app_->add_option("--set", sets_,
                     "train: architecture/training parameter; dataset: teacher parameter (grid3d: "
                     "of the torus) "
                     "(key=value, repeatable; "
                     "see --list-params)")
        ->type_name("KEY=VALUE");
    app_->add_flag("--list-params", listParams_,
                   "List the training and teacher parameters and exit");
    app_->add_option("--sequences", sequences_, "dataset: sequences per channel (default 100)");
    app_->add_option("--steps", steps_,
                     "dataset: input steps per sequence; --session: input steps compared (default "
                     "1000)");
    app_->add_option("--session", session_,
                     "Run the lab's live comparison from a saved session (its model and input)")
        ->type_name("FILE.h5");
    app_->add_option(
        "--process", process_,
        "dataset: walk | ou | jumps | mixture | all (default) | random3d | helix (the last "
        "two: the torus lab's 3D paths; all = s mod 4, grid3d s mod 6)");
    app_->add_option("--input-step-ms", inputStepMs_,
                     "dataset: ms of ODE time per input step (default 1)");
    app_->add_option("--seed", seed_, "dataset: seed of the input sequences (default 1)");
    app_->add_option("--bench-steps", benchSteps_, "bench: input steps timed (default 2000)");
}

void SurrogateCommand::addCommon(JsonSummary& j, const std::string& cell) const {
    j.add("action", action_).add("case", case_).add("cell", cell);
}

int SurrogateCommand::run() {
    if (listParams_) {
        listParams("training (TrainParams)", TrainParams::specs());
        std::printf("\n");
        listParams("teacher ring CANN (CannParams; dataset default dt = 0.2 ms)",
                   CannParams::specs());
        std::printf("\n");
        listParams(
            "teacher of --case grid3d: the 3D torus CANN (TorusParams; dataset default "
            "n = 32, dt = 0.2 ms)",
            TorusParams::specs());
        return kExitOk;
    }
    if (!session_.empty()) {
        if (!action_.empty()) throw CliError("--session takes no action (got '" + action_ + "')");
        const CancelPoll poll;  // Ctrl-C ends the comparison; what ran is reported
        action_ = "session";
        return runSession();
    }
    if (action_.empty())
        throw CliError("surrogate needs an action (dataset, train, eval or bench) or --session");
    parseCase(case_);
    if (action_ == "eval") return runEval();  // seconds: Ctrl-C quits at once
    const CancelPoll poll;  // dataset, train and bench poll Ctrl-C and write what they reached
    if (action_ == "dataset") return runDataset();
    if (action_ == "train") return runTrain();
    return runBench();
}

int SurrogateCommand::runDataset() {
    if (dataset_.empty()) throw CliError("--dataset FILE.h5 (the output) is required");
    DatasetParams p;
    p.which = parseCase(case_);
    p.sequences = sequences_;
    p.steps = steps_;
    p.inputStepMs = inputStepMs_;
    p.seed = std::uint64_t(seed_);
    try {
        if (!process_.empty()) p.process.kind = processFromName(process_);
        for (const std::string& text : sets_) {
            const auto [key, value] = splitSetting(text);
            if (p.which == SurrogateCase::Grid3d)
                p.torus.set(key, TorusParams::parse(key, value));
            else
                p.teacher.set(key, CannParams::parse(key, value));
        }
        p.check();
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("invalid dataset parameter: ") + e.what());
    }
    const double teacherSteps =
        double(caseChannels(p.which).size()) * p.sequences *
        (double(p.steps) * p.odeStepsPerInput() + p.settleMs / p.teacherDt());
    checkStepBudget(teacherSteps,
                    "the dataset (" + std::to_string(p.sequences) + " sequences x " +
                        std::to_string(p.steps) + " input steps x " +
                        std::to_string(p.odeStepsPerInput()) + " ODE steps)",
                    force_);
    const auto t0 = Clock::now();
    ProgressPrinter progress("surrogate dataset", "sequences", quiet_);
    const SurrogateDataset d = SurrogateDataset::generate(
        p, [&](int done, int total) { progress.update(done, total); }, cancelFlag());
    const double seconds = secondsSince(t0);
    const bool cancelled = cancelRequested();
    if (cancelled && d.sequences < 2) {
        std::fprintf(
            stderr,
            "attractor-cli: cancelled after %d sequence(s); no dataset written (it needs 2)\n",
            d.sequences);
        return kExitCancelled;
    }
    if (cancelled)
        std::fprintf(stderr, "attractor-cli: cancelled: writing the %d sequences finished of %d\n",
                     d.sequences, sequences_);
    try {
        d.save(dataset_);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot write dataset: ") + e.what(), kExitFailure);
    }
    std::printf(
        "dataset: %d channel(s) x %d sequences x %d steps, %d ODE steps of %.4g ms per input step, "
        "%.1f s\n",
        d.channels, d.sequences, d.steps, p.odeStepsPerInput(), p.teacherDt(), seconds);
    JsonSummary j;
    addCommon(j, "");
    j.addNull("val_mse_rad2")
        .addNull("val_mse_components")
        .addNull("ode_us_per_step")
        .addNull("surrogate_us_per_step")
        .addNull("speedup");
    j.add("sequences", (long long)d.sequences)
        .add("steps", (long long)d.steps)
        .add("ode_steps_per_input", (long long)p.odeStepsPerInput())
        .add("component_scale", d.componentScale)
        .add("seconds", seconds)
        .add("file", dataset_)
        .add("cancelled", cancelled);
    std::printf("%s\n", j.str().c_str());
    return cancelled ? kExitCancelled : kExitOk;
}

int SurrogateCommand::runTrain() {
    if (model_.empty()) throw CliError("--model FILE.h5 (the output) is required");
    const SurrogateCase which = parseCase(case_);
    const SurrogateDataset d = loadDataset(dataset_);
    if (d.which != which)
        throw CliError("the dataset is for case " + std::string(caseName(d.which)) + ", not " +
                       case_);
    TrainParams tp;
    try {
        for (const std::string& text : sets_) {
            const auto [key, value] = splitSetting(text);
            tp.set(key, TrainParams::parse(key, value));
        }
        tp.check();
    } catch (const ParamError& e) {
        throw CliError(std::string("invalid training parameter: ") + e.what());
    }
    SurrogateModel m = SurrogateModel::create(which, tp, d);
    double sumAngle = 0, sumComp = 0, seconds = 0;
    std::string outcome;
    ProgressPrinter printer("surrogate train", "epochs", quiet_);
    for (int c = 0; c < d.channels && !cancelRequested(); ++c) {
        SurrogateTrainer trainer(d, c, tp);
        auto progress = [&](const TrainProgress& pr) {
            // Early stopping may end a channel before maxEpochs: the time left is an upper bound.
            printer.update(double(c) * pr.maxEpochs + pr.epoch, double(d.channels) * pr.maxEpochs);
            if (!quiet_)
                std::printf(
                    "%s epoch %d: train %.3e  val %.3e  val angle %.3e rad^2  lr %.2e  %.1f s%s\n",
                    m.channels[std::size_t(c)].c_str(), pr.epoch, pr.trainLoss, pr.valLoss,
                    pr.valAngleMse, pr.learningRate, pr.seconds, pr.improved ? " *" : "");
            std::fflush(stdout);
        };
        auto checkpoint = [&](SurrogateNet<float>&, const TrainProgress&) {
            if (!checkpoint_.empty()) m.save(checkpoint_);
        };
        TrainResult r = trainer.run(*m.nets[std::size_t(c)], progress, cancelFlag(), checkpoint);
        std::printf("%s: %s after %d epochs (best %d): %s\n", m.channels[std::size_t(c)].c_str(),
                    outcomeName(r.outcome), r.epochs, r.bestEpoch, r.message.c_str());
        sumAngle += r.best.mseAngle;
        sumComp += r.best.mseComponents;
        seconds += r.seconds;
        if (outcome.empty() || r.outcome != TrainOutcome::Converged)
            outcome = outcomeName(r.outcome);
        m.results.push_back(std::move(r));
    }
    const bool cancelled = cancelRequested();
    if (cancelled && int(m.results.size()) < d.channels) {
        // A model file with an untrained channel would pass for a trained one: not written.
        std::fprintf(
            stderr, "attractor-cli: cancelled before channel %zu was trained; no model written%s\n",
            m.results.size() + 1,
            checkpoint_.empty() ? "" : " (the checkpoint holds the best so far)");
        return kExitCancelled;
    }
    if (cancelled)
        std::fprintf(stderr,
                     "attractor-cli: cancelled: writing the model with its best weights so far\n");
    try {
        m.save(model_);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot write model: ") + e.what(), kExitFailure);
    }
    JsonSummary j;
    addCommon(j, cellName(tp.cell));
    j.add("val_mse_rad2", sumAngle / d.channels)
        .add("val_mse_components", sumComp / d.channels)
        .addNull("ode_us_per_step")
        .addNull("surrogate_us_per_step")
        .addNull("speedup");
    j.add("outcome", outcome).add("train_seconds", seconds).add("file", model_);
    std::printf("%s\n", j.str().c_str());
    if (cancelled) return kExitCancelled;
    return outcome == "diverged" ? kExitFailure : kExitOk;
}

int SurrogateCommand::runEval() {
    SurrogateModel m = loadSurrogateModel(model_);
    const SurrogateDataset d = loadDataset(dataset_);
    if (d.which != m.which) throw CliError("the model and the dataset are for different cases");
    double sumAngle = 0, sumComp = 0;
    for (int c = 0; c < d.channels; ++c) {
        const Evaluation e =
            evaluate(*m.nets[std::size_t(c)], d, c, d.trainSequences(), d.sequences);
        std::printf("%s: validation MSE angle %.3e rad^2, components %.3e (%d sequences)\n",
                    m.channels[std::size_t(c)].c_str(), e.mseAngle, e.mseComponents,
                    d.sequences - d.trainSequences());
        sumAngle += e.mseAngle;
        sumComp += e.mseComponents;
    }
    JsonSummary j;
    case_ = caseName(m.which);
    addCommon(j, cellName(m.params.cell));
    j.add("val_mse_rad2", sumAngle / d.channels)
        .add("val_mse_components", sumComp / d.channels)
        .addNull("ode_us_per_step")
        .addNull("surrogate_us_per_step")
        .addNull("speedup");
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

}  // namespace as::cli
