#pragma once
// The generator of seed 002 §VI.1: images X (D pixels in [0, 1]) -> encoder E -> x(0) in R^d ->
// the latent CVFR SDE with C planted attractors (an sde::SdeModel: planting, Atilde, A) run to T by
// Euler–Maruyama -> x(T) -> decoder D (reading the first decoderWidth() components) -> Xhat.
// Class l of the model is the digit digits()[l]. A value type; latent statistics (LatentStats.h)
// are attached after training.
#include <Eigen/Core>
#include <optional>
#include <vector>

#include "generator/GeneratorParams.h"
#include "generator/LatentStats.h"
#include "generator/Mlp.h"
#include "sde/SdeModel.h"

namespace as::generator {

class GeneratorModel {
  public:
    /// A fresh model for images of `pixels` values and the class digits (C = digits.size()):
    /// encoder pixels-hidden-d, decoder d_in-hidden-pixels, weights from p.initSeed, Atilde = 0.
    /// Throws std::invalid_argument if p is invalid for C.
    GeneratorModel(const GeneratorParams& p, int pixels, std::vector<int> digits);

    const GeneratorParams& params() const { return params_; }
    int pixels() const { return encoder_.inputs(); }
    int classes() const { return int(digits_.size()); }
    const std::vector<int>& digits() const { return digits_; }
    /// The class index of a digit (-1 if the model has no such class).
    int classOfDigit(int digit) const;

    const MlpWeights<float>& encoder() const { return encoder_; }
    const MlpWeights<float>& decoder() const { return decoder_; }
    const sde::SdeModel& latent() const { return latent_; }
    /// Replace the weights (shapes must match; throws std::invalid_argument otherwise or if not
    /// finite).
    void setEncoder(const MlpWeights<float>& w);
    void setDecoder(const MlpWeights<float>& w);
    void setAtilde(const Eigen::MatrixXf& atilde) { latent_.setAtilde(atilde); }
    /// Changes eps (the latent noise) without touching the weights.
    void setEps(double eps);

    /// x(0) = E(X): d x B.
    Eigen::MatrixXf encode(const Eigen::MatrixXf& images) const;
    /// x(T) from x(0) with the noise of (seed, column columnOffset + j); optional trajectory
    /// record.
    Eigen::MatrixXf evolve(const Eigen::MatrixXf& x0, std::uint64_t seed,
                           long columnOffset = 0) const;
    /// D(x): pixels x B from latent states (d x B; the decoder reads the first decoderWidth()
    /// rows).
    Eigen::MatrixXf decode(const Eigen::MatrixXf& latent) const;
    /// D(x(T)) of E(X) (through the second CVFR when there is one).
    Eigen::MatrixXf reconstruct(const Eigen::MatrixXf& images, std::uint64_t seed) const;

    /// Eq 22's statistics of x(T) for the images (D x M) with class labels (M; noise of seed).
    LatentStats measureStats(const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
                             std::uint64_t seed) const;

    /// §VI.2's second CVFR: dy = A2 g(y) dt + eps dW (r = 0, G = I) from y(0) = x(T), `steps`
    /// steps of `dt` (T' = steps dt); the decoder reads y(T') instead of x(T).
    struct SecondCvfr {
        sde::SdeParams params;  ///< n = d, r = 0; steps, dt, eps, c, beta of the second CVFR
        Eigen::MatrixXf A2;     ///< d x d, free (no planted attractors)
    };
    /// A second CVFR with the latent SDE's settings (T' = T), r = 0 and A2 = 0 (it starts as the
    /// identity map plus noise).
    SecondCvfr initialSecondCvfr() const;
    bool hasSecondCvfr() const { return second_.has_value(); }
    /// Throws std::logic_error if there is none.
    const SecondCvfr& secondCvfr() const;
    /// Adds or replaces it; throws std::invalid_argument on a wrong shape, n != d or a non-finite
    /// A2.
    void setSecondCvfr(SecondCvfr s);
    void setSecondCoupling(const Eigen::MatrixXf& a2);
    /// What the decoder reads for latent states at T (d x B): x(T) itself, or y(T') of the second
    /// CVFR (noise keyed by stage2Seed(seed), GeneratorKernel.h).
    Eigen::MatrixXf carry(const Eigen::MatrixXf& xT, std::uint64_t seed) const;
    /// Images from latent states at T: decode(carry(xT, seed)).
    Eigen::MatrixXf generate(const Eigen::MatrixXf& xT, std::uint64_t seed) const;

    bool hasStats() const { return stats_.has_value(); }
    /// Throws std::logic_error if no statistics are attached.
    const LatentStats& stats() const;
    void setStats(LatentStats s);
    void clearStats() { stats_.reset(); }

  private:
    GeneratorParams params_;
    std::vector<int> digits_;
    MlpWeights<float> encoder_, decoder_;
    sde::SdeModel latent_;
    std::optional<LatentStats> stats_;
    std::optional<SecondCvfr> second_;
};

}  // namespace as::generator
