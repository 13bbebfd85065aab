// attractor-cli generator sample | interpolate | langevin (GeneratorCommand's generation actions).
#include <chrono>
#include <cstdio>
#include <optional>

#include "CliClock.h"
#include "GeneratorCommand.h"
#include "JsonSummary.h"
#include "MnistArgs.h"
#include "export/PngWriter.h"
#include "generator/FeatureClassifier.h"
#include "generator/GeneratedImagesFile.h"
#include "generator/LangevinSampler.h"
#include "generator/LatentSampling.h"
#include "generator/NearestNeighbours.h"
#include "io/Hdf5Handle.h"

namespace as::cli {
namespace {

using namespace as::generator;
int classOf(const GeneratorModel& m, int digit, const char* option) {
    const int l = m.classOfDigit(digit);
    if (l < 0)
        throw CliError(std::string(option) + ": the model has no digit " + std::to_string(digit));
    return l;
}

const GeneratorModel& withStats(const LoadedGenerator& g, const std::string& path) {
    if (!g.model.hasStats())
        throw CliError("--model '" + path +
                       "' carries no latent statistics (train it with generator train)");
    return g.model;
}

}  // namespace

void GeneratorCommand::writeImages(
    const Eigen::MatrixXf& images, const std::vector<int>& digits, const Eigen::MatrixXf& latent,
    int gridCols, const std::string& what,
    const std::vector<std::pair<std::string, std::vector<double>>>& extra) const {
    try {
        if (!out_.empty()) {
            GeneratedImages g;
            g.images = images;
            g.latent = latent;
            g.digits = digits;
            g.what = what;
            g.model = model_;
            g.seed = std::int64_t(seed_);
            g.extra = extra;
            writeGeneratedImages(out_, g);
        }
        if (!png_.empty()) writeGrayPng(png_, tileImages(images, 28, 28, gridCols, scale_, 2));
    } catch (const std::exception& e) {
        throw CliError(std::string("cannot write the images: ") + e.what(), kExitFailure);
    }
}

int GeneratorCommand::runSample() {
    const auto t0 = Clock::now();
    const LoadedGenerator g = loadModel();
    const GeneratorModel& m = withStats(g, model_);
    if (m.pixels() != 784) throw CliError("sample: the model's images are not 28 x 28");
    if (count_ < 1 || count_ > 1000000) throw CliError("--count must be in [1, 1e6]");
    if (scale_ < 1 || scale_ > 16) throw CliError("--scale must be in [1, 16]");
    const std::vector<int> classes = m.digits();
    const int C = m.classes();
    Eigen::MatrixXf latent(m.params().latentDim, long(C) * count_);
    std::vector<int> digits;
    for (int l = 0; l < C; ++l) {
        latent.middleCols(long(l) * count_, count_) = sampleGaussian(
            m.stats().at(l), centre(), count_, std::uint64_t(seed_), std::uint64_t(l));
        for (int k = 0; k < count_; ++k) digits.push_back(classes[std::size_t(l)]);
    }
    const auto td = Clock::now();
    const Eigen::MatrixXf images = m.generate(latent, std::uint64_t(seed_));
    const double decodeSeconds = secondsSince(td);
    // The memorisation check: each image's nearest training image of the model's digits.
    std::vector<std::pair<std::string, std::vector<double>>> extra;
    JsonSummary nj;
    if (nearest_) {
        const data::ImageSet train =
            loadMnistSplit(findMnistOrThrow(mnist_), data::MnistSplit::Train).withLabels(classes);
        const Eigen::MatrixXf xr = train.floats(0, train.count());
        const Nearest np = nearestColumns(images, xr);
        std::vector<double> idx, dist;
        for (Eigen::Index k = 0; k < np.index.size(); ++k) {
            idx.push_back(np.index[k]);
            dist.push_back(np.distance[k]);
        }
        extra.push_back({"nearest_pixel_index", idx});
        extra.push_back({"nearest_pixel_distance", dist});
        nj.add("nearest_pixel_mean", np.distance.mean())
            .add("nearest_pixel_min", np.distance.minCoeff());
        if (!classifier_.empty()) {
            FeatureClassifier c;
            try {
                c = FeatureClassifier::load(classifier_);
            } catch (const h5::Error& e) {
                throw CliError(std::string("--classifier: ") + e.what());
            }
            const Nearest nf = nearestColumns(c.features(images), c.features(xr));
            std::vector<double> fi;
            for (Eigen::Index k = 0; k < nf.index.size(); ++k) fi.push_back(nf.index[k]);
            extra.push_back({"nearest_feature_index", fi});
            nj.add("nearest_feature_mean", nf.distance.mean());
        }
        std::vector<int> order(np.index.data(), np.index.data() + np.index.size());
        if (!nearestPng_.empty()) {
            try {
                writeGrayPng(nearestPng_,
                             tileImages(train.floats(order), 28, 28, count_, scale_, 2));
            } catch (const std::exception& e) {
                throw CliError(std::string("cannot write --nearest-png: ") + e.what(),
                               kExitFailure);
            }
        }
        std::printf("nearest training image (pixels): mean distance %.3f, smallest %.3f\n",
                    np.distance.mean(), np.distance.minCoeff());
    } else if (!nearestPng_.empty()) {
        throw CliError("--nearest-png needs --nearest");
    }
    writeImages(images, digits, latent, count_,
                "samples N(centre_l, Sigma_l) decoded, centre " + centre_, extra);
    std::printf("%d images (%d per digit) sampled and decoded in %.3f s\n", int(images.cols()),
                count_, decodeSeconds);
    JsonSummary j;
    j.add("action", "sample")
        .add("model", model_)
        .add("count", (long long)images.cols())
        .add("per_class", (long long)count_);
    j.add("centre", centre_);
    if (sessionModel_) j.add("session", session_).add("model_name", sessionModelName_);
    j.addOrNull("file", out_);
    j.addOrNull("png", png_);
    j.add("seed", (long long)seed_).add("decode_s", decodeSeconds).add("wall_s", secondsSince(t0));
    std::string line = j.str();
    const std::string more = nj.str();
    if (more.size() > 2) line = line.substr(0, line.size() - 1) + "," + more.substr(1);
    std::printf("%s\n", line.c_str());
    return kExitOk;
}

int GeneratorCommand::runInterpolate() {
    const LoadedGenerator g = loadModel();
    const GeneratorModel& m = withStats(g, model_);
    if (steps_ < 2 || steps_ > 10000) throw CliError("--steps must be in [2, 10000]");
    if (scale_ < 1 || scale_ > 16) throw CliError("--scale must be in [1, 16]");
    const int a = images_.empty() ? classOf(m, from_, "--from") : 0;
    Eigen::MatrixXf latent;
    std::string what;
    std::vector<int> digits(std::size_t(steps_), from_);
    if (!images_.empty()) {
        const auto comma = images_.find(',');
        int i = -1, k = -1;
        try {
            std::size_t u1 = 0, u2 = 0;
            i = std::stoi(images_.substr(0, comma), &u1);
            k = std::stoi(images_.substr(comma + 1), &u2);
            if (comma == std::string::npos || u1 != comma || u2 != images_.size() - comma - 1)
                i = -1;
        } catch (const std::exception&) {
            i = -1;
        }
        const data::ImageSet test =
            loadMnistSplit(findMnistOrThrow(mnist_), data::MnistSplit::Test);
        if (i < 0 || k < 0 || i >= test.count() || k >= test.count())
            throw CliError("--images must be two test-image indices I,J in [0, " +
                           std::to_string(test.count()) + ") (got '" + images_ + "')");
        const Eigen::MatrixXf ends = m.evolve(m.encode(test.floats({i, k})), std::uint64_t(seed_));
        latent = interpolate(ends.col(0), ends.col(1), steps_);
        digits.assign(std::size_t(steps_), test.labels[i]);
        what = "interpolation between the x(T) of test images " + std::to_string(i) + " (digit " +
               std::to_string(test.labels[i]) + ") and " + std::to_string(k) + " (digit " +
               std::to_string(test.labels[k]) + ")";
    } else if (axis_ >= 0) {
        if (axis_ >= m.params().latentDim)
            throw CliError("--axis must be in [0, " + std::to_string(m.params().latentDim) + ")");
        latent = traverse(m.stats().at(a), centre(), axis_, steps_, range_);
        what = "traversal of principal axis " + std::to_string(axis_) + " of digit " +
               std::to_string(from_);
    } else {
        const int b = classOf(m, to_, "--to");
        latent = interpolate(m.stats().at(a).centre(centre()).cast<float>(),
                             m.stats().at(b).centre(centre()).cast<float>(), steps_);
        what = "interpolation from digit " + std::to_string(from_) + " to " + std::to_string(to_);
    }
    const Eigen::MatrixXf images = m.generate(latent, std::uint64_t(seed_));
    writeImages(images, digits, latent, steps_, what + " (centre " + centre_ + ")");
    std::printf("%s: %d images\n", what.c_str(), steps_);
    JsonSummary j;
    j.add("action", "interpolate").add("model", model_).add("steps", (long long)steps_);
    if (!images_.empty())
        j.add("images", images_);
    else if (axis_ >= 0)
        j.add("from", (long long)from_).add("axis", (long long)axis_).add("range", range_);
    else
        j.add("from", (long long)from_).add("to", (long long)to_);
    j.addOrNull("file", out_);
    j.addOrNull("png", png_);
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

int GeneratorCommand::runLangevin() {
    const auto t0 = Clock::now();
    const LoadedGenerator g = loadModel();
    const GeneratorModel& m = withStats(g, model_);
    const int steps = app_->count("--steps") || sessionModel_ ? steps_ : 300;
    if (steps < 1 || steps > 10000000) throw CliError("--steps must be in [1, 1e7]");
    if (every_ < 1 || every_ > steps) throw CliError("--every must be in [1, --steps]");
    if (chains_ < 1 || chains_ > 10000) throw CliError("--chains must be in [1, 10000]");
    if (scale_ < 1 || scale_ > 16) throw CliError("--scale must be in [1, 16]");
    if (!(targetScale_ > 0.0) || targetScale_ > 1000.0)
        throw CliError("--target-scale must be in (0, 1000]");
    const int l = classOf(m, from_, "--from");
    const LangevinNoise noise = langevinNoise(m, l, centre(), targetScale_);
    if (!noise.message.empty())
        std::fprintf(stderr, "attractor-cli: note: %s\n", noise.message.c_str());
    if (!noise.solved) throw CliError("langevin: " + noise.message, kExitFailure);
    const Eigen::MatrixXf states =
        langevinChain(m, l, noise, steps, every_, std::uint64_t(seed_), chains_);
    const Eigen::MatrixXf images = m.generate(states, std::uint64_t(seed_));
    const std::vector<int> digits(std::size_t(images.cols()), from_);
    writeImages(images, digits, states, steps / every_ + 1,
                "Langevin chain(s) of digit " + std::to_string(from_) + ", every " +
                    std::to_string(every_) + " of " + std::to_string(steps) + " steps");
    // The chain's covariance about the attractor against the target s^2 Sigma, from the states
    // after the burn-in, for a long chain only: at least 100 relaxation times 1 / |max Re J| after
    // the burn-in, summed over the chains (else null).
    const double dt = m.latent().params().dt;
    const int burn = langevinBurnIn(noise, dt);
    const int skip = (burn + every_ - 1) / every_;
    const double keptTime = double(chains_) * double(steps - skip * every_) * dt;
    const Eigen::MatrixXd target =
        targetScale_ * targetScale_ * m.stats().at(l).covariance(centre());
    std::optional<double> chainError, chainRatio;
    if (keptTime * -noise.maxRealPart >= 100.0 && long(steps / every_ + 1 - skip) * chains_ >= 2) {
        const Eigen::MatrixXd cov =
            chainCovariance(states, chains_, skip, m.stats().at(l).attractor);
        chainError = (cov - target).norm() / target.norm();
        chainRatio = cov.norm() / target.norm();
    }
    std::printf("digit %d: Q %s, G_T residual %.3e, max Re J %.4f; %ld states decoded; ", from_,
                noise.positiveDefinite ? "positive definite (Cholesky)" : "clipped", noise.residual,
                noise.maxRealPart, long(states.cols()));
    if (chainError)
        std::printf("chain covariance vs %g^2 Sigma: %.3f (Frobenius, relative), norm ratio %.3f\n",
                    targetScale_, *chainError, *chainRatio);
    else
        std::printf(
            "chain too short for its covariance (burn-in %d steps, then 100 relaxation "
            "times)\n",
            burn);
    JsonSummary j;
    j.add("action", "langevin")
        .add("model", model_)
        .add("class", (long long)from_)
        .add("steps", (long long)steps)
        .add("every", (long long)every_)
        .add("chains", (long long)chains_)
        .add("target_scale", targetScale_)
        .add("positive_definite", noise.positiveDefinite)
        .add("lyapunov_residual", noise.residual)
        .add("clipped_fraction", noise.clippedFraction)
        .add("clipped_weight", noise.clippedWeight)
        .add("max_re_j", noise.maxRealPart)
        .add("burn_in_steps", (long long)burn)
        .add("chain_cov_rel_error", chainError)
        .add("chain_cov_norm_ratio", chainRatio);
    j.addOrNull("file", out_);
    j.addOrNull("png", png_);
    j.add("wall_s", secondsSince(t0));
    std::printf("%s\n", j.str().c_str());
    return kExitOk;
}

}  // namespace as::cli
