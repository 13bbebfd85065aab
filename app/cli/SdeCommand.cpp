#include "SdeCommand.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>

#include "CancelSignal.h"
#include "CliClock.h"
#include "JsonSummary.h"
#include "io/Hdf5Handle.h"
#include "sde/FixedPointFinder.h"
#include "sde/Jacobian.h"
#include "sde/LinearNoise.h"

namespace as::cli {
namespace {

using namespace as::sde;
Eigen::MatrixXd couplingOf(const SdeModel& m) {
    return m.A().cast<double>();
}

/// Newton count of the stationary points and basin end points of F = f + A g
/// (--count-fixed-points), printed and added to the JSON summary.
void countFixedPoints(const Eigen::MatrixXd& A, const std::shared_ptr<const AttractorSet>& set,
                      std::uint64_t seed, JsonSummary& j) {
    if (set->n() > 200)
        throw CliError("--count-fixed-points needs n <= 200 (got " + std::to_string(set->n()) +
                       ")");
    const FixedPointFinder finder(A, set);
    FixedPointOptions fo;
    fo.seed = seed;
    const FixedPointReport rep = finder.find(fo);
    BasinOptions bo;
    bo.seed = seed + 1;
    const BasinReport basins = finder.sampleBasins(bo);
    int spurious = 0;
    for (int k : basins.planted) spurious += k < 0;
    std::printf("stationary points: %zu found from %d starts (%d converged), %d stable\n",
                rep.points.size(), rep.starts, rep.converged, rep.stableCount);
    for (const FixedPoint& fp : rep.points) {
        std::printf("  %s max Re %+.4f  hits %3d  c =", fp.stable ? "stable  " : "unstable",
                    fp.spectrum.maxRealPart, fp.hits);
        for (Eigen::Index l = 0; l < fp.lattice.size(); ++l) std::printf(" %.4f", fp.lattice[l]);
        std::printf("%s\n", fp.planted >= 0
                                ? ("  (planted " + std::to_string(fp.planted) + ")").c_str()
                                : "");
    }
    std::printf(
        "basins from %d uniform starts in [0, 1]^N: %zu end points (%d spurious), %d unconverged\n",
        bo.starts, basins.endPoints.size(), spurious, basins.unconverged);
    j.add("fixed_points", (long long)rep.points.size())
        .add("stable_fixed_points", (long long)rep.stableCount)
        .add("basin_end_points", (long long)basins.endPoints.size())
        .add("basin_spurious", (long long)spurious);
}

}  // namespace

SdeCommand::SdeCommand(CLI::App& parent)
    : Command(parent, "sde", "SDE classifier lab: plant, spectrum, lyapunov, train, eval") {
    app_->add_option("action", action_,
                     "plant | spectrum | lyapunov | train | eval (none with --session)")
        ->check(CLI::IsMember({"plant", "spectrum", "lyapunov", "train", "eval"}));
    app_->add_option("--classes", classes_, "plant: planted attractors C (default 10)")
        ->type_name("C");
    app_->add_option("--pattern", pattern_,
                     "plant/train: blocks | blocks-minus | canonical (default blocks)")
        ->type_name("NAME");
    app_->add_option("--n", n_, "plant: nodes N (default 784)")->type_name("N");
    app_->add_option("--set", sets_,
                     "Model or training parameter key=value (repeatable; see --list-params)")
        ->type_name("KEY=VALUE");
    app_->add_flag("--list-params", listParams_, "List the model and training parameters and exit");
    app_->add_option("--out", out_, "plant/train: write the model here")->type_name("FILE.h5");
    app_->add_flag(
        "--count-fixed-points", countFixedPoints_,
        "plant/spectrum: count stationary and stable points (Newton + basin sampler; N <= 200)");
    app_->add_option("--model", model_, "spectrum/lyapunov/eval: the model file")
        ->type_name("FILE.h5");
    app_->add_option("--attractor", attractor_,
                     "spectrum/lyapunov: attractor index or all (default all)")
        ->type_name("L|all");
    app_->add_option("--csv", csv_,
                     "spectrum: eigenvalues; lyapunov: Mahalanobis matrix; eval: accuracy table")
        ->type_name("FILE.csv");
    app_->add_option("--eps", eps_, "lyapunov: noise strength (default: the model's); train: eps")
        ->type_name("EPS");
    app_->add_option(
            "--samples", samples_,
            "lyapunov: late-time samples per trajectory for the empirical covariance (0: skip)")
        ->type_name("N");
    app_->add_option("--mnist", mnist_, "train/eval: directory with the MNIST IDX files")
        ->type_name("DIR");
    app_->add_option("--digits", digits_, "train/eval: digits, e.g. 0,1,2 (default: 0..C-1)")
        ->type_name("LIST");
    app_->add_option("--train-count", trainCount_, "train: training images (default 1000)")
        ->type_name("N");
    app_->add_option("--val-count", valCount_, "train: validation images held out (default 200)")
        ->type_name("N");
    train_.addOptions(app_);
    app_->add_flag("--train-g", trainG_, "train: also train the noise matrix G");
    app_->add_option("--alpha", alpha_, "train: weight of alpha / sum|G_ij|")->type_name("A");
    app_->add_option("--seed", seed_, "train/eval/lyapunov: seed")->type_name("S");
    app_->add_option("--test-count", testCount_, "eval: test images (default 1000)")
        ->type_name("N");
    app_->add_option("--corruptions", corruptions_, "eval: all | key,key,... (see docs/cli.md)")
        ->type_name("LIST");
    app_->add_option("--session", session_,
                     "Run the lab's dynamics from a saved session (model, input, parameters; --set "
                     "changes dt, steps, eps, noise, average_steps, seed)")
        ->type_name("FILE.h5");
}

int SdeCommand::run() {
    if (listParams_) {
        listParams("SDE model (SdeParams)", SdeParams::specs());
        std::printf("\n");
        listParams("training (TrainParams)", TrainParams::specs());
        return kExitOk;
    }
    if (!session_.empty()) {
        if (!action_.empty()) throw CliError("--session takes no action (got '" + action_ + "')");
        return runSession();
    }
    if (action_.empty())
        throw CliError(
            "sde needs an action (plant, spectrum, lyapunov, train or eval) or --session");
    if (action_ == "plant") return runPlant();
    if (action_ == "spectrum") return runSpectrum();
    if (action_ == "lyapunov") return runLyapunov();
    const CancelPoll poll;  // train and eval poll Ctrl-C (plant, spectrum, lyapunov quit at once)
    if (action_ == "train") return runTrain();
    return runEval();
}

void SdeCommand::buildParams(SdeParams& p, TrainParams& tp) const {
    if (n_ != 0) p.n = n_;
    if (classes_ != 0) p.classes = classes_;
    if (!pattern_.empty()) {
        try {
            p.pattern = patternFromName(pattern_);
        } catch (const std::invalid_argument& e) {
            throw CliError(std::string("--pattern: ") + e.what());
        }
    }
    if (eps_ >= 0.0) p.eps = eps_;
    for (const std::string& text : sets_) applySetting(text, p, tp);
    try {
        p.check();
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("invalid model parameter: ") + e.what());
    }
}

std::vector<int> SdeCommand::selectedAttractors(int classes) const {
    std::vector<int> out;
    if (attractor_ == "all") {
        for (int l = 0; l < classes; ++l) out.push_back(l);
        return out;
    }
    std::size_t used = 0;
    int l = -1;
    try {
        l = std::stoi(attractor_, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != attractor_.size() || l < 0 || l >= classes)
        throw CliError("--attractor must be all or an index in [0, " + std::to_string(classes) +
                       ") (got '" + attractor_ + "')");
    out.push_back(l);
    return out;
}

int SdeCommand::runPlant() {
    SdeParams p;
    TrainParams tp;
    buildParams(p, tp);
    const auto t0 = Clock::now();
    const SdeModel model(p);
    const AttractorSet& set = model.attractors();
    const Eigen::MatrixXd A = couplingOf(model);
    const Eigen::MatrixXd Ad = set.assemble(Eigen::MatrixXd(Eigen::MatrixXd::Zero(p.n, p.n)));
    double maxResidual = 0.0;
    for (int l = 0; l < p.classes; ++l) {
        const double rf = set.residual(A, l), rd = set.residual(Ad, l);
        maxResidual = std::max(maxResidual, rd);
        std::printf("attractor %d: |F(x_l)|_max = %.3e (double), %.3e (float A)\n", l, rd, rf);
    }
    // eq 8: the eigenvalue along a block at a_+ is f'(a_+) + lambda g'(a_+); stable if < 0.
    const double ev = Jacobian::blockEigenvalue(set.functions(), p.lambda, set.aPlus());
    const double evMinus = Jacobian::blockEigenvalue(set.functions(), p.lambda, set.aMinus());
    std::printf(
        "a+ = %.6f, a- = %.6f (eq 9); eq 8 eigenvalue at a+: %.6f (%s); at a-: %.6f (eq 27)\n",
        set.aPlus(), set.aMinus(), ev, ev < 0 ? "stable" : "unstable", evMinus);

    JsonSummary j;
    j.add("action", "plant")
        .add("n", (long long)p.n)
        .add("classes", (long long)p.classes)
        .add("pattern", patternName(p.pattern))
        .add("a_plus", set.aPlus())
        .add("a_minus", set.aMinus())
        .add("max_residual", maxResidual)
        .add("eq8_eigenvalue", ev)
        .add("eq8_stable", ev < 0.0)
        .add("eq27_eigenvalue", evMinus);
    if (countFixedPoints_) countFixedPoints(Ad, model.attractorsPtr(), std::uint64_t(seed_), j);
    if (!out_.empty()) {
        TrainingMeta meta;
        meta.commandLine = processCommandLine();
        try {
            saveSdeModel(out_, model, meta);
        } catch (const h5::Error& e) {
            throw CliError(std::string("--out: ") + e.what(), kExitFailure);
        }
        j.add("file", out_);
    }
    j.add("wall_s", secondsSince(t0));
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

int SdeCommand::runSpectrum() {
    const LoadedSdeModel loaded = loadModelFile(model_);
    const SdeModel& model = loaded.model;
    const AttractorSet& set = model.attractors();
    const std::vector<int> which = selectedAttractors(set.classes());
    if (countFixedPoints_ && set.n() > 200)
        throw CliError("--count-fixed-points needs n <= 200 (the model has n = " +
                       std::to_string(set.n()) + ")");
    const Eigen::MatrixXd A = couplingOf(model);
    std::ofstream csv;
    if (!csv_.empty()) {
        csv.open(csv_);
        if (!csv) throw CliError("--csv: cannot write '" + csv_ + "'", kExitFailure);
        csv << "attractor,index,real,imag\n";
        csv.precision(10);
    }
    const auto t0 = Clock::now();
    double maxRe = -std::numeric_limits<double>::infinity(),
           minRe = std::numeric_limits<double>::infinity();
    double maxIm = 0.0;
    int unstable = 0;
    for (int l : which) {
        const Spectrum s =
            Jacobian::spectrum(Jacobian::at(A, set.points().col(l), set.functions()));
        std::printf("attractor %d: max Re %+.6f, min Re %+.6f, max |Im| %.6f, %s\n", l,
                    s.maxRealPart, s.minRealPart, s.maxImagPart, s.stable ? "stable" : "UNSTABLE");
        maxRe = std::max(maxRe, s.maxRealPart);
        minRe = std::min(minRe, s.minRealPart);
        maxIm = std::max(maxIm, s.maxImagPart);
        unstable += !s.stable;
        if (csv.is_open())
            for (Eigen::Index k = 0; k < s.eigenvalues.size(); ++k)
                csv << l << ',' << k << ',' << s.eigenvalues[k].real() << ','
                    << s.eigenvalues[k].imag() << '\n';
    }
    if (csv.is_open() && !csv) throw CliError("--csv: writing '" + csv_ + "' failed", kExitFailure);
    JsonSummary j;
    j.add("action", "spectrum")
        .add("model", model_)
        .add("n", (long long)set.n())
        .add("classes", (long long)set.classes())
        .add("attractors", (long long)which.size())
        .add("max_real_part", maxRe)
        .add("min_real_part", minRe)
        .add("max_imag_part", maxIm)
        .add("unstable", (long long)unstable)
        .add("stable", unstable == 0)
        .add("wall_s", secondsSince(t0));
    if (!csv_.empty()) j.add("csv", csv_);
    if (countFixedPoints_) countFixedPoints(A, model.attractorsPtr(), std::uint64_t(seed_), j);
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

int SdeCommand::runLyapunov() {
    const LoadedSdeModel loaded = loadModelFile(model_);
    const SdeModel& model = loaded.model;
    const auto setPtr = model.attractorsPtr();
    const std::vector<int> which = selectedAttractors(setPtr->classes());
    const double eps = eps_ >= 0.0 ? eps_ : model.params().eps;
    if (!std::isfinite(eps) || eps > 10.0) throw CliError("--eps must be in [0, 10]");
    if (samples_ < 0) throw CliError("--samples must be >= 0");
    const Eigen::MatrixXf* Gf = model.noiseMatrix();
    const Eigen::MatrixXd G = Gf ? Eigen::MatrixXd(Gf->cast<double>()) : Eigen::MatrixXd();
    const auto t0 = Clock::now();
    const LinearNoise ln(couplingOf(model), setPtr, G, eps);
    std::vector<AttractorNoise> analyses;
    double maxResidual = 0.0, solveSeconds = 0.0;
    int unsolved = 0;
    for (int l : which) {
        AttractorNoise a = ln.analyse(l);
        if (a.shape.solved) {
            std::printf(
                "attractor %d: max Re %+.6f, Lyapunov residual %.3e, %.3f s, Tr Sigma = %.6g\n", l,
                a.spectrum.maxRealPart, a.shape.residual, a.shape.seconds,
                (eps > 0 ? a.covariance : a.shape.S).trace());
            maxResidual = std::max(maxResidual, a.shape.residual);
            solveSeconds += a.shape.seconds;
        } else {
            std::printf("attractor %d: %s\n", l, a.shape.message.c_str());
            ++unsolved;
        }
        analyses.push_back(std::move(a));
    }
    const MahalanobisResult mr = ln.mahalanobis(analyses);
    std::printf("Mahalanobis Delta_lm (eq 19, row l uses Sigma_l%s):\n",
                mr.unitEps ? ", eps = 1 shape" : "");
    for (int l : which) {
        std::printf("  %2d:", l);
        for (Eigen::Index m = 0; m < mr.delta.cols(); ++m) std::printf(" %10.4g", mr.delta(l, m));
        std::printf("\n");
    }
    if (!mr.note.empty()) std::printf("note: %s\n", mr.note.c_str());
    double dMin = std::numeric_limits<double>::infinity(), dSum = 0.0;
    long dCount = 0;
    for (int l : which)
        for (Eigen::Index m = 0; m < mr.delta.cols(); ++m)
            if (m != l && std::isfinite(mr.delta(l, m))) {
                dMin = std::min(dMin, mr.delta(l, m));
                dSum += mr.delta(l, m);
                ++dCount;
            }
    if (!csv_.empty()) {
        std::ofstream csv(csv_);
        csv.precision(10);
        csv << "attractor";
        for (Eigen::Index m = 0; m < mr.delta.cols(); ++m) csv << ",delta_" << m;
        csv << '\n';
        for (int l : which) {
            csv << l;
            for (Eigen::Index m = 0; m < mr.delta.cols(); ++m) csv << ',' << mr.delta(l, m);
            csv << '\n';
        }
        if (!csv) throw CliError("--csv: cannot write '" + csv_ + "'", kExitFailure);
    }
    // Empirical covariance at the first analysed attractor that has an analytic one.
    std::optional<double> relDiff, relDiffEuler, biasEuler;
    long empiricalSamples = 0;
    double empiricalSeconds = 0.0;
    if (samples_ > 0) {
        const AttractorNoise* a = nullptr;
        for (const AttractorNoise& x : analyses)
            if (x.shape.solved && !a) a = &x;
        if (!(eps > 0.0)) {
            std::printf("empirical covariance skipped: eps = 0 (no noise)\n");
        } else if (!a) {
            std::printf("empirical covariance skipped: no stable attractor\n");
        } else {
            EmpiricalOptions eo;
            eo.samples = samples_;
            // The model's step (0.1 by default) and one sample per model time unit (about the
            // correlation time at the planted points), after 5 time units of burn-in: the samples
            // are nearly independent, and the O(dt) Euler–Maruyama bias (~5% at dt = 0.1) is below
            // the sampling error at N = 784.
            eo.dt = model.params().dt;
            eo.sampleEvery = std::max(1, int(std::lround(1.0 / eo.dt)));
            eo.burnTime = 5.0;
            eo.seed = std::uint64_t(seed_);
            const auto te = Clock::now();
            const EmpiricalCovariance e = ln.empirical(a->attractor, eo);
            empiricalSeconds = secondsSince(te);
            if (e.diverged) {
                std::printf("empirical covariance: the integration diverged\n");
            } else {
                relDiff = LinearNoise::relativeDifference(e.covariance, a->covariance);
                empiricalSamples = e.samples;
                std::printf(
                    "empirical vs analytic covariance at attractor %d: relative Frobenius "
                    "difference %.4f "
                    "(%ld samples, dt = %g, %.2f s; mean offset %.3g)\n",
                    a->attractor, *relDiff, e.samples, eo.dt, empiricalSeconds,
                    (e.mean - setPtr->points().col(a->attractor)).cwiseAbs().maxCoeff());
                // The same samples against the exact covariance of the Euler–Maruyama map at this
                // dt: what is left is sampling error (and the non-linearity).
                const LyapunovResult euler = ln.eulerCovariance(a->attractor, eo.dt);
                if (euler.solved) {
                    relDiffEuler = LinearNoise::relativeDifference(e.covariance, euler.S);
                    biasEuler = LinearNoise::relativeDifference(euler.S, a->covariance);
                    std::printf(
                        "  vs the Euler-Maruyama covariance at dt = %g: %.4f (its own O(dt) bias: "
                        "%.4f)\n",
                        eo.dt, *relDiffEuler, *biasEuler);
                }
            }
        }
    }
    JsonSummary j;
    j.add("action", "lyapunov")
        .add("model", model_)
        .add("n", (long long)ln.n())
        .add("classes", (long long)ln.classes())
        .add("eps", eps)
        .add("noise", G.size() ? "trained" : "identity")
        .add("effective_eps", eps * (G.size() ? LinearNoise::effectiveEps(G) : 1.0))
        .add("attractors", (long long)which.size())
        .add("unsolved", (long long)unsolved)
        .add("max_residual", unsolved == int(which.size()) ? std::optional<double>()
                                                           : std::optional<double>(maxResidual))
        .add("lyapunov_s", solveSeconds)
        .add("mahalanobis_unit_eps", mr.unitEps)
        .add("mahalanobis_min", dCount ? std::optional<double>(dMin) : std::nullopt)
        .add("mahalanobis_mean",
             dCount ? std::optional<double>(dSum / double(dCount)) : std::nullopt)
        .add("empirical_rel_diff", relDiff)
        .add("empirical_rel_diff_euler", relDiffEuler)
        .add("euler_bias", biasEuler)
        .add("empirical_samples", (long long)empiricalSamples)
        .add("wall_s", secondsSince(t0));
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

}  // namespace as::cli
