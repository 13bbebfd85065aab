#pragma once
// The trainable SDE classifier (seed 002 §II–§IV): parameters, the planted attractors, the free
// matrix Atilde (what training changes), the assembled coupling A = Atilde (1 - P) + Ptilde (eq 2,
// cached) and an optional trained noise matrix G. A value type: copying it copies the weights.
#include <Eigen/Core>
#include <memory>

#include "sde/AttractorSet.h"
#include "sde/SdeParams.h"

namespace as::sde {

class SdeModel {
  public:
    /// Plants the attractors of p (throws std::invalid_argument if p is invalid); Atilde = 0, no G.
    explicit SdeModel(const SdeParams& p);

    const SdeParams& params() const { return params_; }
    /// Takes new parameters. Re-plants and resets Atilde to 0 and drops G only if a structural
    /// value changed (n, classes, pattern, node, c, beta, lambda, r); dt, steps, eps, noise,
    /// averageSteps and seed change without touching the weights. Throws (model unchanged) if p is
    /// invalid.
    void setParams(const SdeParams& p);
    /// Whether going from a to b re-plants the attractors.
    static bool structuralChange(const SdeParams& a, const SdeParams& b);

    const AttractorSet& attractors() const { return *attractors_; }
    std::shared_ptr<const AttractorSet> attractorsPtr() const { return attractors_; }

    const Eigen::MatrixXf& atilde() const { return atilde_; }
    /// Throws std::invalid_argument unless m is N x N and finite.
    void setAtilde(const Eigen::MatrixXf& m);
    /// The coupling actually integrated, A = Atilde (1 - P) + Ptilde (cached until Atilde changes).
    const Eigen::MatrixXf& A() const { return a_; }

    bool hasTrainedG() const { return hasG_; }
    /// The trained G (N x N); empty (0 x 0) when hasTrainedG() is false.
    const Eigen::MatrixXf& trainedG() const { return g_; }
    /// Throws std::invalid_argument unless m is N x N and finite.
    void setTrainedG(const Eigen::MatrixXf& m);
    void clearTrainedG();
    /// The noise matrix in use: &trainedG() if params().noise == Trained and a G is present,
    /// nullptr for the identity. The noise term is eps * G * eta (eps = params().eps).
    const Eigen::MatrixXf* noiseMatrix() const;

  private:
    SdeParams params_;
    std::shared_ptr<const AttractorSet> attractors_;
    Eigen::MatrixXf atilde_, a_, g_;
    bool hasG_ = false;
};

}  // namespace as::sde
