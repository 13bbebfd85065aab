#pragma once
// The analysis page's background computation, as a plain function on an immutable model: for every
// planted attractor l the Jacobian spectrum and the linear-noise stationary covariance (Lyapunov
// solve, sde/LinearNoise.h), then the Mahalanobis separations (eq 19) row by row, so only one
// N x N covariance is alive at a time. Partial results are reported after each attractor (the
// chosen one first) so the spectrum shows long before the Mahalanobis matrix is complete.
#include <Eigen/Core>
#include <QString>
#include <atomic>
#include <complex>
#include <functional>
#include <memory>
#include <vector>

namespace as::sde {
class SdeModel;
}

namespace as::gui {

/// Which noise the covariances assume.
enum class NoiseChoice {
    Model = 0,         ///< the model's own: eps G (G = I or the trained G); eps = 1 if the model is
                       ///< deterministic
    IdentityEffective  ///< Appendix B: G = I at the effective eps = eps sqrt(Tr(G G^T) / N) of the
                       ///< trained G
};

struct AnalysisRequest {
    std::shared_ptr<const as::sde::SdeModel> model;
    int first = 0;  ///< attractor analysed first (the one on screen)
    NoiseChoice noise = NoiseChoice::Model;
    bool spectrumOnly =
        false;  ///< only the spectrum at `first` (no Lyapunov solves): a comparison model
    quint64 generation = 0;
};

struct AnalysisResult {
    quint64 generation = 0;
    int n = 0, classes = 0;
    std::vector<std::vector<std::complex<double>>>
        spectra;                           ///< per attractor; empty until computed
    std::vector<double> maxRe;             ///< per attractor (NaN until computed)
    std::vector<double> residual;          ///< Lyapunov residual per attractor (NaN: not solved)
    std::vector<QString> lyapunovMessage;  ///< why a solve was refused (unstable J)
    Eigen::MatrixXd
        delta;  ///< C x C Mahalanobis matrix; NaN rows until computed or where Sigma_l is missing
    int done = 0;           ///< attractors analysed so far
    bool complete = false;  ///< every attractor analysed
    bool cancelled = false;
    QString error;  ///< an exception's message (the result is then partial)

    double epsUsed = 1.0;       ///< eps in J S + S J^T + eps^2 G G^T = 0
    bool unitEps = false;       ///< the model is deterministic: eps = 1 stands in
    bool trainedG = false;      ///< G is the model's trained matrix
    double effectiveEps = 0.0;  ///< eps sqrt(Tr(G G^T) / N) (eps for G = I)
    NoiseChoice noise = NoiseChoice::Model;
    double seconds = 0.0;  ///< wall time so far

    /// One sentence: which noise the covariances assume.
    QString noiseCaption() const;
};

/// Runs the analysis; calls report after each attractor with a snapshot of the partial result
/// (and once at the end with complete = true, or cancelled = true if cancel became true).
void runAnalysis(const AnalysisRequest& request, const std::atomic<bool>& cancel,
                 const std::function<void(std::shared_ptr<const AnalysisResult>)>& report);

}  // namespace as::gui
