#include "generator/FeatureClassifier.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "core/ParamKeysImpl.h"
#include "core/TrainingSpecs.h"
#include "io/Hdf5Errors.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Matrix.h"
#include "sde/AdamOptimizer.h"
#include "sde/BpttTrainer.h"
#include "sde/SdeModelFile.h"
#include "sde/ThreadBudget.h"

namespace as {

template <>
void ParamKeys<generator::ClassifierParams>::describe(ParamTable<generator::ClassifierParams>& t) {
    using P = generator::ClassifierParams;
    t.add<&P::hidden1>(integerSpec("hidden1", "Hidden layer 1", "", 256, 8, 4096, 8,
                                   "First hidden layer, [8, 4096]."));
    t.add<&P::hidden2>(
        integerSpec("hidden2", "Feature layer", "", 128, 8, 4096, 8,
                    "Second hidden layer = the features of the Frechet distance, [8, 4096]."));
    t.add<&P::epochs>(epochsSpec(12, 1000, "Passes over the training set, [1, 1000]."));
    t.add<&P::batch>(batchSpec(128, "Images per mini-batch, [1, 4096]."));
    t.add<&P::learningRate>(
        learningRateSpec(1e-3, "Adam step size, halved after every third epoch, (0, 1]."));
    t.add<&P::seed>(seedSpec("Seed", "Initial weights and batch order.", 4294967295.0));
}

template struct ParamKeys<generator::ClassifierParams>;

}  // namespace as

namespace as::generator {
namespace {

using P = ClassifierParams;
constexpr const char* kGroup = "feature_classifier";
constexpr std::int64_t kFormatVersion = 2;

constexpr long kChunk = 2048;

}  // namespace

void ClassifierParams::check() const {
    requireRule(hidden1 >= 8 && hidden1 <= 4096, "hidden1 must be in [8, 4096]", hidden1);
    requireRule(hidden2 >= 8 && hidden2 <= 4096, "hidden2 must be in [8, 4096]", hidden2);
    requireRule(epochs >= 1 && epochs <= 1000, "epochs must be in [1, 1000]", epochs);
    requireRule(batch >= 1 && batch <= 4096, "batch must be in [1, 4096]", batch);
    requireRule(std::isfinite(learningRate) && learningRate > 0 && learningRate <= 1,
                "lr must be in (0, 1]", learningRate);
}

FeatureClassifier::FeatureClassifier(const ClassifierParams& p, int pixels) : params_(p) {
    p.check();
    net_ =
        makeMlp({pixels, p.hidden1, p.hidden2, 10}, Activation::Relu, Activation::Identity, p.seed);
}

double FeatureClassifier::train(const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
                                const std::function<void(const ClassifierProgress&)>& progress,
                                const std::atomic<bool>* cancel) {
    if (images.rows() != net_.inputs() || labels.size() != images.cols() || images.cols() == 0)
        throw std::invalid_argument("classifier: images or labels do not fit the network");
    if ((labels.array() < 0).any() || (labels.array() > 9).any())
        throw std::invalid_argument("classifier: a label is outside 0..9");
    const int m = int(images.cols()), B = params_.batch;
    const long perEpoch = (m + B - 1) / B, total = perEpoch * params_.epochs;
    std::vector<std::unique_ptr<sde::AdamOptimizer>> adam;
    std::vector<Eigen::MatrixXf*> tensors;
    for (int k = 0; k < net_.layers(); ++k) {
        tensors.push_back(&net_.w[std::size_t(k)]);
        tensors.push_back(&net_.b[std::size_t(k)]);
    }
    MlpCache<float> cache;
    MlpWeights<float> grad;
    Eigen::MatrixXf X, dOut;
    double epochLoss = 0.0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int e = 0; e < params_.epochs; ++e) {
        // Adam with the step size of this epoch (halved every third epoch), moments kept.
        sde::AdamOptimizer::Settings s;
        s.learningRate = params_.learningRate * std::pow(0.5, e / 3);
        if (e == 0 || e % 3 == 0) {
            std::vector<std::unique_ptr<sde::AdamOptimizer>> next;
            for (std::size_t k = 0; k < tensors.size(); ++k) {
                next.push_back(std::make_unique<sde::AdamOptimizer>(tensors[k]->rows(),
                                                                    tensors[k]->cols(), s));
                if (!adam.empty())
                    next[k]->restore(adam[k]->steps(), adam[k]->firstMoment(),
                                     adam[k]->secondMoment());
            }
            adam = std::move(next);
        }
        const std::vector<int> order = sde::epochOrder(params_.seed, e, m);
        epochLoss = 0.0;
        for (long it = 0; it < perEpoch; ++it) {
            if (cancel && cancel->load()) return epochLoss / double(std::max(1L, it));
            const int first = int(it * B), len = std::min(B, m - first);
            const sde::ThreadBudget budget(sde::ThreadBudget::machineBusy()
                                               ? 0.0
                                               : double(len) * images.rows() * params_.hidden1);
            X.resize(images.rows(), len);
            for (int j = 0; j < len; ++j) X.col(j) = images.col(order[std::size_t(first + j)]);
            mlpForward(net_, X, cache);
            // Softmax cross-entropy: dL/dlogits = (softmax - onehot) / B.
            dOut = cache.output();
            double loss = 0.0;
            for (int j = 0; j < len; ++j) {
                auto col = dOut.col(j);
                const float mx = col.maxCoeff();
                col = (col.array() - mx).exp().matrix();
                const float sum = col.sum();
                col /= sum;
                const int y = labels[order[std::size_t(first + j)]];
                loss -= std::log(std::max(1e-30, double(col[y])));
                col[y] -= 1.0f;
            }
            dOut /= float(len);
            epochLoss += loss / len;
            mlpBackward(net_, cache, dOut, grad, static_cast<Eigen::MatrixXf*>(nullptr));
            for (int k = 0; k < net_.layers(); ++k) {
                adam[std::size_t(2 * k)]->step(net_.w[std::size_t(k)], grad.w[std::size_t(k)]);
                adam[std::size_t(2 * k + 1)]->step(net_.b[std::size_t(k)], grad.b[std::size_t(k)]);
            }
            if (progress) {
                ClassifierProgress pg;
                pg.epoch = e;
                pg.epochs = params_.epochs;
                pg.iteration = e * perEpoch + it + 1;
                pg.totalIterations = total;
                pg.loss = loss / len;
                const double el =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                pg.secondsLeft = el / double(pg.iteration) * double(total - pg.iteration);
                progress(pg);
            }
        }
        epochLoss /= double(perEpoch);
    }
    return epochLoss;
}

Eigen::MatrixXf FeatureClassifier::features(const Eigen::MatrixXf& images) const {
    const sde::ThreadBudget budget(
        sde::ThreadBudget::machineBusy() ? 0.0 : double(kChunk) * images.rows() * params_.hidden1);
    Eigen::MatrixXf out(params_.hidden2, images.cols());
    MlpCache<float> cache;
    for (Eigen::Index c0 = 0; c0 < images.cols(); c0 += kChunk) {
        const Eigen::Index n = std::min<Eigen::Index>(kChunk, images.cols() - c0);
        mlpForward(net_, Eigen::MatrixXf(images.middleCols(c0, n)), cache);
        out.middleCols(c0, n) = cache.a[2];
    }
    return out;
}

Eigen::VectorXi FeatureClassifier::predict(const Eigen::MatrixXf& images) const {
    const sde::ThreadBudget budget(
        sde::ThreadBudget::machineBusy() ? 0.0 : double(kChunk) * images.rows() * params_.hidden1);
    Eigen::VectorXi out(images.cols());
    MlpCache<float> cache;
    for (Eigen::Index c0 = 0; c0 < images.cols(); c0 += kChunk) {
        const Eigen::Index n = std::min<Eigen::Index>(kChunk, images.cols() - c0);
        mlpForward(net_, Eigen::MatrixXf(images.middleCols(c0, n)), cache);
        for (Eigen::Index j = 0; j < n; ++j) cache.output().col(j).maxCoeff(&out[c0 + j]);
    }
    return out;
}

void FeatureClassifier::save(const std::string& path, const std::string& commandLine) const {
    h5::silenceErrors();
    h5::writeFileAtomically(path, "feature classifier file", [&](hid_t f) {
        h5::Handle g = h5::createGroup(f, kGroup);
        h5::writeAttribute(g, "format_version", kFormatVersion);
        h5::writeAttribute(g, "pixels", std::int64_t(net_.inputs()));
        for (const auto& s : ClassifierParams::specs())
            h5::writeAttribute(g, s.key, params_.get(s.key));
        h5::writeAttribute(g, "test_accuracy", testAccuracy_);
        h5::writeAttribute(g, "command_line", commandLine);
        h5::writeAttribute(g, "date", sde::utcNow());
        for (int k = 0; k < net_.layers(); ++k) {
            h5::writeMatrix(g, "w" + std::to_string(k), net_.w[std::size_t(k)]);
            h5::writeMatrix(g, "b" + std::to_string(k), net_.b[std::size_t(k)]);
        }
    });
}

FeatureClassifier FeatureClassifier::load(const std::string& path) {
    h5::silenceErrors();
    const std::string where = "feature classifier file '" + path + "'";
    if (!std::filesystem::exists(path)) throw h5::Error(where + " does not exist");
    if (!h5::isHdf5(path)) throw h5::Error(where + " is not an HDF5 file (damaged or truncated?)");
    return h5::namingFile(path, where, [&] {
        h5::Handle f = h5::openFileReadOnly(path);  // verifies the checksums the file carries
        if (!h5::hasChild(f, kGroup))
            throw h5::Error(std::string("it holds no /") + kGroup + " group");
        h5::Handle g = h5::openGroup(f, kGroup);
        sde::requireChecksums(f, g, where);
        if (h5::readIntAttribute(g, "format_version") != kFormatVersion)
            throw h5::Error("unsupported format_version");
        ClassifierParams p;
        for (const auto& s : ClassifierParams::specs())
            p.set(s.key, h5::readDoubleAttribute(g, s.key));
        p.check();
        const std::int64_t pixels = h5::readIntAttribute(g, "pixels");
        if (pixels < 1 || pixels > 1 << 20) throw h5::Error("field 'pixels' is out of range");
        FeatureClassifier c(p, int(pixels));
        for (int k = 0; k < c.net_.layers(); ++k) {
            auto& w = c.net_.w[std::size_t(k)];
            w = h5::readMatrixF(g, "w" + std::to_string(k), w.rows(), w.cols(), where);
            auto& b = c.net_.b[std::size_t(k)];
            b = h5::readMatrixF(g, "b" + std::to_string(k), b.rows(), 1, where);
        }
        c.testAccuracy_ = h5::readDoubleAttribute(g, "test_accuracy");
        return c;
    });
}

}  // namespace as::generator
