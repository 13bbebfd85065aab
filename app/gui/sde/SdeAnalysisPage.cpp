#include "app/gui/sde/SdeAnalysisPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/sde/AnalysisRunner.h"
#include "app/gui/sde/EvaluationRunner.h"
#include "app/gui/sde/FixedPointPanel.h"
#include "app/gui/sde/RobustnessTable.h"
#include "sde/Jacobian.h"
#include "sde/SdeModel.h"
#include "sde/SdeModelFile.h"
#include "widgets/sde/MatrixHeatmap.h"
#include "widgets/sde/SpectrumPlot.h"

namespace as::gui {

namespace {
QString num(double v, int digits = 4) {
    return QString::number(v, 'g', digits).replace('-', QChar(0x2212));
}
}  // namespace

SdeAnalysisPage::SdeAnalysisPage(QWidget* parent)
    : QWidget(parent),
      runner_(std::make_unique<AnalysisRunner>()),
      compareRunner_(std::make_unique<AnalysisRunner>()) {
    buildUi();
    connect(runner_.get(), &AnalysisRunner::result, this, &SdeAnalysisPage::showResult);
    connect(runner_.get(), &AnalysisRunner::busyChanged, this, [this](bool) { updateBusy(); });
    connect(compareRunner_.get(), &AnalysisRunner::result, this, &SdeAnalysisPage::showComparison);
    connect(compareRunner_.get(), &AnalysisRunner::busyChanged, this,
            [this](bool) { updateBusy(); });
}

SdeAnalysisPage::~SdeAnalysisPage() = default;

namespace {
/// Whether two models give the same spectra and covariances (a copy made for a dt, steps, seed or
/// averaging change does): then the results on screen stay.
bool sameAnalysis(const as::sde::SdeModel& a, const as::sde::SdeModel& b) {
    if (&a == &b) return true;
    const auto &pa = a.params(), &pb = b.params();
    if (as::sde::SdeModel::structuralChange(pa, pb) || pa.eps != pb.eps || pa.noise != pb.noise)
        return false;
    const Eigen::MatrixXf *ga = a.noiseMatrix(), *gb = b.noiseMatrix();
    if ((ga == nullptr) != (gb == nullptr) || (ga && *ga != *gb)) return false;
    return a.A() == b.A();
}
}  // namespace

void SdeAnalysisPage::setModel(std::shared_ptr<const as::sde::SdeModel> model,
                               const QString& name) {
    const bool same = model && model_ && sameAnalysis(*model, *model_);
    model_ = std::move(model);
    name_ = name;
    table_->setCurrentModel(model_, name);
    fixedPoints_->setModel(model_);
    if (!model_) {
        modelLabel_->setText(tr("No model"));
        runner_->cancel();
        compareRunner_->cancel();
    } else {
        const auto& p = model_->params();
        modelLabel_->setText(tr("<b>%1</b>  N = %2, C = %3, \u03b5 = %4%5")
                                 .arg(name.toHtmlEscaped())
                                 .arg(p.n)
                                 .arg(p.classes)
                                 .arg(num(p.eps))
                                 .arg(model_->noiseMatrix() ? tr(", G trained") : QString()));
        noiseCombo_->setEnabled(model_->noiseMatrix() != nullptr);
    }
    if (same) {  // same spectra and covariances: only the labels (dt, name) change
        showSpectrum();
        return;
    }
    last_.reset();
    comparison_.reset();
    spectrum_->clear();
    heatmap_->clear();
    spectrumInfo_->clear();
    heatmapInfo_->clear();
    {
        const QSignalBlocker block(attractorCombo_);
        const int keep = attractorCombo_->currentIndex();
        attractorCombo_->clear();
        if (model_) {
            for (int l = 0; l < model_->params().classes; ++l)
                attractorCombo_->addItem(QString::number(l));
            attractorCombo_->setCurrentIndex(keep >= 0 && keep < attractorCombo_->count() ? keep
                                                                                          : 0);
        }
    }
    if (model_) {
        request();
        requestComparison();
    }
    updateBusy();
}

void SdeAnalysisPage::request() {
    if (!model_) return;
    AnalysisRequest r;
    r.model = model_;
    r.first = std::max(0, attractorCombo_->currentIndex());
    r.noise =
        noiseCombo_->currentIndex() == 1 ? NoiseChoice::IdentityEffective : NoiseChoice::Model;
    runner_->submit(r);
    updateBusy();
}

void SdeAnalysisPage::requestComparison() {
    comparison_.reset();
    const QString path = compareCombo_->currentData().toString();
    if (!model_ || path.isEmpty()) {
        compareRunner_->cancel();
        spectrum_->setComparison({}, {});
        updateBusy();
        return;
    }
    std::shared_ptr<const as::sde::SdeModel> other;
    try {
        other = std::make_shared<const as::sde::SdeModel>(
            as::sde::loadSdeModel(path.toStdString()).model);
    } catch (const std::exception& e) {
        emit statusMessage(tr("Comparison model: %1").arg(QString::fromStdString(e.what())), 0);
        spectrum_->setComparison({}, {});
        return;
    }
    if (other->attractors().n() != model_->attractors().n() ||
        other->attractors().classes() != model_->attractors().classes()) {
        emit statusMessage(tr("%1 has N = %2, C = %3: it cannot be compared with this model")
                               .arg(QFileInfo(path).fileName())
                               .arg(other->attractors().n())
                               .arg(other->attractors().classes()),
                           8000);
        spectrum_->setComparison({}, {});
        return;
    }
    AnalysisRequest r;
    r.model = other;
    r.first = std::max(0, attractorCombo_->currentIndex());
    r.spectrumOnly = true;
    compareRunner_->submit(r);
    updateBusy();
}

void SdeAnalysisPage::setComparisonFile(const QString& path) {
    int i = path.isEmpty() ? 0 : compareCombo_->findData(path);
    if (i < 0) {
        const QSignalBlocker block(compareCombo_);
        compareCombo_->insertItem(compareCombo_->count() - 1, QFileInfo(path).completeBaseName(),
                                  path);
        i = compareCombo_->count() - 2;
    }
    if (i == compareCombo_->currentIndex())
        requestComparison();
    else
        compareCombo_->setCurrentIndex(i);
}

void SdeAnalysisPage::updateBusy() {
    const bool b = busy();
    busyBar_->setVisible(b);
    if (!b) busyLabel_->clear();
}

bool SdeAnalysisPage::busy() const {
    return runner_->busy() || compareRunner_->busy();
}

void SdeAnalysisPage::setAttractor(int l) {
    attractorCombo_->setCurrentIndex(l);
}

void SdeAnalysisPage::showResult(std::shared_ptr<const AnalysisResult> r) {
    last_ = std::move(r);
    if (!last_->error.isEmpty()) emit statusMessage(tr("Analysis failed: %1").arg(last_->error), 0);
    busyLabel_->setText(last_->complete ? QString()
                                        : tr("Lyapunov solves %1 / %2 (%3 s)")
                                              .arg(last_->done)
                                              .arg(last_->classes)
                                              .arg(last_->seconds, 0, 'f', 1));
    showSpectrum();
    showMahalanobis();
    if (last_->complete)
        emit statusMessage(
            tr("Analysis of %1 done in %2 s").arg(name_).arg(last_->seconds, 0, 'f', 1), 4000);
    emit computed();
}

void SdeAnalysisPage::showComparison(std::shared_ptr<const AnalysisResult> r) {
    comparison_ = std::move(r);
    showSpectrum();
    emit computed();
}

void SdeAnalysisPage::showSpectrum() {
    const int l = attractorCombo_->currentIndex();
    if (!model_ || l < 0) return;
    spectrum_->setTitle(tr("Jacobian spectrum at attractor %1 (Fig. 6)").arg(l));
    const bool have =
        last_ && std::size_t(l) < last_->spectra.size() && !last_->spectra[std::size_t(l)].empty();
    if (!have) {
        spectrum_->setPrimary({}, {});
        spectrumInfo_->setText(busy() ? tr("Computing the spectrum\u2026") : QString());
        return;
    }
    const auto& ev = last_->spectra[std::size_t(l)];
    spectrum_->setPrimary(ev, name_);
    if (comparison_ && std::size_t(l) < comparison_->spectra.size() &&
        !comparison_->spectra[std::size_t(l)].empty())
        spectrum_->setComparison(comparison_->spectra[std::size_t(l)],
                                 compareCombo_->currentText());
    else
        spectrum_->setComparison({}, {});
    // Eigenvalues every model with these planted points shares, whatever Atilde is (Fig. 6's red
    // crosses): each zero entry of x_l gives f'(0) (Appendix A), and for the eq 10 and canonical
    // patterns the planted direction g(x_l) gives f'(a+) + lambda g'(a+) (eq 5, 8), since
    // A g(x_l) = lambda g(x_l) and g' is constant on the block.
    const auto& set = model_->attractors();
    const auto& fn = set.functions();
    const int zeros = int((set.points().col(l).array() == 0.0).count());
    as::widgets::SpectrumPlot::Values shared;
    QStringList what;
    if (zeros > 0) {
        shared.push_back({fn.df(0.0), 0.0});
        what << tr("f\u2032(0) = %1 (%2-fold)").arg(num(fn.df(0.0))).arg(zeros);
    }
    const auto pattern = model_->params().pattern;
    if (pattern == as::sde::Pattern::Blocks || pattern == as::sde::Pattern::Canonical) {
        const double planted =
            as::sde::Jacobian::blockEigenvalue(fn, model_->params().lambda, set.aPlus());
        shared.push_back({planted, 0.0});
        what << tr("f\u2032(a\u208a) + \u03bbg\u2032(a\u208a) = %1 (eq 8)").arg(num(planted));
    }
    spectrum_->setMarkers(shared, tr("shared: %1").arg(what.join(", ")));
    spectrumInfo_->setText(spectrumSummary());
}

QString SdeAnalysisPage::spectrumSummary() const {
    const int l = attractorCombo_->currentIndex();
    if (!last_ || l < 0 || std::size_t(l) >= last_->spectra.size() ||
        last_->spectra[std::size_t(l)].empty())
        return {};
    const auto& ev = last_->spectra[std::size_t(l)];
    const double maxRe = last_->maxRe[std::size_t(l)];
    int unstable = 0;
    double maxIm = 0;
    for (const auto& z : ev) {
        unstable += z.real() >= 0;
        maxIm = std::max(maxIm, std::abs(z.imag()));
    }
    QString s = tr("max Re \u03bb = %1 (%2). ")
                    .arg(num(maxRe), maxRe < 0 ? tr("stable") : tr("<b>unstable</b>"));
    if (maxRe < 0)
        s += tr("Slowest mode: \u03c4 = 1/|max Re \u03bb| = %1 time units (%2 Euler steps of dt = "
                "%3). ")
                 .arg(num(1.0 / -maxRe, 3))
                 .arg(num(1.0 / -maxRe / model_->params().dt, 3))
                 .arg(num(model_->params().dt));
    s += tr("%1 eigenvalues, %2 with Re \u2265 0, max |Im \u03bb| = %3.")
             .arg(ev.size())
             .arg(unstable)
             .arg(num(maxIm, 3));
    return s;
}

void SdeAnalysisPage::showMahalanobis() {
    if (!last_ || last_->classes == 0) return;
    QStringList labels;
    for (int l = 0; l < last_->classes; ++l) labels << QString::number(l);
    heatmap_->setMatrix(last_->delta, labels, labels);
    heatmapInfo_->setText(mahalanobisCaption());
}

QString SdeAnalysisPage::mahalanobisCaption() const {
    if (!last_) return {};
    QString s = last_->noiseCaption() + ".";
    double worst = 0;
    int solved = 0;
    QStringList refused;
    for (int l = 0; l < last_->classes; ++l) {
        const double res = last_->residual[std::size_t(l)];
        if (std::isfinite(res)) {
            worst = std::max(worst, res);
            ++solved;
        } else if (!last_->lyapunovMessage[std::size_t(l)].isEmpty()) {
            refused << QString::number(l);
        }
    }
    if (solved > 0)
        s += tr(" Lyapunov residual |J\u03a3 + \u03a3J\u1d40 + Q|/|Q| \u2264 %1 (%2 of %3 "
                "attractors).")
                 .arg(num(worst, 2))
                 .arg(solved)
                 .arg(last_->classes);
    if (!refused.isEmpty())
        s += tr(" No stationary covariance at the unstable attractor(s) %1 (grey rows).")
                 .arg(refused.join(", "));
    if (last_->cancelled) s += tr(" (stopped early)");
    return s;
}

std::vector<std::pair<QString, QWidget*>> SdeAnalysisPage::exportTargets() {
    return {{tr("Jacobian spectrum"), spectrum_},
            {tr("Mahalanobis matrix"), heatmap_},
            {tr("Robustness table"),
             static_cast<QWidget*>(table_->table())}};  // the table without its buttons
}

QString SdeAnalysisPage::exportCsv(const QString& path) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("%1: cannot be written (%2)").arg(path, f.errorString());
    QTextStream out(&f);
    out << "# SDE analysis of " << name_ << "\n";
    const int l = attractorCombo_->currentIndex();
    if (last_ && l >= 0 && std::size_t(l) < last_->spectra.size()) {
        out << "# Jacobian spectrum at attractor " << l << "\nre,im\n";
        for (const auto& z : last_->spectra[std::size_t(l)])
            out << QString::number(z.real(), 'g', 10) << ',' << QString::number(z.imag(), 'g', 10)
                << '\n';
    }
    if (last_ && last_->delta.size() > 0) {
        out << "\n# Mahalanobis matrix (row l uses Sigma_l): " << last_->noiseCaption() << "\nl";
        for (int m = 0; m < last_->delta.cols(); ++m) out << ",m" << m;
        out << '\n';
        for (int r = 0; r < last_->delta.rows(); ++r) {
            out << r;
            for (int m = 0; m < last_->delta.cols(); ++m)
                out << ',' << QString::number(last_->delta(r, m), 'g', 10);
            out << '\n';
        }
    }
    out << "\n# Robustness table\n" << RobustnessCsv::format(table_->records());
    out.flush();
    if (!f.commit()) return tr("%1: cannot be written (%2)").arg(path, f.errorString());
    return {};
}

void SdeAnalysisPage::setDark(bool dark) {
    spectrum_->setDark(dark);
    heatmap_->setDark(dark);
    table_->setDark(dark);
}

}  // namespace as::gui
