// attractor-cli sde --session FILE: the SDE lab's dynamics, headless. The session holds the model
// (with the lab's dt, steps, eps, noise and seed), the clean input image, its label and the
// corruption; x(0) is built as the lab builds it (SdeSessionState::initialCondition), the model
// runs to T = steps dt (SdeIntegrator; with eps > 0 the noise of the session's seed) and the
// late-time average is classified by the nearest planted attractor, as the lab's Dynamics tab does.
// --set changes the live parameters (dt, steps, eps, noise, averaging, seed), not the planted ones.
#include <chrono>
#include <cmath>
#include <cstdio>

#include "JsonSummary.h"
#include "SdeCommand.h"
#include "io/SessionFile.h"
#include "sde/SdeIntegrator.h"
#include "sde/SdeSession.h"

namespace as::cli {

using namespace as::sde;

int SdeCommand::runSession() {
    SdeSessionState st;
    try {
        st = loadSdeSession(session_);
    } catch (const SessionError& e) {
        throw CliError(e.what());
    }
    SdeParams p = st.model->params();
    TrainParams unused;
    for (const std::string& text : sets_) applySetting(text, p, unused);
    try {
        p.check();
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("invalid model parameter: ") + e.what());
    }
    if (SdeModel::structuralChange(st.model->params(), p))
        throw CliError(
            "--session: --set may change dt, steps, eps, noise, average_steps and seed; "
            "the others re-plant the model and drop the session's weights");
    SdeModel model = *st.model;
    model.setParams(p);
    const std::vector<float> x0 = st.initialCondition();
    if (Eigen::Index(x0.size()) != Eigen::Index(p.n))
        throw CliError("session '" + session_ + "': the model has N = " + std::to_string(p.n) +
                       " nodes, the input image " + std::to_string(x0.size()) + " pixels");
    std::printf("session %s: model %s (N = %d, C = %d, %s), label %d, corruption %s seed %llu\n",
                session_.c_str(), st.modelName.c_str(), p.n, p.classes,
                st.trained ? "trained" : "untrained", st.label, data::corruptionKey(st.corruption),
                (unsigned long long)st.corruptionSeed);
    const auto t0 = std::chrono::steady_clock::now();
    RunOptions o;
    o.seed = p.seed;
    const RunResult r =
        SdeIntegrator(model).run(Eigen::Map<const Eigen::MatrixXf>(x0.data(), p.n, 1), o);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int predicted = r.diverged ? -1 : r.predicted(0);
    const Eigen::VectorXf d = model.attractors().distances2(r.lateAverage).col(0).cwiseSqrt();
    std::printf("t = %.6g: predicted %d (label %d), distance %.4g to the predicted attractor%s\n",
                p.steps * p.dt, predicted, st.label, predicted >= 0 ? double(d(predicted)) : NAN,
                r.diverged ? " (diverged)" : "");
    JsonSummary j;
    j.add("lab", "sde")
        .add("action", "session")
        .add("session", session_)
        .add("model_name", st.modelName)
        .add("trained", st.trained)
        .add("n", (long long)p.n)
        .add("classes", (long long)p.classes)
        .add("eps", p.eps)
        .add("t", p.steps * p.dt)
        .add("label", (long long)st.label)
        .add("corruption", data::corruptionKey(st.corruption))
        .add("corruption_seed", (long long)st.corruptionSeed)
        .add("predicted", (long long)predicted)
        .add("distance", predicted >= 0 ? std::optional<double>(d(predicted)) : std::nullopt)
        .add("diverged", r.diverged)
        .add("robustness_runs", (long long)st.robustness.size())
        .add("wall_s", wall);
    if (st.label >= 0) j.add("correct", predicted == st.label);
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

}  // namespace as::cli
