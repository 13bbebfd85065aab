// attractor-cli surrogate bench (SurrogateCommand's timing action): the teacher ODE and the
// surrogate on the same input sequence, with progress and Ctrl-C (the steps finished are measured).
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "CancelSignal.h"
#include "CliClock.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "SurrogateCommand.h"
#include "core/ParamAccess.h"
#include "surrogate/InputProcess.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/TorusOdeStepper.h"

namespace as::cli {
namespace {

using namespace as::surrogate;
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
}  // namespace

int SurrogateCommand::runBench() {
    SurrogateModel m = loadSurrogateModel(model_);
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
    // The dense ODE is ~30x slower: time fewer steps (at least 50).
    const int denseSteps = std::min(std::max(50, benchSteps_ / 10), benchSteps_);
    checkStepBudget(double(benchSteps_ + denseSteps) * k + 2.0 * settle,
                    "the bench (" + std::to_string(benchSteps_ + denseSteps) + " input steps x " +
                        std::to_string(k) + " ODE steps)",
                    force_);
    ProgressPrinter progress("surrogate bench", "ODE input steps", quiet_);
    int odeDone = 0;
    // Times n input steps (fewer after Ctrl-C: `done` says how many); us per input step.
    auto timeOde = [&](OdeBackend b, std::vector<Decode>* out, int n, int& done) {
        OdeStepper ode(m.teacher, b, k);
        ode.settle(seq[0], settle);
        const auto t0 = Clock::now();
        for (done = 0; done < n && !cancelRequested(); ++done) {
            const Decode dec = ode.step(seq[std::size_t(done)]);
            if (out) out->push_back(dec);
            if (done % 64 == 63) progress.update(odeDone + done + 1, benchSteps_ + denseSteps);
        }
        odeDone += done;
        return done > 0 ? secondsSince(t0) * 1e6 / done : NAN;
    };
    std::vector<Decode> ode;
    ode.reserve(seq.size());
    int fftDone = 0, denseDone = 0;
    const double fftUs = timeOde(OdeBackend::Fft, &ode, benchSteps_, fftDone);
    const double denseUs = timeOde(OdeBackend::Dense, nullptr, denseSteps, denseDone);
    const bool cancelled = cancelRequested();
    // After Ctrl-C: the steps the FFT ODE finished are compared (nothing if under 10).
    const int n = fftDone;
    if (cancelled && n < 10) {
        std::fprintf(stderr, "attractor-cli: cancelled after %d input steps; nothing measured\n",
                     n);
        return kExitCancelled;
    }
    if (cancelled)
        std::fprintf(
            stderr,
            "attractor-cli: cancelled: measured over the %d input steps finished (dense ODE: %d)\n",
            n, denseDone);
    // Surrogate: channel 0 (every channel is one such net; hd2d runs two).
    const int channels = int(m.nets.size());
    SurrogateStream stream(*m.nets[0], m.componentScale);
    std::vector<StreamDecode> sur(seq.size());
    const auto t0 = Clock::now();
    for (int t = 0; t < n; ++t) sur[std::size_t(t)] = stream.step(seq[std::size_t(t)]);
    const double surUs = secondsSince(t0) * 1e6 / n;
    double mseA = 0, mseC = 0;
    for (int t = 0; t < n; ++t) {
        const double e =
            std::remainder(sur[std::size_t(t)].angle - ode[std::size_t(t)].angle, 2 * M_PI);
        mseA += e * e;
        const double dc =
            (sur[std::size_t(t)].sumCos - ode[std::size_t(t)].sumCos) / m.componentScale;
        const double ds =
            (sur[std::size_t(t)].sumSin - ode[std::size_t(t)].sumSin) / m.componentScale;
        mseC += 0.5 * (dc * dc + ds * ds);
    }
    mseA /= n;
    mseC /= n;
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
        .add("bench_steps", (long long)n)
        .add("cancelled", cancelled);
    std::printf("%s\n", j.str().c_str());
    return cancelled ? kExitCancelled : kExitOk;
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
    const bool twoOdes = choiceName(tp, "convolution") != "fft";
    const int odeTotal = benchSteps_ * (twoOdes ? 2 : 1);
    checkStepBudget(double(odeTotal) * k + 2.0 * settle,
                    "the bench (" + std::to_string(odeTotal) + " input steps x " +
                        std::to_string(k) + " ODE steps)",
                    force_);
    ProgressPrinter progress("surrogate bench", "ODE input steps", quiet_);
    int odeDone = 0;
    std::vector<std::array<Decode, 3>> ode(static_cast<std::size_t>(benchSteps_));
    double odeCpuUs = 0;
    // Times the input steps (fewer after Ctrl-C: `done` says how many); us per input step.
    auto timeOde = [&](const TorusParams& p, bool keep, int& done) {
        TorusOdeStepper torus(p, k);
        torus.settle(seq.data(), settle);
        const auto t0 = Clock::now();
        const double c0 = threadCpuSeconds();
        for (done = 0; done < benchSteps_ && !cancelRequested(); ++done) {
            const auto& dec = torus.step(seq.data() + 3 * done);
            if (keep) ode[std::size_t(done)] = dec;
            if (done % 8 == 7) progress.update(odeDone + done + 1, odeTotal);
        }
        odeDone += done;
        if (keep) odeCpuUs = (threadCpuSeconds() - c0) * 1e6 / done;
        return done > 0 ? secondsSince(t0) * 1e6 / done : NAN;
    };
    int n = 0, fftDone = 0;
    const double odeUs = timeOde(tp, true, n);
    // The full-FFT ODE too, in the same run (the Torus lab's default picks a cheaper method).
    TorusParams fft = tp;
    fft.set("convolution", TorusParams::parse("convolution", "fft"));
    const double fftUs = twoOdes ? timeOde(fft, false, fftDone) : odeUs;
    const bool cancelled = cancelRequested();
    if (cancelled && n < 10) {
        std::fprintf(stderr, "attractor-cli: cancelled after %d input steps; nothing measured\n",
                     n);
        return kExitCancelled;
    }
    if (cancelled)
        std::fprintf(stderr,
                     "attractor-cli: cancelled: measured over the %d input steps finished "
                     "(full-FFT ODE: %d)\n",
                     n, twoOdes ? fftDone : n);
    SurrogateStream stream(*m.nets[0], m.componentScale);
    std::vector<std::array<StreamDecode, 3>> sur(static_cast<std::size_t>(n));
    const auto t1 = Clock::now();
    const double c1 = threadCpuSeconds();
    for (int t = 0; t < n; ++t) stream.step(seq.data() + 3 * t, sur[std::size_t(t)].data());
    const double surCpuUs = (threadCpuSeconds() - c1) * 1e6 / n;
    const double surUs = secondsSince(t1) * 1e6 / n;
    double mseA = 0, mseC = 0;
    for (std::size_t t = 0; t < std::size_t(n); ++t)
        for (std::size_t a = 0; a < 3; ++a) {
            const double e = std::remainder(sur[t][a].angle - ode[t][a].angle, 2 * M_PI);
            mseA += e * e;
            const double dc = (sur[t][a].sumCos - ode[t][a].sumCos) / m.componentScale;
            const double ds = (sur[t][a].sumSin - ode[t][a].sumSin) / m.componentScale;
            mseC += 0.5 * (dc * dc + ds * ds);
        }
    mseA /= 3.0 * n;
    mseC /= 3.0 * n;
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
        .add("bench_steps", (long long)n)
        .add("cancelled", cancelled);
    std::printf("%s\n", j.str().c_str());
    return cancelled ? kExitCancelled : kExitOk;
}

}  // namespace as::cli
