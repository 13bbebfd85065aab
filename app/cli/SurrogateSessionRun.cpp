// attractor-cli surrogate --session FILE: the Surrogate lab's live comparison, headless. The
// session names the model file and the input source; the teacher ODE (FFT; grid3d: the 3D torus)
// and the surrogate run side by side on that source's input (surrogate/InputProcess.h,
// liveInputs: the lab's sequence; the mouse holds every angle at 0), from the ODE settled at the
// first input as in the lab, and the running error is the lab's: the mean over steps and angles of
// the wrapped angle difference squared.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "SurrogateCommand.h"
#include "io/SessionFile.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateSession.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/TorusOdeStepper.h"

namespace as::cli {

using namespace as::surrogate;
using Clock = std::chrono::steady_clock;

int SurrogateCommand::runSession() {
    SurrogateSessionState st;
    try {
        st = loadSurrogateSession(session_);
    } catch (const SessionError& e) {
        throw CliError(e.what());
    }
    const std::string where = "session '" + session_ + "': ";
    if (st.modelPath.empty())
        throw CliError(where + "the Surrogate lab ran no model (/surrogate model_path is empty)");
    SurrogateModel m;
    try {
        m = loadSurrogateModel(st.modelPath);
    } catch (const CliError& e) {
        throw CliError(where + "/surrogate model_path: " + e.what());
    }
    if (steps_ < 1 || steps_ > 10000000) throw CliError("--steps must be in [1, 1e7]");
    case_ = caseName(m.which);
    const int axes = m.axes(), k = m.odeStepsPerInput();
    const int settle = int(std::lround(20.0 / m.teacherDt()));
    const int odes = m.which == SurrogateCase::Grid3d ? 1 : axes;
    checkStepBudget(double(odes) * (double(steps_) * k + settle),
                    "the comparison (" + std::to_string(steps_) + " input steps x " +
                        std::to_string(k) + " ODE steps)",
                    force_);
    std::vector<double> seq = liveInputs(st.source, axes, steps_, m.inputStepMs);
    if (seq.empty()) seq.assign(std::size_t(axes) * std::size_t(steps_), 0.0);  // the mouse
    std::printf("session %s: %s model %s, input %s, %d input steps of %.4g ms\n", session_.c_str(),
                case_.c_str(), st.modelPath.c_str(), liveSourceName(st.source), steps_,
                m.inputStepMs);
    std::vector<std::unique_ptr<OdeStepper>> rings;
    std::unique_ptr<TorusOdeStepper> torus;
    if (m.which == SurrogateCase::Grid3d) {
        torus = std::make_unique<TorusOdeStepper>(m.torus, k);
        torus->settle(seq.data(), settle);
    } else {
        for (int a = 0; a < axes; ++a) {
            rings.push_back(std::make_unique<OdeStepper>(m.teacher, OdeBackend::Fft, k));
            rings.back()->settle(seq[std::size_t(a)], settle);
        }
    }
    std::vector<std::unique_ptr<SurrogateStream>> streams;
    for (auto& net : m.nets)
        streams.push_back(std::make_unique<SurrogateStream>(*net, m.componentScale));
    ProgressPrinter progress("surrogate session", "input steps", quiet_);
    double sumSq = 0, odeSeconds = 0, surSeconds = 0, odeA[3] = {};
    StreamDecode sd[3];
    int done = 0;
    for (; done < steps_ && !cancelRequested(); ++done) {
        const double* z = seq.data() + std::size_t(axes) * std::size_t(done);
        const auto t0 = Clock::now();
        if (torus) {
            const auto& dec = torus->step(z);
            for (int a = 0; a < 3; ++a) odeA[a] = dec[std::size_t(a)].angle;
        } else {
            for (int a = 0; a < axes; ++a) odeA[a] = rings[std::size_t(a)]->step(z[a]).angle;
        }
        const auto t1 = Clock::now();
        if (streams.size() == 1 && axes > 1)
            streams[0]->step(z, sd);  // grid3d: one net, three angles
        else
            for (std::size_t c = 0; c < streams.size(); ++c) streams[c]->step(z + c, sd + c);
        odeSeconds += std::chrono::duration<double>(t1 - t0).count();
        surSeconds += std::chrono::duration<double>(Clock::now() - t1).count();
        for (int a = 0; a < axes; ++a) {
            const double e = std::remainder(sd[a].angle - odeA[a], 2 * M_PI);
            sumSq += e * e / axes;
        }
        if (done % 64 == 63) progress.update(done + 1, steps_);
    }
    const bool cancelled = cancelRequested();
    if (done == 0) {
        std::fprintf(stderr, "attractor-cli: cancelled before the first input step\n");
        return kExitCancelled;
    }
    const double mse = sumSq / done, odeUs = odeSeconds * 1e6 / done,
                 surUs = surSeconds * 1e6 / done;
    std::printf(
        "%d input steps: running MSE %.3e rad^2%s, ODE %.2f us, surrogate %.3f us per input step "
        "(speed-up %.1fx)\n",
        done, mse, axes > 1 ? " (mean of the angles)" : "", odeUs, surUs, odeUs / surUs);
    JsonSummary j;
    addCommon(j, cellName(m.params.cell));
    j.addNull("val_mse_rad2")
        .addNull("val_mse_components")
        .add("ode_us_per_step", odeUs)
        .add("surrogate_us_per_step", surUs)
        .add("speedup", odeUs / surUs)
        .add("lab", "surrogate")
        .add("session", session_)
        .add("model", st.modelPath)
        .add("source", liveSourceName(st.source))
        .add("running_mse_rad2", mse)
        .add("steps", (long long)done)
        .add("cancelled", cancelled);
    std::printf("%s\n", j.str().c_str());
    return cancelled ? kExitCancelled : kExitOk;
}

}  // namespace as::cli
