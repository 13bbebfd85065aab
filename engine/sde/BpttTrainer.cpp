#include "sde/BpttTrainer.h"

#include <cmath>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "core/EnumNames.h"
#include "io/Hdf5Handle.h"
#include "sde/AdamCheckpoint.h"
#include "sde/AdamOptimizer.h"
#include "sde/BpttKernel.h"
#include "sde/GaussianNoise.h"
#include "sde/MiniBatchSchedule.h"
#include "sde/SdeIntegrator.h"
#include "sde/SdeModelFile.h"
#include "sde/ThreadBudget.h"

namespace as::sde {

class BpttWorkspace {
  public:
    BpttBuffers<float> buf;
    Eigen::MatrixXf dA;
};

namespace {

/// Training image `in` (side x side, row-major) moved by (dx, dy) pixels into `out`, zero fill.
void shiftImage(const Eigen::Ref<const Eigen::VectorXf>& in, int side, int dx, int dy,
                Eigen::Ref<Eigen::VectorXf> out) {
    out.setZero();
    for (int r = 0; r < side; ++r) {
        const int r2 = r + dy;
        if (r2 < 0 || r2 >= side) continue;
        for (int c = 0; c < side; ++c) {
            const int c2 = c + dx;
            if (c2 >= 0 && c2 < side) out[r2 * side + c2] = in[r * side + c];
        }
    }
}

AdamOptimizer::Settings adamSettings(double lr, double clip) {
    AdamOptimizer::Settings s;
    s.learningRate = lr;
    s.clipNorm = clip;
    return s;
}

}  // namespace

std::vector<int> epochOrder(std::uint64_t seed, long epoch, int m) {
    std::vector<int> order(static_cast<std::size_t>(m));
    for (int i = 0; i < m; ++i) order[std::size_t(i)] = i;
    std::mt19937_64 rng(mix64(seed ^ mix64(std::uint64_t(epoch) + 0x5151)));
    for (int i = m - 1; i > 0; --i)
        std::swap(order[std::size_t(i)], order[std::size_t(rng() % std::uint64_t(i + 1))]);
    return order;
}

std::uint64_t iterationNoiseSeed(std::uint64_t seed, long iteration) {
    return mix64(mix64(seed + 0xA5A5) ^ std::uint64_t(iteration));
}

const char* trainOutcomeName(TrainOutcome o) {
    static const std::vector<std::string> names = {"finished", "cancelled", "diverged"};
    return nameAt(names, int(o));
}

BpttTrainer::BpttTrainer(SdeModel& model, const TrainParams& tp)
    : model_(model), tp_(tp), ws_(std::make_unique<BpttWorkspace>()) {
    tp_.check();
    const int n = model_.params().n;
    adamA_ = std::make_unique<AdamOptimizer>(n, n, adamSettings(tp_.learningRate, tp_.clip));
    if (tp_.trainG)
        adamG_ = std::make_unique<AdamOptimizer>(n, n, adamSettings(tp_.gLearningRate, tp_.clip));
}

BpttTrainer::~BpttTrainer() = default;

void BpttTrainer::ensureG() {
    if (tp_.trainG && !model_.hasTrainedG())
        model_.setTrainedG(Eigen::MatrixXf::Identity(model_.params().n, model_.params().n));
}

double BpttTrainer::lossAndGradient(const Eigen::MatrixXf& x0, const Eigen::VectorXi& labels,
                                    std::uint64_t noiseSeed, Eigen::MatrixXf& dAtilde,
                                    Eigen::MatrixXf* dG) const {
    const int n = model_.params().n;
    Eigen::MatrixXf identity;
    BpttProblem<float> pr;
    pr.params = &model_.params();
    pr.attractors = &model_.attractors();
    pr.A = &model_.A();
    if (tp_.trainG) {
        if (model_.hasTrainedG()) {
            pr.G = &model_.trainedG();
        } else {
            identity = Eigen::MatrixXf::Identity(n, n);
            pr.G = &identity;
        }
        pr.gradG = true;
        pr.alpha = tp_.alpha;
    } else {
        pr.G = model_.noiseMatrix();
    }
    const ThreadBudget budget(x0.cols() <= 8 ? ThreadBudget::smallBatchWork()
                                             : double(n) * double(n) * double(x0.cols()));
    Eigen::MatrixXf localDG;
    Eigen::MatrixXf* dGOut = tp_.trainG ? (dG ? dG : &localDG) : nullptr;
    const double loss = bpttLossAndGradient(pr, x0, labels, noiseSeed, ws_->dA, dGOut, ws_->buf);
    dAtilde = model_.attractors().pullBack(ws_->dA);
    if (dG && !tp_.trainG) dG->setZero(n, n);
    return loss;
}

TrainReport BpttTrainer::train(const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
                               const Eigen::MatrixXf& valImages, const Eigen::VectorXi& valLabels,
                               const std::function<void(const TrainProgress&)>& progress,
                               const std::atomic<bool>* cancel) {
    const SdeParams& p = model_.params();
    const int n = p.n;
    if (adamA_->firstMoment().rows() != n)
        throw std::invalid_argument("the model's size changed since the trainer was made");
    if (images.rows() != n)
        throw std::invalid_argument("training images have " + std::to_string(images.rows()) +
                                    " rows, the model " + std::to_string(n) + " nodes");
    if (labels.size() != images.cols() || images.cols() == 0)
        throw std::invalid_argument("need one label per training image (and at least one image)");
    if ((labels.array() < 0).any() || (labels.array() >= p.classes).any())
        throw std::invalid_argument("a training label is outside [0, " + std::to_string(p.classes) +
                                    ")");
    if (valImages.cols() > 0 && valImages.rows() != n)
        throw std::invalid_argument("validation images have the wrong number of rows");
    if (valLabels.size() != valImages.cols())
        throw std::invalid_argument("need one label per validation image");
    ensureG();

    const int side = int(std::lround(std::sqrt(double(n))));
    if (tp_.shift > 0 && side * side != n)
        throw std::invalid_argument("shift augmentation needs square images; N = " +
                                    std::to_string(n) + " is not a square");
    MiniBatchSchedule batches(int(images.cols()), tp_.batch, tp_.epochs, tp_.maxIterations,
                              tp_.seed, iteration_);
    const long total = batches.total();
    const int valCount =
        int(tp_.validationCount > 0 ? std::min<Eigen::Index>(tp_.validationCount, valImages.cols())
                                    : valImages.cols());
    TrainReport rep;
    auto validate = [&]() -> double {
        if (valCount == 0) return -1.0;
        const Eigen::VectorXi pred = classify(model_, valImages.leftCols(valCount), tp_.seed);
        return accuracy(pred, valLabels.head(valCount));
    };

    Eigen::MatrixXf atilde = model_.atilde(), dAtilde, G, dG;
    if (tp_.trainG) G = model_.trainedG();
    Eigen::MatrixXf x0;
    Eigen::VectorXi lab, pred;
    double lastValidation = validationCurve_.empty() ? -1.0 : validationCurve_.back();

    while (iteration_ < total) {
        if (cancel && cancel->load()) {
            rep.outcome = TrainOutcome::Cancelled;
            rep.message = cancelledMessage(iteration_);
            break;
        }
        batches.startWork();
        batches.select(iteration_);
        const int len = batches.size();
        // Small models run on one thread: see ThreadBudget.h (the whole iteration, including the
        // N x N x C products of the pull-back and the re-assembly of A).
        const ThreadBudget budget(len <= 8 ? ThreadBudget::smallBatchWork()
                                           : double(n) * double(n) * double(len));
        x0.resize(n, len);
        lab.resize(len);
        for (int j = 0; j < len; ++j) {
            const int item = batches.item(j);
            if (tp_.shift >
                0) {  // offsets keyed by (seed, iteration, item): a resumed run draws the same
                const std::uint64_t h = mix64(mix64(tp_.seed ^ 0x5417F7ull) ^
                                              mix64(std::uint64_t(iteration_)) ^ std::uint64_t(j));
                const int span = 2 * tp_.shift + 1;
                shiftImage(images.col(item), side, int(h % std::uint64_t(span)) - tp_.shift,
                           int((h >> 32) % std::uint64_t(span)) - tp_.shift, x0.col(j));
            } else {
                x0.col(j) = images.col(item);
            }
            lab[j] = labels[item];
        }
        // Forward + backward on the model's current weights.
        BpttProblem<float> pr;
        pr.params = &p;
        pr.attractors = &model_.attractors();
        pr.A = &model_.A();
        pr.G = tp_.trainG ? &model_.trainedG() : model_.noiseMatrix();
        pr.gradG = tp_.trainG;
        pr.alpha = tp_.alpha;
        const double loss =
            bpttLossAndGradient(pr, x0, lab, iterationNoiseSeed(tp_.seed, iteration_), ws_->dA,
                                tp_.trainG ? &dG : nullptr, ws_->buf, &pred);
        if (!std::isfinite(loss) || !ws_->dA.allFinite() || (tp_.trainG && !dG.allFinite())) {
            rep.outcome = TrainOutcome::Diverged;
            rep.message = nonFiniteMessage("loss", iteration_ + 1);
            break;
        }
        dAtilde = model_.attractors().pullBack(ws_->dA);
        // Adam updates the working copies; the model keeps the last good weights until both are
        // finite.
        adamA_->step(atilde, dAtilde);
        if (tp_.trainG) adamG_->step(G, dG);
        if (!atilde.allFinite() || (tp_.trainG && !G.allFinite())) {
            rep.outcome = TrainOutcome::Diverged;
            rep.message = nonFiniteMessage("weights", iteration_ + 1);
            break;
        }
        model_.setAtilde(atilde);
        if (tp_.trainG) model_.setTrainedG(G);
        ++iteration_;
        lossCurve_.push_back(loss);

        TrainProgress pg;
        pg.loss = loss;
        pg.batchAccuracy = accuracy(pred, lab);
        // Seconds per iteration count the training work only, not validation or checkpoints.
        batches.endWork();
        if ((tp_.evalEvery > 0 && iteration_ % tp_.evalEvery == 0) || iteration_ == total) {
            pg.validationAccuracy = lastValidation = validate();
            if (lastValidation >= 0) {
                validationCurve_.push_back(lastValidation);
                validationIterations_.push_back(iteration_);
            }
        }
        batches.publish(pg, iteration_, rep, progress);
        if (checkpointDue(tp_.checkpointPath, tp_.checkpointEvery, iteration_))
            saveCheckpoint(tp_.checkpointPath);
    }
    closeReport(rep, iteration_);
    rep.finalLoss = lossCurve_.empty() ? 0.0 : lossCurve_.back();
    rep.validationAccuracy = lastValidation;
    rep.lossCurve = lossCurve_;
    rep.validationCurve = validationCurve_;
    rep.validationIterations = validationIterations_;
    return rep;
}

void BpttTrainer::saveCheckpoint(const std::string& path) const {
    h5::silenceErrors();
    h5::writeFileAtomically(path, "checkpoint", [&](hid_t f) {
        {
            h5::Handle g = h5::createGroup(f, "sde_model");
            TrainingMeta meta;
            meta.train = tp_;
            meta.iterations = iteration_;
            meta.finalLoss = lossCurve_.empty() ? 0.0 : lossCurve_.back();
            meta.lossCurve = lossCurve_;
            meta.validationCurve = validationCurve_;
            meta.outcome = "checkpoint";
            writeSdeModel(g, model_, meta);
        }
        h5::Handle c = h5::createGroup(f, "checkpoint");
        h5::writeAttribute(c, "iteration", std::int64_t(iteration_));
        h5::writeAttribute(c, "train_g", std::int64_t(tp_.trainG ? 1 : 0));
        writeAdamState(c, "adam_a", *adamA_);
        if (adamG_) writeAdamState(c, "adam_g", *adamG_);
        std::vector<double> vi(validationIterations_.begin(), validationIterations_.end());
        h5::writeDataset(c, "validation_iterations", vi, {hsize_t(vi.size())});
    });
}

void BpttTrainer::resume(const std::string& path) {
    h5::silenceErrors();
    const std::string where = "checkpoint '" + path + "'";
    if (!std::filesystem::exists(path)) throw h5::Error(where + " does not exist");
    if (!h5::isHdf5(path)) throw h5::Error(where + " is not an HDF5 file (damaged or truncated?)");
    try {
        h5::Handle f = h5::openFileReadOnly(path);  // verifies the checksums the file carries
        h5::Handle mg = h5::openGroup(f, "sde_model");
        requireChecksums(f, mg, where);
        LoadedSdeModel saved = readSdeModel(mg, path);
        if (SdeModel::structuralChange(model_.params(), saved.model.params()))
            throw h5::Error(
                where +
                " was written for a different model (n, classes, pattern or node constants)");
        h5::Handle c = h5::openGroup(f, "checkpoint");
        if ((h5::readIntAttribute(c, "train_g") != 0) != tp_.trainG)
            throw h5::Error(where + ": train_g differs from the trainer's");
        const int n = model_.params().n;
        const long it = long(h5::readIntAttribute(c, "iteration"));
        if (it < 0 || std::size_t(it) != saved.meta.lossCurve.size())
            throw h5::Error(where + ": field 'iteration' does not match the loss curve");
        const AdamState a = readAdamState(c, "adam_a", n, n, where);
        AdamState g;
        if (tp_.trainG) {
            if (!saved.model.hasTrainedG()) throw h5::Error(where + ": missing field 'g'");
            g = readAdamState(c, "adam_g", n, n, where);
        }
        const std::vector<double> vi = h5::readDoubles(c, "validation_iterations");
        if (vi.size() != saved.meta.validationCurve.size())
            throw h5::Error(where + ": validation curve and its iterations differ in length");
        // Everything read and checked: now change state.
        model_.setParams(saved.model.params());
        model_.setAtilde(saved.model.atilde());
        if (saved.model.hasTrainedG())
            model_.setTrainedG(saved.model.trainedG());
        else
            model_.clearTrainedG();
        a.restoreInto(*adamA_);
        if (tp_.trainG) g.restoreInto(*adamG_);
        iteration_ = it;
        lossCurve_ = saved.meta.lossCurve;
        validationCurve_ = saved.meta.validationCurve;
        validationIterations_.assign(vi.begin(), vi.end());
    } catch (const h5::Error& e) {
        const std::string msg = e.what();
        if (msg.find(path) != std::string::npos) throw;
        throw h5::Error(where + ": " + msg);
    } catch (const std::invalid_argument& e) {
        throw h5::Error(where + ": " + e.what());
    }
}

}  // namespace as::sde
