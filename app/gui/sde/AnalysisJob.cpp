#include "app/gui/sde/AnalysisJob.h"

#include <QObject>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>

#include "sde/LinearNoise.h"
#include "sde/SdeModel.h"

namespace as::gui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

QString AnalysisResult::noiseCaption() const {
    const QString eq = QStringLiteral("J\u03a3 + \u03a3J\u1d40 + \u03b5\u00b2GG\u1d40 = 0");
    if (noise == NoiseChoice::IdentityEffective)
        return QObject::tr(
                   "\u03a3_l from %1 with G = I at the trained G's effective \u03b5 = "
                   "\u221a(Tr(GG\u1d40)/N)\u00b7\u03b5 = %2 "
                   "(Appendix B's comparison)")
            .arg(eq)
            .arg(epsUsed, 0, 'g', 4);
    if (unitEps)
        return QObject::tr(
                   "\u03a3_l from %1 with %2 and \u03b5 = 1: the model is deterministic "
                   "(\u03b5 = 0), so the covariance's shape is used; \u0394 scales as "
                   "1/\u03b5\u00b2")
            .arg(eq, trainedG ? QObject::tr("the trained G") : QObject::tr("G = I"));
    if (trainedG)
        return QObject::tr(
                   "\u03a3_l from %1 with the trained G and the model's \u03b5 = %2; effective "
                   "\u03b5 = "
                   "\u03b5\u00b7\u221a(Tr(GG\u1d40)/N) = %3")
            .arg(eq)
            .arg(epsUsed, 0, 'g', 4)
            .arg(effectiveEps, 0, 'g', 4);
    return QObject::tr("\u03a3_l from %1 with G = I and the model's \u03b5 = %2")
        .arg(eq)
        .arg(epsUsed, 0, 'g', 4);
}

void runAnalysis(const AnalysisRequest& request, const std::atomic<bool>& cancel,
                 const std::function<void(std::shared_ptr<const AnalysisResult>)>& report) {
    const auto t0 = std::chrono::steady_clock::now();
    AnalysisResult r;
    r.generation = request.generation;
    const as::sde::SdeModel* model = request.model.get();
    if (!model) {
        r.error = QObject::tr("no model");
        report(std::make_shared<const AnalysisResult>(r));
        return;
    }
    const auto& set = model->attractors();
    r.n = set.n();
    r.classes = set.classes();
    r.spectra.resize(std::size_t(r.classes));
    r.maxRe.assign(std::size_t(r.classes), kNaN);
    r.residual.assign(std::size_t(r.classes), kNaN);
    r.lyapunovMessage.resize(std::size_t(r.classes));
    r.delta = Eigen::MatrixXd::Constant(r.classes, r.classes, kNaN);

    auto seconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    try {
        const double eps = model->params().eps;
        const Eigen::MatrixXf* G = model->noiseMatrix();
        r.trainedG = G != nullptr;
        Eigen::MatrixXd Gd;
        if (G) Gd = G->cast<double>();
        r.effectiveEps = G ? eps * as::sde::LinearNoise::effectiveEps(Gd) : eps;
        r.noise = request.noise == NoiseChoice::IdentityEffective && G
                      ? NoiseChoice::IdentityEffective
                      : NoiseChoice::Model;
        if (r.noise == NoiseChoice::IdentityEffective) {
            Gd.resize(0, 0);
            r.epsUsed = r.effectiveEps;
            r.trainedG = false;
        } else {
            r.epsUsed = eps;
        }
        r.unitEps = !(r.epsUsed > 0.0);
        if (r.unitEps) r.epsUsed = 1.0;
        const as::sde::LinearNoise noise(model->A().cast<double>(), model->attractorsPtr(), Gd,
                                         r.epsUsed);

        std::vector<int> order;
        const int first = std::clamp(request.first, 0, r.classes - 1);
        order.push_back(first);
        if (!request.spectrumOnly)
            for (int l = 0; l < r.classes; ++l)
                if (l != first) order.push_back(l);
        for (int l : order) {
            if (cancel.load()) {
                r.cancelled = true;
                break;
            }
            if (request.spectrumOnly) {
                const Eigen::MatrixXd J = as::sde::Jacobian::at(
                    model->A().cast<double>(), set.points().col(l), set.functions());
                const as::sde::Spectrum sp = as::sde::Jacobian::spectrum(J);
                r.spectra[std::size_t(l)].assign(sp.eigenvalues.data(),
                                                 sp.eigenvalues.data() + sp.eigenvalues.size());
                r.maxRe[std::size_t(l)] = sp.maxRealPart;
                ++r.done;
                continue;
            }
            const as::sde::AttractorNoise a = noise.analyse(l);
            const auto& ev = a.spectrum.eigenvalues;
            r.spectra[std::size_t(l)].assign(ev.data(), ev.data() + ev.size());
            r.maxRe[std::size_t(l)] = a.spectrum.maxRealPart;
            if (a.shape.solved) {
                r.residual[std::size_t(l)] = a.shape.residual;
                std::vector<Eigen::MatrixXd> cov(std::size_t(r.classes));
                cov[std::size_t(l)] =
                    a.covariance;  // eps^2 Sigma_xi with the eps in use (1 when unitEps)
                const as::sde::MahalanobisResult m =
                    as::sde::LinearNoise::mahalanobis(set.points(), cov);
                r.delta.row(l) = m.delta.row(l);
            } else {
                r.lyapunovMessage[std::size_t(l)] = QString::fromStdString(a.shape.message);
            }
            ++r.done;
            r.seconds = seconds();
            if (r.done < r.classes) report(std::make_shared<const AnalysisResult>(r));
        }
        r.complete = !r.cancelled && r.done == int(order.size());
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    r.seconds = seconds();
    report(std::make_shared<const AnalysisResult>(r));
}

}  // namespace as::gui
