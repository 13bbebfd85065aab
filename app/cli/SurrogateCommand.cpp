#include "SurrogateCommand.h"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>

#include "JsonSummary.h"
#include "core/ParamAccess.h"
#include "io/Hdf5Handle.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/SurrogateTrainer.h"
#include "surrogate/TorusOdeStepper.h"

namespace as::cli {
namespace {

using namespace as::surrogate;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

SurrogateCase parseCase(const std::string& name) {
    try {
        return caseFromName(name);
    } catch (const std::invalid_argument& e) {
        throw CliError(e.what());
    }
}

/// CPU time of the calling thread (s): unlike wall time, not inflated when a loaded machine
/// deschedules the thread.
double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

/// The choice name of an enumerated TorusParams key ("" if it has none).
std::string choiceName(const TorusParams& p, const std::string& key) {
    for (const auto& spec : TorusParams::specs())
        if (spec.key == key && !spec.choices.empty())
            return spec.choices.at(std::size_t(p.get(key)));
    return {};
}

SurrogateDataset loadDataset(const std::string& path) {
    if (path.empty()) throw CliError("--dataset FILE.h5 is required");
    try {
        return SurrogateDataset::load(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot read dataset: ") + e.what());
    }
}

SurrogateModel loadModel(const std::string& path) {
    if (path.empty()) throw CliError("--model FILE.h5 is required");
    try {
        return SurrogateModel::load(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot read model: ") + e.what());
    }
}

}  // namespace

SurrogateCommand::SurrogateCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "surrogate", "Surrogate lab (CAN2ANN): datasets, training, evaluation, benchmark");
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
    app_->add_option("--steps", steps_, "dataset: input steps per sequence (default 1000)");
    app_->add_option(
        "--process", process_,
        "dataset: walk | ou | jumps | mixture | all (default) | random3d | helix (the last "
        "two: the torus lab's 3D paths; all = s mod 4, grid3d s mod 6)");
    app_->add_option("--input-step-ms", inputStepMs_,
                     "dataset: ms of ODE time per input step (default 1)");
    app_->add_option("--seed", seed_, "dataset: seed of the input sequences (default 1)");
    app_->add_option("--bench-steps", benchSteps_, "bench: input steps timed (default 2000)");
    app_->add_flag("--quiet", quiet_, "train: no per-epoch lines");
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
    if (action_.empty()) throw CliError("surrogate needs an action: dataset, train, eval or bench");
    parseCase(case_);
    if (action_ == "dataset") return runDataset();
    if (action_ == "train") return runTrain();
    if (action_ == "eval") return runEval();
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
    const auto t0 = Clock::now();
    const SurrogateDataset d = SurrogateDataset::generate(p);
    const double seconds = secondsSince(t0);
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
        .add("file", dataset_);
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
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
    for (int c = 0; c < d.channels; ++c) {
        SurrogateTrainer trainer(d, c, tp);
        auto progress = [&](const TrainProgress& pr) {
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
        TrainResult r = trainer.run(*m.nets[std::size_t(c)], progress, nullptr, checkpoint);
        std::printf("%s: %s after %d epochs (best %d): %s\n", m.channels[std::size_t(c)].c_str(),
                    outcomeName(r.outcome), r.epochs, r.bestEpoch, r.message.c_str());
        sumAngle += r.best.mseAngle;
        sumComp += r.best.mseComponents;
        seconds += r.seconds;
        if (outcome.empty() || r.outcome != TrainOutcome::Converged)
            outcome = outcomeName(r.outcome);
        m.results.push_back(std::move(r));
    }
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
    return outcome == "diverged" ? kExitFailure : kExitOk;
}

int SurrogateCommand::runEval() {
    SurrogateModel m = loadModel(model_);
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

int SurrogateCommand::runBench() {
    SurrogateModel m = loadModel(model_);
    case_ = caseName(m.which);
    if (benchSteps_ < 10 || benchSteps_ > 10000000)
        throw CliError("--bench-steps must be in [10, 1e7]");
    if (m.which == SurrogateCase::Grid3d) return runBenchGrid3d(m);
    const int k = int(std::lround(m.inputStepMs / m.teacher.dt));
    // One input sequence (the mixture process), the same for the ODE and the surrogate.
    ProcessParams pp;
    const std::vector<double> seq =
        generateSequence(pp, ProcessKind::Mixture, benchSteps_, std::uint64_t(seed_) + 777);
    const int settle = int(std::lround(20.0 / m.teacher.dt));
    auto timeOde = [&](OdeBackend b, std::vector<Decode>* out, int n) {
        OdeStepper ode(m.teacher, b, k);
        ode.settle(seq[0], settle);
        const auto t0 = Clock::now();
        for (int t = 0; t < n; ++t) {
            const Decode dec = ode.step(seq[std::size_t(t)]);
            if (out) out->push_back(dec);
        }
        return secondsSince(t0) * 1e6 / n;
    };
    std::vector<Decode> ode;
    ode.reserve(seq.size());
    const double fftUs = timeOde(OdeBackend::Fft, &ode, benchSteps_);
    // The dense ODE is ~30x slower: time fewer steps (at least 50).
    const int denseSteps = std::max(50, benchSteps_ / 10);
    const double denseUs = timeOde(OdeBackend::Dense, nullptr, std::min(denseSteps, benchSteps_));
    // Surrogate: channel 0 (every channel is one such net; hd2d runs two).
    const int channels = int(m.nets.size());
    SurrogateStream stream(*m.nets[0], m.componentScale);
    std::vector<StreamDecode> sur(seq.size());
    const auto t0 = Clock::now();
    for (int t = 0; t < benchSteps_; ++t) sur[std::size_t(t)] = stream.step(seq[std::size_t(t)]);
    const double surUs = secondsSince(t0) * 1e6 / benchSteps_;
    double mseA = 0, mseC = 0;
    for (int t = 0; t < benchSteps_; ++t) {
        const double e =
            std::remainder(sur[std::size_t(t)].angle - ode[std::size_t(t)].angle, 2 * M_PI);
        mseA += e * e;
        const double dc =
            (sur[std::size_t(t)].sumCos - ode[std::size_t(t)].sumCos) / m.componentScale;
        const double ds =
            (sur[std::size_t(t)].sumSin - ode[std::size_t(t)].sumSin) / m.componentScale;
        mseC += 0.5 * (dc * dc + ds * ds);
    }
    mseA /= benchSteps_;
    mseC /= benchSteps_;
    std::printf(
        "per input step (%d ODE steps of %.4g ms, N = %d): FFT ODE %.2f us, dense ODE %.2f us, "
        "surrogate %.3f us\n",
        k, m.teacher.dt, m.teacher.N, fftUs, denseUs, surUs);
    std::printf(
        "speed-up: %.1fx over the FFT ODE, %.1fx over the dense ODE; bench-sequence MSE %.3e "
        "rad^2\n",
        fftUs / surUs, denseUs / surUs, mseA);
    JsonSummary j;
    addCommon(j, cellName(m.params.cell));
    j.add("val_mse_rad2", mseA)
        .add("val_mse_components", mseC)
        .add("ode_us_per_step", fftUs * channels)
        .add("surrogate_us_per_step", surUs * channels)
        .add("speedup", fftUs / surUs)
        .add("dense_ode_us_per_step", denseUs * channels)
        .add("speedup_dense", denseUs / surUs)
        .add("ode_steps_per_input", (long long)k)
        .add("N", (long long)m.teacher.N)
        .add("bench_steps", (long long)benchSteps_);
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

// The 3D torus ODE (TorusSimulation, FFT, the Torus lab's code) and the 6-output surrogate on the
// same 3D input (the mixture process on every axis). No dense ODE here: at 32^3 its O(n^6) product
// is 1.1e9 multiply-adds per Euler step.
int SurrogateCommand::runBenchGrid3d(SurrogateModel& m) {
    const int k = m.odeStepsPerInput();
    ProcessParams pp;
    const std::vector<double> seq = generateInputs(pp, ProcessKind::Mixture, 3, benchSteps_,
                                                   m.inputStepMs, std::uint64_t(seed_) + 777);
    // --set overrides the ODE's numerical settings (e.g. convolution=fft), not the teacher's model.
    TorusParams tp = m.torus;
    try {
        for (const std::string& text : sets_) {
            const auto [key, value] = splitSetting(text);
            if (key != "convolution")
                throw ParamError("bench --set takes only convolution=auto|fft|separable|pruned");
            tp.set(key, TorusParams::parse(key, value));
        }
        tp.check();
    } catch (const ParamError& e) {
        throw CliError(std::string("invalid bench setting: ") + e.what());
    }
    const int settle = int(std::lround(20.0 / tp.dt));
    std::vector<std::array<Decode, 3>> ode(static_cast<std::size_t>(benchSteps_));
    double odeCpuUs = 0;
    auto timeOde = [&](const TorusParams& p, bool keep) {
        TorusOdeStepper torus(p, k);
        torus.settle(seq.data(), settle);
        const auto t0 = Clock::now();
        const double c0 = threadCpuSeconds();
        for (int t = 0; t < benchSteps_; ++t) {
            const auto& dec = torus.step(seq.data() + 3 * t);
            if (keep) ode[std::size_t(t)] = dec;
        }
        if (keep) odeCpuUs = (threadCpuSeconds() - c0) * 1e6 / benchSteps_;
        return secondsSince(t0) * 1e6 / benchSteps_;
    };
    const double odeUs = timeOde(tp, true);
    // The full-FFT ODE too, in the same run (the Torus lab's default picks a cheaper method).
    TorusParams fft = tp;
    fft.set("convolution", TorusParams::parse("convolution", "fft"));
    const double fftUs = choiceName(tp, "convolution") == "fft" ? odeUs : timeOde(fft, false);
    SurrogateStream stream(*m.nets[0], m.componentScale);
    std::vector<std::array<StreamDecode, 3>> sur(static_cast<std::size_t>(benchSteps_));
    const auto t1 = Clock::now();
    const double c1 = threadCpuSeconds();
    for (int t = 0; t < benchSteps_; ++t)
        stream.step(seq.data() + 3 * t, sur[std::size_t(t)].data());
    const double surCpuUs = (threadCpuSeconds() - c1) * 1e6 / benchSteps_;
    const double surUs = secondsSince(t1) * 1e6 / benchSteps_;
    double mseA = 0, mseC = 0;
    for (std::size_t t = 0; t < std::size_t(benchSteps_); ++t)
        for (std::size_t a = 0; a < 3; ++a) {
            const double e = std::remainder(sur[t][a].angle - ode[t][a].angle, 2 * M_PI);
            mseA += e * e;
            const double dc = (sur[t][a].sumCos - ode[t][a].sumCos) / m.componentScale;
            const double ds = (sur[t][a].sumSin - ode[t][a].sumSin) / m.componentScale;
            mseC += 0.5 * (dc * dc + ds * ds);
        }
    mseA /= 3.0 * benchSteps_;
    mseC /= 3.0 * benchSteps_;
    std::printf(
        "per input step (%d ODE steps of %.4g ms, %d^3 torus, convolution %s): ODE %.2f us, "
        "surrogate %.3f us\n",
        k, tp.dt, tp.n, choiceName(tp, "convolution").c_str(), odeUs, surUs);
    std::printf("full-FFT ODE %.2f us per input step: speed-up %.1fx\n", fftUs, fftUs / surUs);
    std::printf("thread CPU time per input step: ODE %.2f us, surrogate %.3f us: speed-up %.1fx\n",
                odeCpuUs, surCpuUs, odeCpuUs / surCpuUs);
    std::printf(
        "speed-up: %.1fx over the ODE; bench-sequence MSE %.3e rad^2 (mean of 3 "
        "angles), components %.3e\n",
        odeUs / surUs, mseA, mseC);
    JsonSummary j;
    addCommon(j, cellName(m.params.cell));
    j.add("val_mse_rad2", mseA)
        .add("val_mse_components", mseC)
        .add("ode_us_per_step", odeUs)
        .add("surrogate_us_per_step", surUs)
        .add("speedup", odeUs / surUs)
        .add("ode_cpu_us_per_step", odeCpuUs)
        .add("surrogate_cpu_us_per_step", surCpuUs)
        .add("speedup_cpu", odeCpuUs / surCpuUs)
        .add("fft_ode_us_per_step", fftUs)
        .add("speedup_fft", fftUs / surUs)
        .addNull("dense_ode_us_per_step")
        .addNull("speedup_dense")
        .add("ode_steps_per_input", (long long)k)
        .add("n", (long long)m.torus.n)
        .add("convolution", choiceName(tp, "convolution"))
        .add("bench_steps", (long long)benchSteps_);
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

}  // namespace as::cli
