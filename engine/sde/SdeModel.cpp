#include "sde/SdeModel.h"

#include <stdexcept>
#include <string>

namespace as::sde {
namespace {

void requireSquare(const Eigen::MatrixXf& m, int n, const char* what) {
    if (m.rows() != n || m.cols() != n)
        throw std::invalid_argument(std::string(what) + " must be " + std::to_string(n) + " x " +
                                    std::to_string(n) + " (got " + std::to_string(m.rows()) +
                                    " x " + std::to_string(m.cols()) + ")");
    if (!m.allFinite())
        throw std::invalid_argument(std::string(what) + " holds a non-finite value");
}

}  // namespace

SdeModel::SdeModel(const SdeParams& p)
    : params_(p), attractors_(std::make_shared<const AttractorSet>(p)) {
    atilde_ = Eigen::MatrixXf::Zero(p.n, p.n);
    a_ = attractors_->assemble(atilde_);
}

bool SdeModel::structuralChange(const SdeParams& a, const SdeParams& b) {
    return a.n != b.n || a.classes != b.classes || a.pattern != b.pattern || a.node != b.node ||
           a.c != b.c || a.beta != b.beta || a.lambda != b.lambda || a.r != b.r;
}

void SdeModel::setParams(const SdeParams& p) {
    if (!structuralChange(params_, p)) {
        p.check();
        params_ = p;
        return;
    }
    auto planted = std::make_shared<const AttractorSet>(p);  // checks p; throws before any change
    params_ = p;
    attractors_ = std::move(planted);
    atilde_ = Eigen::MatrixXf::Zero(p.n, p.n);
    a_ = attractors_->assemble(atilde_);
    clearTrainedG();
}

void SdeModel::setAtilde(const Eigen::MatrixXf& m) {
    requireSquare(m, params_.n, "Atilde");
    atilde_ = m;
    a_ = attractors_->assemble(atilde_);
}

void SdeModel::setTrainedG(const Eigen::MatrixXf& m) {
    requireSquare(m, params_.n, "G");
    g_ = m;
    hasG_ = true;
}

void SdeModel::clearTrainedG() {
    g_.resize(0, 0);
    hasG_ = false;
}

const Eigen::MatrixXf* SdeModel::noiseMatrix() const {
    return (params_.noise == NoiseKind::Trained && hasG_) ? &g_ : nullptr;
}

}  // namespace as::sde
