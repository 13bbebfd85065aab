// attractor-cli sde train | eval (SdeCommand's MNIST actions), and the model-file helpers every
// action shares (loadModelFile, processCommandLine). Pipeline for an image:
// pixel / 255 -> corruption (eval only) -> normaliseToMax -> initial condition x(0).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "CancelSignal.h"
#include "CliClock.h"
#include "JsonSummary.h"
#include "MnistArgs.h"
#include "ProgressPrinter.h"
#include "SdeCommand.h"
#include "data/Corruptions.h"
#include "data/IdxReader.h"
#include "data/ImageSet.h"
#include "data/MnistLocator.h"
#include "io/Hdf5Handle.h"
#include "sde/BpttTrainer.h"
#include "sde/SdeIntegrator.h"

namespace as::cli {
namespace {

using namespace as::sde;
/// Images of `set` as initial conditions: pixel / 255, optional corruption, normalised to max.
Eigen::MatrixXf initialConditions(const data::ImageSet& set, data::Corruption c,
                                  std::uint64_t seed) {
    Eigen::MatrixXf x = set.floats(0, set.count());
    if (c != data::Corruption::Clean) x = data::corruptBatch(c, x, seed, set.rows, set.cols);
    data::normaliseToMax(x);
    return x;
}

data::ImageSet firstN(const data::ImageSet& s, int first, int n) {
    std::vector<int> idx;
    for (int i = first; i < std::min(s.count(), first + n); ++i) idx.push_back(i);
    return s.subset(idx);
}

}  // namespace

std::string processCommandLine() {
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string line;
    std::string arg;
    for (char c : all) {
        if (c != '\0') {
            arg += c;
            continue;
        }
        if (!line.empty()) line += ' ';
        line += arg.find_first_of(" \t'\"") == std::string::npos ? arg : "'" + arg + "'";
        arg.clear();
    }
    return line.empty() ? std::string("attractor-cli sde") : line;
}

sde::LoadedSdeModel loadModelFile(const std::string& path) {
    if (path.empty()) throw CliError("--model FILE.h5 is required");
    try {
        return loadSdeModel(path);
    } catch (const h5::Error& e) {
        throw CliError(std::string("--model: cannot read SDE model: ") + e.what());
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("--model: invalid SDE model '") + path + "': " + e.what());
    }
}

std::string SdeCommand::mnistDir() const {
    return findMnistOrThrow(mnist_);
}

std::vector<int> SdeCommand::digits(int classes) const {
    return parseDigits(digits_, classes);
}

int SdeCommand::runTrain() {
    if (out_.empty()) throw CliError("--out FILE.h5 (the trained model) is required");
    if (trainCount_ < 1) throw CliError("--train-count must be >= 1");
    if (valCount_ < 0) throw CliError("--val-count must be >= 0");
    const std::vector<int> ds = digits(classes_ > 0 ? classes_ : 0);
    SdeParams p;
    p.n = 784;
    p.classes = int(ds.size());
    TrainParams tp;
    if (trainG_) p.noise = NoiseKind::Trained;
    buildParams(p, tp);
    if (p.n != 784) throw CliError("--set n: MNIST training needs n = 784 (one node per pixel)");
    if (p.classes != int(ds.size()))
        throw CliError("classes (" + std::to_string(p.classes) +
                       ") must equal the number of --digits (" + std::to_string(ds.size()) + ")");
    train_.applyTo(tp, 50);
    if (trainG_) tp.trainG = true;
    if (tp.trainG)
        p.noise = NoiseKind::Trained;  // --set train_g=1 as well: the model then uses its G
    if (alpha_ >= 0) tp.alpha = alpha_;
    tp.seed = std::uint64_t(seed_);
    tp.validationCount = valCount_;
    try {
        tp.check();
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("invalid training parameter: ") + e.what());
    }
    if (validateOnly_) return mnistDir(), kExitOk;  // sweep plan: MNIST must be there too

    const auto t0 = Clock::now();
    const std::string dir = mnistDir();
    const data::ImageSet all = loadMnistSplit(dir, data::MnistSplit::Train).withLabels(ds);
    if (all.count() < trainCount_ + valCount_)
        throw CliError("--train-count + --val-count = " + std::to_string(trainCount_ + valCount_) +
                       " but only " + std::to_string(all.count()) +
                       " training images have those digits");
    const data::ImageSet trainSet = firstN(all, 0, trainCount_),
                         valSet = firstN(all, trainCount_, valCount_);
    const Eigen::MatrixXf x = initialConditions(trainSet, data::Corruption::Clean, 0);
    const Eigen::MatrixXf xv = initialConditions(valSet, data::Corruption::Clean, 0);
    const Eigen::VectorXi y = classIndices(trainSet.labels, ds),
                          yv = classIndices(valSet.labels, ds);

    SdeModel model(p);
    if (!train_.resume.empty()) {
        model = loadModelFile(train_.resume).model;  // the checkpoint's structure and weights
        if (model.params().classes != p.classes || model.params().n != p.n)
            throw CliError(
                "--resume: the checkpoint's model has n = " + std::to_string(model.params().n) +
                ", classes = " + std::to_string(model.params().classes) + ", not n = " +
                std::to_string(p.n) + ", classes = " + std::to_string(p.classes) + " (--digits)");
    }
    BpttTrainer trainer(model, tp);
    if (!train_.resume.empty()) {
        try {
            trainer.resume(train_.resume);
        } catch (const h5::Error& e) {
            throw CliError(std::string("--resume: ") + e.what());
        } catch (const std::invalid_argument& e) {
            throw CliError(std::string("--resume: ") + e.what());
        }
    }
    std::printf(
        "training on %d images of digits %s (%d validation), N = %d, C = %d, eps = %g, G %s\n",
        trainSet.count(), digits_.empty() ? "0..C-1" : digits_.c_str(), valSet.count(), p.n,
        p.classes, p.eps, tp.trainG ? "trained" : "identity");
    std::fflush(stdout);
    ProgressPrinter printer("sde train", "iterations", quiet_);
    const auto progress = [&](const TrainProgress& pg) {
        printer.update(double(pg.iteration), double(pg.totalIterations));
        if (quiet_) return;
        const long every = std::max(1L, pg.totalIterations / 20);
        if (pg.iteration % every != 0 && pg.iteration != pg.totalIterations &&
            pg.validationAccuracy < 0)
            return;
        std::printf("iteration %ld/%ld  epoch %d  loss %.5f  batch acc %.3f%s  %.3f s/iter\n",
                    pg.iteration, pg.totalIterations, pg.epoch, pg.loss, pg.batchAccuracy,
                    pg.validationAccuracy >= 0
                        ? ("  val acc " + std::to_string(pg.validationAccuracy)).c_str()
                        : "",
                    pg.secondsPerIteration);
        std::fflush(stdout);
    };
    TrainReport rep;
    try {
        rep = trainer.train(x, y, xv, yv, progress, cancelFlag());
    } catch (const std::invalid_argument& e) {
        throw CliError(std::string("cannot train: ") + e.what());
    }
    if (rep.outcome == TrainOutcome::Cancelled)
        std::fprintf(stderr,
                     "attractor-cli: cancelled at iteration %ld: writing the model%s as reached\n",
                     rep.iterations, train_.checkpoint.empty() ? "" : " and the checkpoint");

    const TrainingMeta meta = TrainingMeta::fromReport(tp, rep, processCommandLine());
    try {
        if (!train_.checkpoint.empty()) trainer.saveCheckpoint(train_.checkpoint);
        saveSdeModel(out_, model, meta);
    } catch (const h5::Error& e) {
        throw CliError(std::string("cannot write the model: ") + e.what(), kExitFailure);
    }
    std::printf("%s\n", rep.message.c_str());
    JsonSummary j;
    j.add("action", "train")
        .add("model", out_)
        .add("outcome", trainOutcomeName(rep.outcome))
        .add("iterations", (long long)rep.iterations)
        .add("final_loss", rep.finalLoss)
        .add("s_per_iter", rep.secondsPerIteration)
        .add("val_acc", rep.validationAccuracy >= 0 ? std::optional<double>(rep.validationAccuracy)
                                                    : std::nullopt)
        .add("n_train", (long long)trainSet.count())
        .add("classes", (long long)p.classes)
        .add("eps", p.eps)
        .add("train_g", tp.trainG)
        .add("wall_s", secondsSince(t0));
    if (!train_.checkpoint.empty()) j.add("checkpoint", train_.checkpoint);
    std::printf("%s\n", j.str().c_str());
    if (rep.outcome == TrainOutcome::Cancelled) return kExitCancelled;
    return rep.outcome == TrainOutcome::Finished ? kExitOk : kExitHalted;
}

int SdeCommand::runEval() {
    const LoadedSdeModel loaded = loadModelFile(model_);
    const SdeModel& model = loaded.model;
    if (model.params().n != 784)
        throw CliError("eval needs a model with n = 784 (one node per MNIST pixel)");
    if (model.params().classes > 10)
        throw CliError("eval: the model has " + std::to_string(model.params().classes) +
                       " classes, MNIST has 10 digits");
    const std::vector<int> ds = digits(model.params().classes);
    if (testCount_ < 1) throw CliError("--test-count must be >= 1");
    std::vector<data::Corruption> conds{data::Corruption::Clean};
    if (corruptions_ == "all") {
        for (data::Corruption c : data::tableCorruptions()) conds.push_back(c);
    } else if (!corruptions_.empty() && corruptions_ != "none") {
        std::stringstream ss(corruptions_);
        std::string key;
        while (std::getline(ss, key, ',')) {
            try {
                const data::Corruption c = data::corruptionFromKey(key);
                if (c != data::Corruption::Clean) conds.push_back(c);
            } catch (const std::invalid_argument& e) {
                throw CliError(std::string("--corruptions: ") + e.what());
            }
        }
    }
    const auto t0 = Clock::now();
    const std::string dir = mnistDir();
    const data::ImageSet test =
        firstN(loadMnistSplit(dir, data::MnistSplit::Test).withLabels(ds), 0, testCount_);
    const Eigen::VectorXi y = classIndices(test.labels, ds);
    std::ofstream csv;
    if (!csv_.empty()) {
        csv.open(csv_);
        if (!csv) throw CliError("--csv: cannot write '" + csv_ + "'", kExitFailure);
        csv << "corruption,label,accuracy,n_test\n";
    }
    JsonSummary j;
    j.add("action", "eval").add("model", model_).add("n_test", (long long)test.count());
    ProgressPrinter printer("sde eval", "images", quiet_);
    const double images = double(conds.size()) * test.count();
    int finished = 0;
    for (data::Corruption c : conds) {
        const Eigen::MatrixXf x0 = initialConditions(test, c, std::uint64_t(seed_));
        const double before = double(finished) * test.count();
        const Eigen::VectorXi predicted =
            classify(model, x0, std::uint64_t(seed_), cancelFlag(),
                     [&](long done, long) { printer.update(before + double(done), images); });
        if (cancelRequested())
            break;  // this condition is incomplete: the table keeps the finished ones
        ++finished;
        const double acc = accuracy(predicted, y);
        std::printf("%-28s %.4f\n", data::corruptionLabel(c), acc);
        std::fflush(stdout);
        j.add(std::string(data::corruptionKey(c)) + "_acc", acc);
        if (csv.is_open())
            csv << data::corruptionKey(c) << ",\"" << data::corruptionLabel(c) << "\"," << acc
                << ',' << test.count() << '\n';
    }
    const bool cancelled = cancelRequested();
    if (cancelled)
        std::fprintf(
            stderr,
            "attractor-cli: cancelled: %d of %zu conditions finished (in the table and the JSON)\n",
            finished, conds.size());
    j.add("eps", model.params().eps).add("wall_s", secondsSince(t0)).add("cancelled", cancelled);
    std::printf("%s\n", j.str().c_str());
    return cancelled ? kExitCancelled : kExitOk;
}

}  // namespace as::cli
