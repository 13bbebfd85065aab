#include "generator/GeneratorKernel.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace as::generator {

template <class S>
LossTerms generatorLossAndGradient(const GeneratorProblem<S>& pr, const MatS<S>& X,
                                   const Eigen::VectorXi& labels, std::uint64_t seed,
                                   GeneratorBuffers<S>& buf, GeneratorGradient<S>* grad) {
    const sde::SdeParams& lp = *pr.latent;
    const int d = lp.n, C = lp.classes, B = int(X.cols()), D = int(X.rows());
    const int dIn = pr.decoder->inputs();
    if (pr.encoder->inputs() != D || pr.encoder->outputs() != d || pr.decoder->outputs() != D ||
        dIn < 1 || dIn > d)
        throw std::invalid_argument(
            "generator: encoder " + std::to_string(pr.encoder->inputs()) + " -> " +
            std::to_string(pr.encoder->outputs()) + ", decoder " + std::to_string(dIn) + " -> " +
            std::to_string(pr.decoder->outputs()) + " do not fit images of " + std::to_string(D) +
            " pixels and d = " + std::to_string(d));
    if (labels.size() != B || B == 0)
        throw std::invalid_argument("generator: need one label per image");
    for (Eigen::Index j = 0; j < labels.size(); ++j)
        if (labels[j] < 0 || labels[j] >= C)
            throw std::invalid_argument("generator: label " + std::to_string(labels[j]) +
                                        " is outside [0, " + std::to_string(C) + ")");

    // Forward.
    mlpForward(*pr.encoder, X, buf.enc);
    sde::BpttProblem<S> sp;
    sp.params = &lp;
    sp.attractors = pr.attractors;
    sp.A = pr.A;
    sde::bpttForward(sp, buf.enc.output(), seed, buf.sde);
    const MatS<S>& xT = buf.sde.x;
    sde::BpttProblem<S> sp2;
    if (pr.stage2) {
        if (!pr.A2 || pr.A2->rows() != d || pr.A2->cols() != d || pr.stage2->n != d)
            throw std::invalid_argument("generator: the second CVFR needs a d x d coupling A2");
        sp2.params = pr.stage2;
        sp2.attractors = pr.attractors;
        sp2.A = pr.A2;
        sde::bpttForward(sp2, xT, stage2Seed(seed), buf.sde2);
    }
    const MatS<S>& out = pr.stage2 ? buf.sde2.x : xT;  // what the decoder reads
    mlpForward(*pr.decoder, MatS<S>(out.topRows(dIn)), buf.dec);
    const MatS<S>& Xhat = buf.dec.output();

    // Loss terms.
    const Eigen::MatrixXd& points = pr.attractors->points();
    LossTerms L;
    MatS<S> gap(d, B);  // x(T) - xbar_label
    for (int j = 0; j < B; ++j) gap.col(j) = xT.col(j) - points.col(labels[j]).template cast<S>();
    L.conv = double(gap.template cast<double>().squaredNorm()) / (double(B) * d);
    L.rec = double((Xhat - X).template cast<double>().squaredNorm()) / (double(B) * D);
    std::vector<int> count(std::size_t(C), 0);
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(d, C);
    for (int j = 0; j < B; ++j) {
        ++count[std::size_t(labels[j])];
        sums.col(labels[j]) += gap.col(j).template cast<double>();
    }
    Eigen::MatrixXd centroidGap = Eigen::MatrixXd::Zero(d, C);  // class mean of x(T) - xbar_l
    for (int l = 0; l < C; ++l)
        if (count[std::size_t(l)] > 0)
            centroidGap.col(l) = sums.col(l) / double(count[std::size_t(l)]);
    L.centroid = centroidGap.squaredNorm() / (double(d) * C);
    L.total = pr.wConv * L.conv + pr.wRec * L.rec + pr.wCentroid * L.centroid;
    if (!grad) return L;

    // Backward: decoder.
    buf.dOut = (S(2.0 * pr.wRec / (double(B) * D))) * (Xhat - X);
    mlpBackward(*pr.decoder, buf.dec, buf.dOut, grad->decoder, &buf.dDecIn);
    // dL/dx(T): convergence + centroid + the decoder's input rows.
    buf.dxT = S(2.0 * pr.wConv / (double(B) * d)) * gap;
    for (int j = 0; j < B; ++j) {
        const int l = labels[j];
        buf.dxT.col(j) += (S(2.0 * pr.wCentroid / (double(d) * C * count[std::size_t(l)])) *
                           centroidGap.col(l).template cast<S>());
    }
    if (pr.stage2) {  // the reconstruction reaches x(T) through the second CVFR
        buf.dyT = MatS<S>::Zero(d, B);
        buf.dyT.topRows(dIn) = buf.dDecIn;
        sde::bpttBackward(sp2, buf.dyT, buf.sde2, grad->dA2, static_cast<MatS<S>*>(nullptr),
                          &buf.dxT2);
        buf.dxT += buf.dxT2;
    } else {
        buf.dxT.topRows(dIn) += buf.dDecIn;
    }
    // Through the SDE, then the encoder.
    sde::bpttBackward(sp, buf.dxT, buf.sde, grad->dA, static_cast<MatS<S>*>(nullptr),
                      pr.trainCoders ? &buf.dx0 : static_cast<MatS<S>*>(nullptr));
    if (pr.trainCoders)
        mlpBackward(*pr.encoder, buf.enc, buf.dx0, grad->encoder, static_cast<MatS<S>*>(nullptr));
    return L;
}

template LossTerms generatorLossAndGradient<float>(const GeneratorProblem<float>&,
                                                   const MatS<float>&, const Eigen::VectorXi&,
                                                   std::uint64_t, GeneratorBuffers<float>&,
                                                   GeneratorGradient<float>*);
template LossTerms generatorLossAndGradient<double>(const GeneratorProblem<double>&,
                                                    const MatS<double>&, const Eigen::VectorXi&,
                                                    std::uint64_t, GeneratorBuffers<double>&,
                                                    GeneratorGradient<double>*);

}  // namespace as::generator
