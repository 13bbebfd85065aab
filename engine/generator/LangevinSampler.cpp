#include "generator/LangevinSampler.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>
#include <stdexcept>

#include "sde/Jacobian.h"
#include "sde/LyapunovSolver.h"
#include "sde/SdeIntegrator.h"

namespace as::generator {

LangevinNoise noiseForCovariance(const Eigen::MatrixXd& J, const Eigen::MatrixXd& sigma) {
    const Eigen::Index d = J.rows();
    if (J.cols() != d || sigma.rows() != d || sigma.cols() != d)
        throw std::invalid_argument("Langevin noise: J and Sigma must be d x d");
    LangevinNoise n;
    n.J = J;
    n.Q = -(J * sigma + sigma * J.transpose());
    n.Q = 0.5 * (n.Q + n.Q.transpose());
    const Eigen::LLT<Eigen::MatrixXd> llt(n.Q);
    if (llt.info() == Eigen::Success) {
        n.positiveDefinite = true;
        n.G = llt.matrixL();
    } else {
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(n.Q);
        const Eigen::VectorXd lam = es.eigenvalues();
        double neg = 0.0, all = 0.0;
        for (Eigen::Index i = 0; i < d; ++i) {
            all += std::abs(lam[i]);
            if (lam[i] < 0) {
                ++n.clippedCount;
                neg += -lam[i];
            }
        }
        n.clippedFraction = double(n.clippedCount) / double(d);
        n.clippedWeight = all > 0 ? neg / all : 0.0;
        n.G = es.eigenvectors() * lam.cwiseMax(0.0).cwiseSqrt().asDiagonal();
        n.message = "Q = -(J Sigma + Sigma J^T) is not positive definite: " +
                    std::to_string(n.clippedCount) + " of " + std::to_string(d) +
                    " eigenvalues clipped to 0";
    }
    const sde::LyapunovSolver solver(J);
    n.maxRealPart = solver.maxRealPart();
    const sde::LyapunovResult r = solver.solve(n.G * n.G.transpose());
    n.solved = r.solved;
    if (!r.solved) {
        n.message += (n.message.empty() ? "" : "; ") + r.message;
        return n;
    }
    n.residual = (r.S - sigma).norm() / sigma.norm();
    return n;
}

LangevinNoise langevinNoise(const GeneratorModel& model, int l, LatentCentre centre, double scale) {
    if (!(scale > 0.0) || !std::isfinite(scale))
        throw std::invalid_argument("Langevin noise: the target scale must be > 0 and finite");
    const sde::SdeModel& lat = model.latent();
    const Eigen::VectorXd xbar = lat.attractors().points().col(l);
    const Eigen::MatrixXd J =
        sde::Jacobian::at(lat.A().cast<double>(), xbar, lat.attractors().functions());
    return noiseForCovariance(J, scale * scale * model.stats().at(l).covariance(centre));
}

int langevinBurnIn(const LangevinNoise& noise, double dt) {
    if (!(noise.maxRealPart < 0.0) || !(dt > 0.0))
        throw std::invalid_argument("Langevin burn-in: needs a stable J and dt > 0");
    return int(std::ceil(5.0 / (-noise.maxRealPart * dt)));
}

Eigen::MatrixXd chainCovariance(const Eigen::MatrixXf& states, int chains, int skip,
                                const Eigen::VectorXd& centre) {
    if (chains < 1 || states.cols() % chains != 0 || skip < 0 || states.rows() != centre.size())
        throw std::invalid_argument("chain covariance: the states do not split into the chains");
    const Eigen::Index per = states.cols() / chains, kept = per - skip;
    if (long(kept) * chains < 2)
        throw std::invalid_argument("chain covariance: fewer than 2 states after the burn-in");
    Eigen::MatrixXd c(states.rows(), kept * chains);
    for (int k = 0; k < chains; ++k)
        c.middleCols(k * kept, kept) =
            (states.middleCols(k * per + skip, kept).cast<double>()).colwise() - centre;
    return c * c.transpose() / double(c.cols() - 1);
}

Eigen::MatrixXf langevinChain(const GeneratorModel& model, int l, const LangevinNoise& noise,
                              int steps, int every, std::uint64_t seed, int chains) {
    if (steps < 0 || every < 1 || chains < 1)
        throw std::invalid_argument("Langevin chain: bad steps, every or chains");
    // The latent CVFR with the noise term G_T dW: a trained-G copy of the latent model at eps = 1.
    sde::SdeModel m = model.latent();
    sde::SdeParams p = m.params();
    p.eps = 1.0;
    p.noise = sde::NoiseKind::Trained;
    m.setParams(p);
    m.setTrainedG(noise.G.cast<float>());
    const sde::SdeIntegrator integ(m);
    const int per = steps / every + 1;
    Eigen::MatrixXf x = m.attractors().points().col(l).cast<float>().replicate(1, chains);
    Eigen::MatrixXf out(x.rows(), long(per) * chains);
    int k = 0;
    auto record = [&] {
        for (int c = 0; c < chains; ++c) out.col(long(c) * per + k) = x.col(c);
        ++k;
    };
    record();
    for (int t = 1; t <= steps; ++t) {
        integ.step(x, seed, std::uint64_t(t - 1));
        if (t % every == 0) record();
    }
    return out;
}

}  // namespace as::generator
