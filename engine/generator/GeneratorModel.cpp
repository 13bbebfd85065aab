#include "generator/GeneratorModel.h"

#include <stdexcept>
#include <string>

#include "generator/GeneratorKernel.h"
#include "sde/SdeIntegrator.h"
#include "sde/ThreadBudget.h"

namespace as::generator {
namespace {

constexpr long kChunk = 1024;  // columns per pass (bounds the temporaries)

/// The work passed to sde::ThreadBudget for a pass over `columns` images: none (one thread) when
/// the machine is busy (a descheduled thread stalls every product), else the product's size.
double passWork(Eigen::Index columns, int pixels, int hidden) {
    return sde::ThreadBudget::machineBusy()
               ? 0.0
               : double(std::min<Eigen::Index>(columns, kChunk)) * pixels * hidden;
}

sde::SdeParams checkedLatent(const GeneratorParams& p, int classes) {
    p.check(classes);
    return p.latentParams(classes);
}

void requireSameShape(const MlpWeights<float>& a, const MlpWeights<float>& b, const char* what) {
    if (a.sizes() != b.sizes() || a.act != b.act)
        throw std::invalid_argument(std::string(what) +
                                    ": layer sizes or activations differ from the model's");
    if (!b.allFinite())
        throw std::invalid_argument(std::string(what) + " holds a non-finite weight");
}

}  // namespace

GeneratorModel::GeneratorModel(const GeneratorParams& p, int pixels, std::vector<int> digits)
    : params_(p), digits_(std::move(digits)), latent_(checkedLatent(p, int(digits_.size()))) {
    if (pixels < 1) throw std::invalid_argument("the generator needs images of at least one pixel");
    encoder_ = makeMlp({pixels, p.hidden, p.latentDim}, Activation::Relu, Activation::Identity,
                       p.initSeed);
    decoder_ = makeMlp({p.decoderWidth(), p.hidden, pixels}, Activation::Relu, Activation::Sigmoid,
                       p.initSeed + 0x9E37ull);
}

int GeneratorModel::classOfDigit(int digit) const {
    for (std::size_t l = 0; l < digits_.size(); ++l)
        if (digits_[l] == digit) return int(l);
    return -1;
}

void GeneratorModel::setEncoder(const MlpWeights<float>& w) {
    requireSameShape(encoder_, w, "encoder");
    encoder_ = w;
}

void GeneratorModel::setDecoder(const MlpWeights<float>& w) {
    requireSameShape(decoder_, w, "decoder");
    decoder_ = w;
}

void GeneratorModel::setEps(double eps) {
    sde::SdeParams p = latent_.params();
    p.eps = eps;
    latent_.setParams(p);  // not structural: the weights stay
    params_.latent.eps = eps;
}

Eigen::MatrixXf GeneratorModel::encode(const Eigen::MatrixXf& images) const {
    const sde::ThreadBudget budget(passWork(images.cols(), pixels(), params_.hidden));
    Eigen::MatrixXf out(params_.latentDim, images.cols());
    MlpCache<float> cache;
    for (Eigen::Index c0 = 0; c0 < images.cols(); c0 += kChunk) {
        const Eigen::Index n = std::min<Eigen::Index>(kChunk, images.cols() - c0);
        mlpForward(encoder_, Eigen::MatrixXf(images.middleCols(c0, n)), cache);
        out.middleCols(c0, n) = cache.output();
    }
    return out;
}

Eigen::MatrixXf GeneratorModel::evolve(const Eigen::MatrixXf& x0, std::uint64_t seed,
                                       long columnOffset) const {
    sde::RunOptions o;
    o.seed = seed;
    o.columnOffset = columnOffset;
    return sde::SdeIntegrator(latent_).run(x0, o).final;
}

Eigen::MatrixXf GeneratorModel::decode(const Eigen::MatrixXf& latent) const {
    if (latent.rows() != params_.latentDim)
        throw std::invalid_argument("decode: latent states have " + std::to_string(latent.rows()) +
                                    " rows, d = " + std::to_string(params_.latentDim));
    const int w = params_.decoderWidth();
    const sde::ThreadBudget budget(passWork(latent.cols(), pixels(), params_.hidden));
    Eigen::MatrixXf out(pixels(), latent.cols());
    MlpCache<float> cache;
    for (Eigen::Index c0 = 0; c0 < latent.cols(); c0 += kChunk) {
        const Eigen::Index n = std::min<Eigen::Index>(kChunk, latent.cols() - c0);
        mlpForward(decoder_, Eigen::MatrixXf(latent.block(0, c0, w, n)), cache);
        out.middleCols(c0, n) = cache.output();
    }
    return out;
}

Eigen::MatrixXf GeneratorModel::reconstruct(const Eigen::MatrixXf& images,
                                            std::uint64_t seed) const {
    return generate(evolve(encode(images), seed), seed);
}

GeneratorModel::SecondCvfr GeneratorModel::initialSecondCvfr() const {
    SecondCvfr s{latent_.params(), Eigen::MatrixXf::Zero(params_.latentDim, params_.latentDim)};
    s.params.r = 0.0;
    return s;
}

const GeneratorModel::SecondCvfr& GeneratorModel::secondCvfr() const {
    if (!second_) throw std::logic_error("the generator model has no second CVFR");
    return *second_;
}

void GeneratorModel::setSecondCvfr(SecondCvfr s) {
    const int d = params_.latentDim;
    if (s.params.n != d || s.A2.rows() != d || s.A2.cols() != d)
        throw std::invalid_argument("the second CVFR must act on the d = " + std::to_string(d) +
                                    " latent components");
    if (!s.A2.allFinite()) throw std::invalid_argument("the second CVFR's A2 is not finite");
    if (s.params.steps < 1 || !(s.params.dt > 0) || !(s.params.eps >= 0))
        throw std::invalid_argument("the second CVFR needs steps >= 1, dt > 0 and eps >= 0");
    second_ = std::move(s);
}

void GeneratorModel::setSecondCoupling(const Eigen::MatrixXf& a2) {
    SecondCvfr s = secondCvfr();
    s.A2 = a2;
    setSecondCvfr(std::move(s));
}

Eigen::MatrixXf GeneratorModel::carry(const Eigen::MatrixXf& xT, std::uint64_t seed) const {
    if (!second_) return xT;
    // The training kernel's forward pass (sde::bpttForward), in chunks; each chunk's noise has
    // its own key, so no two columns share a noise path.
    sde::BpttProblem<float> pr;
    pr.params = &second_->params;
    pr.attractors = &latent_.attractors();
    pr.A = &second_->A2;
    sde::BpttBuffers<float> buf;
    Eigen::MatrixXf out(xT.rows(), xT.cols());
    for (Eigen::Index c0 = 0; c0 < xT.cols(); c0 += kChunk) {
        const Eigen::Index n = std::min<Eigen::Index>(kChunk, xT.cols() - c0);
        sde::bpttForward(pr, Eigen::MatrixXf(xT.middleCols(c0, n)),
                         stage2Seed(seed) + std::uint64_t(c0), buf);
        out.middleCols(c0, n) = buf.x;
    }
    return out;
}

Eigen::MatrixXf GeneratorModel::generate(const Eigen::MatrixXf& xT, std::uint64_t seed) const {
    return decode(carry(xT, seed));
}

LatentStats GeneratorModel::measureStats(const Eigen::MatrixXf& images,
                                         const Eigen::VectorXi& labels, std::uint64_t seed) const {
    return LatentStats::estimate(evolve(encode(images), seed), labels,
                                 latent_.attractors().points());
}

const LatentStats& GeneratorModel::stats() const {
    if (!stats_) throw std::logic_error("the generator model has no latent statistics");
    return *stats_;
}

void GeneratorModel::setStats(LatentStats s) {
    if (s.dim() != params_.latentDim || s.classes() != classes())
        throw std::invalid_argument("latent statistics of d = " + std::to_string(s.dim()) +
                                    ", C = " + std::to_string(s.classes()) +
                                    " do not fit the model");
    stats_ = std::move(s);
}

}  // namespace as::generator
