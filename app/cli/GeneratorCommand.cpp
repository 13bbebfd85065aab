#include "GeneratorCommand.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "CancelSignal.h"
#include "CliClock.h"
#include "JsonSummary.h"
#include "MnistArgs.h"
#include "ProgressPrinter.h"
#include "SdeCommand.h"
#include "generator/FeatureClassifier.h"
#include "generator/GeneratorSession.h"
#include "generator/GeneratorTrainer.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"

namespace as::cli {
namespace {

using namespace as::generator;
/// The images of the digits ds (pixel / 255), at most maxCount (0: all), and their class indices.
void digitImages(const data::ImageSet& all, const std::vector<int>& ds, int maxCount,
                 Eigen::MatrixXf& x, Eigen::VectorXi& y) {
    data::ImageSet s = all.withLabels(ds);
    if (maxCount > 0 && maxCount < s.count()) {
        std::vector<int> idx;
        for (int i = 0; i < maxCount; ++i) idx.push_back(i);
        s = s.subset(idx);
    }
    x = s.floats(0, s.count());
    y = classIndices(s.labels, ds);
}

}  // namespace

generator::LoadedGenerator loadGeneratorFile(const std::string& path) {
    if (path.empty()) throw CliError("--model FILE.h5 (a generator model) is required");
    try {
        return loadGeneratorModel(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("--model: cannot read generator model: ") + e.what());
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("--model: invalid generator model '") + path + "': " + e.what());
    }
}

GeneratorCommand::GeneratorCommand(CLI::App& parent)
    : Command(
          parent, "generator",
          "Generator lab (seed 002 VI): train, sample, interpolate, langevin, classifier, fid") {
    app_->add_option("action", action_,
                     "train | sample | interpolate | langevin | classifier | fid")
        ->check(CLI::IsMember({"train", "sample", "interpolate", "langevin", "classifier", "fid"}));
    app_->add_option(
            "--set", sets_,
            "Model, latent SDE or training parameter key=value (repeatable; --list-params)")
        ->type_name("KEY=VALUE");
    app_->add_flag("--list-params", listParams_, "List the parameters and exit");
    app_->add_option("--seed", seed_,
                     "train: batch order and noise; sample/interpolate: the draws (default 1)")
        ->type_name("S");
    app_->add_option("--out", out_, "train: the model; sample/interpolate: the images (HDF5)")
        ->type_name("FILE.h5");
    app_->add_option("--png", png_, "sample/interpolate: the images as a PNG grid")
        ->type_name("FILE.png");
    app_->add_option("--model", model_, "sample/interpolate: the generator model file")
        ->type_name("FILE.h5");
    app_->add_option("--mnist", mnist_, "train/classifier/fid: directory with the MNIST IDX files")
        ->type_name("DIR");
    app_->add_option("--classifier", classifier_,
                     "fid: the feature classifier file (generator classifier --out)")
        ->type_name("FILE.h5");
    app_->add_option("--digits", digits_, "train: digits, e.g. 0,1,2 (default 0,1,2)")
        ->type_name("LIST");
    app_->add_option("--train-count", trainCount_,
                     "train: use the first N training images of the digits (0: all)")
        ->type_name("N");
    app_->add_option("--test-count", testCount_,
                     "train: test images for the reconstruction MSE (0: all)")
        ->type_name("N");
    train_.addOptions(app_);
    app_->add_option("--eps", eps_, "train: latent noise eps (sample: the model's)")
        ->type_name("EPS");
    app_->add_option("--pretrained", pretrained_,
                     "train: the fully dynamical generator of section VI.2: this model's encoder "
                     "and decoder, frozen, with a second CVFR (r = 0) before the decoder")
        ->type_name("MODEL.h5");
    app_->add_option("--count", count_, "sample: images per class (default 16)")->type_name("N");
    app_->add_flag("--nearest", nearest_,
                   "sample: find each image's nearest training image (pixels; and features with "
                   "--classifier)");
    app_->add_option("--nearest-png", nearestPng_,
                     "sample --nearest: the nearest training images as a PNG grid")
        ->type_name("FILE.png");
    app_->add_option("--centre", centre_, "sample/interpolate: attractor (eq 22, default) | mean")
        ->check(CLI::IsMember({"attractor", "mean"}));
    app_->add_option("--scale", scale_, "PNG magnification (default 2)")->type_name("K");
    app_->add_option(
            "--steps", steps_,
            "interpolate: images along the path (default 10); langevin: Euler steps (default 300)")
        ->type_name("N");
    app_->add_option("--every", every_, "langevin: decode every K-th state (default 10)")
        ->type_name("K");
    app_->add_option("--chains", chains_, "langevin: independent chains (default 1)")
        ->type_name("N");
    app_->add_option("--target-scale", targetScale_,
                     "langevin: sample s^2 Sigma_T (noise s G_T; default 1). The linear-noise "
                     "approximation needs a small target: s <= 0.1 for gen_012.h5")
        ->type_name("S");
    app_->add_option("--from", from_, "interpolate: start digit (default 0); langevin: the digit")
        ->type_name("DIGIT");
    app_->add_option("--to", to_, "interpolate: end digit (default 1)")->type_name("DIGIT");
    app_->add_option("--images", images_,
                     "interpolate: between the latent states x(T) of these two MNIST test images "
                     "instead (indices)")
        ->type_name("I,J");
    app_->add_option("--axis", axis_,
                     "interpolate: traverse principal axis K of digit --from instead")
        ->type_name("K");
    app_->add_option("--range", range_,
                     "interpolate --axis: +- this many standard deviations (default 2)")
        ->type_name("R");
    app_->add_option("--session", session_,
                     "A Generator session saved by the GUI: its model (instead of --model) and its "
                     "view settings as the defaults of sample, interpolate and langevin; with no "
                     "action, draws its gallery (sample)")
        ->type_name("FILE.h5");
}

void GeneratorCommand::openSession() {
    if (!model_.empty())
        throw CliError("--session and --model exclude each other: the session holds the model");
    GeneratorSessionState st;
    try {
        st = loadGeneratorSession(session_);
    } catch (const SessionError& e) {
        throw CliError(e.what());
    }
    if (action_.empty()) action_ = "sample";
    // The lab's view settings, where the command line does not set its own.
    const GeneratorViewSettings& v = st.view;
    const bool langevin = action_ == "langevin";
    auto byDefault = [this](const char* option) { return app_->count(option) == 0; };
    if (byDefault("--seed")) seed_ = (long long)(langevin ? v.langevinSeed : v.seed);
    if (byDefault("--count")) count_ = v.perClass;
    if (byDefault("--centre")) centre_ = v.centre == 0 ? "attractor" : "mean";
    if (byDefault("--scale")) scale_ = v.exportScale;
    if (byDefault("--steps")) steps_ = langevin ? v.langevinSteps : v.interpSteps;
    if (byDefault("--every")) every_ = v.langevinEvery;
    if (byDefault("--target-scale")) targetScale_ = v.langevinTargetScale;
    if (byDefault("--range")) range_ = v.traverseRange;
    sessionModel_ = LoadedGenerator{*st.model, st.meta};
    sessionModelName_ = st.modelName;
    model_ = session_;  // what messages and the JSON name
}

LoadedGenerator GeneratorCommand::loadModel() const {
    if (sessionModel_) return *sessionModel_;
    return loadGeneratorFile(model_);
}

int GeneratorCommand::run() {
    if (listParams_) {
        listParams("generator model (GeneratorParams)", GeneratorParams::specs());
        std::printf("\n");
        listParams(
            "latent SDE (SdeParams; n = latent_dim and classes = the digits are set by the "
            "generator; "
            "generator default eps = 0.05)",
            sde::SdeParams::specs());
        std::printf("\n");
        listParams("training (GeneratorTrainParams)", GeneratorTrainParams::specs());
        std::printf("\n");
        listParams("feature classifier (ClassifierParams; generator classifier)",
                   ClassifierParams::specs());
        return kExitOk;
    }
    if (!session_.empty()) openSession();
    if (action_.empty())
        throw CliError(
            "generator needs an action: train, sample, interpolate, langevin, classifier or fid "
            "(or --session)");
    if (action_ == "sample") return runSample();
    if (action_ == "interpolate") return runInterpolate();
    if (action_ == "langevin") return runLangevin();
    const CancelPoll poll;
    if (action_ == "classifier") return runClassifier();
    if (action_ == "fid") return runFid();
    return runTrain();
}

void GeneratorCommand::applySettings(GeneratorParams& p, GeneratorTrainParams& tp) const {
    if (eps_ >= 0.0) p.latent.eps = eps_;
    for (const std::string& text : sets_) {
        const auto [key, value] = splitSetting(text);
        if (key == "n" || key == "classes")
            throw CliError("--set " + text + ": the latent SDE's " + key +
                           " is set by latent_dim and --digits");
        if (findSpec(sde::SdeParams::specs(), key)) {
            try {
                p.latent.set(key, sde::SdeParams::parse(key, value));
            } catch (const ParamError& e) {
                throw CliError("--set " + text + ": " + e.what());
            }
        } else {
            applySetting(text, p, tp);
        }
    }
}

LatentCentre GeneratorCommand::centre() const {
    return centre_ == "mean" ? LatentCentre::SampleMean : LatentCentre::Attractor;
}

GeneratorModel GeneratorCommand::fullyDynamical(const GeneratorParams& p,
                                                const std::vector<int>& digits) const {
    // §VI.2: the pretrained model's encoder and decoder, frozen; a fresh latent CVFR (Atilde = 0,
    // the settings of this command) and a second CVFR with r = 0 and A2 = 0, T' = T.
    const LoadedGenerator pre = [&] {
        try {
            return loadGeneratorModel(pretrained_);
        } catch (const h5::Error& e) {
            throw CliError(std::string("--pretrained: ") + e.what());
        }
    }();
    const GeneratorModel& pm = pre.model;
    if (pm.digits() != digits || pm.params().latentDim != p.latentDim ||
        pm.params().hidden != p.hidden || pm.params().decoderInputs != p.decoderInputs)
        throw CliError("--pretrained " + pretrained_ +
                       ": its digits, latent_dim, hidden or decoder_inputs differ from this "
                       "training's (use the same --digits and --set values)");
    GeneratorModel m(p, pm.pixels(), digits);
    m.setEncoder(pm.encoder());
    m.setDecoder(pm.decoder());
    m.setSecondCvfr(m.initialSecondCvfr());
    return m;
}

int GeneratorCommand::runTrain() {
    if (out_.empty()) throw CliError("--out FILE.h5 (the trained model) is required");
    const std::vector<int> ds = parseDigits(digits_.empty() ? "0,1,2" : digits_, 0);
    GeneratorParams p;
    GeneratorTrainParams tp;
    applySettings(p, tp);
    train_.applyTo(tp, 100);
    tp.seed = std::uint64_t(seed_);
    try {
        p.check(int(ds.size()));
        tp.check();
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("invalid parameter: ") + e.what());
    }
    if (trainCount_ < 0 || testCount_ < 0)
        throw CliError("--train-count and --test-count must be >= 0");

    const auto t0 = Clock::now();
    const std::string dir = findMnistOrThrow(mnist_);
    Eigen::MatrixXf x, xt;
    Eigen::VectorXi y, yt;
    digitImages(loadMnistSplit(dir, data::MnistSplit::Train), ds, trainCount_, x, y);
    digitImages(loadMnistSplit(dir, data::MnistSplit::Test), ds, testCount_, xt, yt);

    GeneratorModel model(p, int(x.rows()), ds);
    if (!pretrained_.empty()) model = fullyDynamical(p, ds);
    GeneratorTrainer trainer(model, tp);
    if (!train_.resume.empty()) {
        try {
            trainer.resume(train_.resume);
        } catch (const h5::Error& e) {
            throw CliError(std::string("--resume: ") + e.what());
        }
    }
    std::printf(
        "training on %ld images of digits %s (%ld test), d = %d, hidden = %d, eps = %g, T = %g\n",
        long(x.cols()), digits_.empty() ? "0,1,2" : digits_.c_str(), long(xt.cols()), p.latentDim,
        p.hidden, p.latent.eps, p.latent.dt * p.latent.steps);
    std::fflush(stdout);
    ProgressPrinter printer("generator train", "iterations", quiet_);
    const auto progress = [&](const GeneratorProgress& pg) {
        printer.update(double(pg.iteration), double(pg.totalIterations));
        if (quiet_) return;
        const long every = std::max(1L, pg.totalIterations / 20);
        if (pg.iteration % every != 0 && pg.iteration != pg.totalIterations) return;
        std::printf(
            "iteration %ld/%ld  epoch %d  loss %.5f (conv %.5f rec %.5f centroid %.6f)  %.1f "
            "ms/iter  %s left\n",
            pg.iteration, pg.totalIterations, pg.epoch, pg.loss.total, pg.loss.conv, pg.loss.rec,
            pg.loss.centroid, 1e3 * pg.secondsPerIteration,
            ProgressPrinter::formatSeconds(pg.secondsLeft).c_str());
        std::fflush(stdout);
    };
    GeneratorReport rep;
    try {
        rep = trainer.train(x, y, progress, cancelFlag());
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("cannot train: ") + e.what());
    }
    const double trainWall = secondsSince(t0);
    if (rep.outcome == sde::TrainOutcome::Cancelled)
        std::fprintf(stderr,
                     "attractor-cli: cancelled at iteration %ld: writing the model%s as reached\n",
                     rep.iterations, train_.checkpoint.empty() ? "" : " and the checkpoint");
    // Eq 22 on the training images, and the test reconstruction error.
    model.setStats(model.measureStats(x, y, std::uint64_t(seed_) + 7));
    const Eigen::MatrixXf rec = model.reconstruct(xt, std::uint64_t(seed_) + 8);
    const double recMse = (rec - xt).squaredNorm() / double(xt.size());
    const Eigen::VectorXf mean = x.rowwise().mean();
    const double meanMse = (xt.colwise() - mean).squaredNorm() / double(xt.size());
    const GeneratorTrainingMeta meta =
        GeneratorTrainingMeta::fromReport(tp, rep, processCommandLine(), trainWall);
    try {
        if (!train_.checkpoint.empty()) trainer.saveCheckpoint(train_.checkpoint);
        saveGeneratorModel(out_, model, meta);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot write the model: ") + e.what(), kExitFailure);
    }
    std::printf("%s; test reconstruction MSE %.5f (mean image %.5f)\n", rep.message.c_str(), recMse,
                meanMse);
    for (int l = 0; l < model.classes(); ++l)
        std::printf(
            "digit %d: |mean x(T) - attractor| = %.4f, tr Sigma_T = %.4f (about the mean %.4f)\n",
            ds[l], model.stats().at(l).meanDistance, model.stats().at(l).aboutAttractor.trace(),
            model.stats().at(l).aboutMean.trace());
    const long perEpoch = (long(x.cols()) + tp.batch - 1) / tp.batch;
    JsonSummary j;
    j.add("action", "train")
        .add("model", out_)
        .add("outcome", sde::trainOutcomeName(rep.outcome))
        .add("epochs", double(rep.iterations) / double(perEpoch))
        .add("iterations", (long long)rep.iterations)
        .add("final_loss", rep.final.total)
        .add("loss_conv", rep.final.conv)
        .add("loss_rec", rep.final.rec)
        .add("loss_centroid", rep.final.centroid)
        .add("rec_mse_test", recMse)
        .add("mean_image_mse_test", meanMse)
        .add("s_per_iter", rep.secondsPerIteration)
        .add("n_train", (long long)x.cols())
        .add("n_test", (long long)xt.cols())
        .add("latent_dim", (long long)p.latentDim)
        .add("eps", p.latent.eps)
        .add("second_cvfr", model.hasSecondCvfr())
        .add("wall_s", secondsSince(t0));
    if (!train_.checkpoint.empty()) j.add("checkpoint", train_.checkpoint);
    std::printf("%s\n", j.str().c_str());
    if (rep.outcome == sde::TrainOutcome::Cancelled) return kExitCancelled;
    return rep.outcome == sde::TrainOutcome::Finished ? kExitOk : kExitHalted;
}

}  // namespace as::cli
