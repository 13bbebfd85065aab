// attractor-cli generator classifier | fid (GeneratorCommand's quality-metric actions).
#include <chrono>
#include <cstdio>

#include "CancelSignal.h"
#include "CliClock.h"
#include "GeneratorCommand.h"
#include "JsonSummary.h"
#include "MnistArgs.h"
#include "ProgressPrinter.h"
#include "SdeCommand.h"
#include "generator/FeatureClassifier.h"
#include "generator/FrechetDistance.h"
#include "generator/LatentSampling.h"
#include "io/Hdf5Handle.h"

namespace as::cli {
namespace {

using namespace as::generator;
double agreement(const Eigen::VectorXi& predicted, const Eigen::VectorXi& labels) {
    long hits = 0;
    for (Eigen::Index i = 0; i < labels.size(); ++i) hits += predicted[i] == labels[i];
    return labels.size() ? double(hits) / double(labels.size()) : 0.0;
}

FeatureClassifier loadClassifier(const std::string& path) {
    if (path.empty())
        throw CliError("--classifier FILE.h5 (generator classifier --out) is required");
    try {
        return FeatureClassifier::load(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("--classifier: ") + e.what());
    }
}

}  // namespace

int GeneratorCommand::runClassifier() {
    if (out_.empty()) throw CliError("--out FILE.h5 (the classifier) is required");
    ClassifierParams p;
    for (const std::string& text : sets_) {
        const auto [key, value] = splitSetting(text);
        try {
            p.set(key, ClassifierParams::parse(key, value));
        } catch (const ParamError& e) {
            throw CliError("--set " + text + ": " + e.what());
        }
    }
    if (train_.epochs > 0) p.epochs = train_.epochs;
    if (train_.batch > 0) p.batch = train_.batch;
    if (train_.lr > 0) p.learningRate = train_.lr;
    p.seed = std::uint64_t(seed_);
    try {
        p.check();
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("invalid parameter: ") + e.what());
    }
    const auto t0 = Clock::now();
    const std::string dir = findMnistOrThrow(mnist_);
    const data::ImageSet train = loadMnistSplit(dir, data::MnistSplit::Train);
    const data::ImageSet test = loadMnistSplit(dir, data::MnistSplit::Test);
    const int n = trainCount_ > 0 ? std::min(trainCount_, train.count()) : train.count();
    const Eigen::MatrixXf x = train.floats(0, n), xt = test.floats(0, test.count());
    FeatureClassifier c(p, int(x.rows()));
    std::printf("training the feature classifier %d-%d-%d-10 on %d digits, %d epochs\n",
                int(x.rows()), p.hidden1, p.hidden2, n, p.epochs);
    std::fflush(stdout);
    ProgressPrinter printer("generator classifier", "iterations", quiet_);
    int lastEpoch = -1;
    const double loss = c.train(
        x, train.labels.head(n),
        [&](const ClassifierProgress& pg) {
            printer.update(double(pg.iteration), double(pg.totalIterations));
            if (!quiet_ && pg.epoch != lastEpoch) {
                lastEpoch = pg.epoch;
                std::printf("epoch %d/%d  loss %.4f  %s left\n", pg.epoch + 1, pg.epochs, pg.loss,
                            ProgressPrinter::formatSeconds(pg.secondsLeft).c_str());
                std::fflush(stdout);
            }
        },
        cancelFlag());
    const double acc = agreement(c.predict(xt), test.labels);
    c.setTestAccuracy(acc);
    try {
        c.save(out_, processCommandLine());
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot write the classifier: ") + e.what(), kExitFailure);
    }
    std::printf("test accuracy %.4f on %d digits\n", acc, test.count());
    JsonSummary j;
    j.add("action", "classifier").add("model", out_).add("test_acc", acc).add("final_loss", loss);
    j.add("features", (long long)p.hidden2)
        .add("n_train", (long long)n)
        .add("cancelled", cancelRequested());
    j.add("wall_s", secondsSince(t0));
    std::printf("%s\n", j.str().c_str());
    return cancelRequested() ? kExitCancelled : kExitOk;
}

int GeneratorCommand::runFid() {
    const auto t0 = Clock::now();
    const LoadedGenerator g = loadModel();
    const GeneratorModel& m = g.model;
    if (!m.hasStats()) throw CliError("--model '" + model_ + "' carries no latent statistics");
    const FeatureClassifier c = loadClassifier(classifier_);
    if (c.network().inputs() != m.pixels())
        throw CliError("the classifier and the model differ in image size");
    const std::string dir = findMnistOrThrow(mnist_);
    const std::vector<int>& ds = m.digits();
    const data::ImageSet test = loadMnistSplit(dir, data::MnistSplit::Test).withLabels(ds);
    const data::ImageSet train = loadMnistSplit(dir, data::MnistSplit::Train).withLabels(ds);
    // As many generated images per digit as the test set has (the paper's protocol, Fig. 11).
    const int C = m.classes();
    std::vector<int> perClass(std::size_t(C), 0);
    for (Eigen::Index i = 0; i < test.labels.size(); ++i)
        ++perClass[std::size_t(m.classOfDigit(test.labels[i]))];
    Eigen::MatrixXf latent(m.params().latentDim, test.count());
    Eigen::VectorXi intended(test.count());
    long col = 0;
    for (int l = 0; l < C; ++l) {
        const int n = perClass[std::size_t(l)];
        if (n == 0) continue;
        latent.middleCols(col, n) =
            sampleGaussian(m.stats().at(l), centre(), n, std::uint64_t(seed_), std::uint64_t(l));
        intended.segment(col, n).setConstant(ds[std::size_t(l)]);
        col += n;
    }
    const Eigen::MatrixXf generated = m.generate(latent, std::uint64_t(seed_));
    const Eigen::MatrixXf xt = test.floats(0, test.count());
    // The floor: a training subset of the same size (every k-th image, all digits) against the test
    // set.
    std::vector<int> idx;
    const int n = test.count(), stride = std::max(1, train.count() / n);
    for (int i = 0; i < n && i * stride < train.count(); ++i) idx.push_back(i * stride);
    const Eigen::MatrixXf xr = train.floats(idx);
    const GaussianMoments mt = moments(c.features(xt));
    const double fd = frechetDistance(moments(c.features(generated)), mt);
    const double floor = frechetDistance(moments(c.features(xr)), mt);
    // Where the distance comes from: the decoder's own reconstructions of that training subset
    // (encoder, SDE, decoder) against the test set. Sampling can come no nearer than this.
    const double fdRec =
        frechetDistance(moments(c.features(m.reconstruct(xr, std::uint64_t(seed_)))), mt);
    const double agree = agreement(c.predict(generated), intended);
    std::printf(
        "Frechet distance in the classifier's %d features (not comparable to Inception FID): %.4f, "
        "real-vs-real floor %.4f (ratio %.2f); reconstructions %.4f (ratio %.2f); class agreement "
        "%.4f\n",
        c.featureCount(), fd, floor, fd / floor, fdRec, fdRec / floor, agree);
    JsonSummary j;
    j.add("action", "fid")
        .add("model", model_)
        .add("classifier", classifier_)
        .add("fd", fd)
        .add("fd_floor", floor)
        .add("fd_ratio", fd / floor)
        .add("fd_reconstruction", fdRec)
        .add("class_agreement", agree)
        .add("n_generated", (long long)generated.cols())
        .add("n_reference", (long long)xt.cols())
        .add("eps", m.latent().params().eps)
        .add("centre", centre_)
        .add("seed", (long long)seed_)
        .add("wall_s", secondsSince(t0));
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

}  // namespace as::cli
