// SdeAnalysisPage's widgets and their connections (the page's logic is SdeAnalysisPage.cpp).
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
#include "app/gui/sde/SdeAnalysisPage.h"
#include "core/BuildPaths.h"
#include "widgets/sde/MatrixHeatmap.h"
#include "widgets/sde/SpectrumPlot.h"

namespace as::gui {

void SdeAnalysisPage::buildUi() {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    modelLabel_ = new QLabel(tr("No model"));
    bar->addWidget(modelLabel_);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Attractor l")));
    attractorCombo_ = new QComboBox;
    attractorCombo_->setToolTip(tr("The planted attractor whose Jacobian spectrum is shown"));
    connect(attractorCombo_, &QComboBox::currentIndexChanged, this, [this](int l) {
        if (l >= 0) showSpectrum();
        requestComparison();
    });
    bar->addWidget(attractorCombo_);
    bar->addWidget(new QLabel(tr("Compare with")));
    compareCombo_ = new QComboBox;
    compareCombo_->addItem(tr("nothing"), QString());
    for (const auto& [name, path] : EvaluationRunner::shippedModels())
        compareCombo_->addItem(tr("shipped %1").arg(RobustnessCsv::modelLabel(name)), path);
    compareCombo_->addItem(tr("model file\u2026"), QStringLiteral("?"));
    compareCombo_->setToolTip(
        tr("A second model's spectrum at the same attractor, drawn as rings (Fig. 6 a/b: "
           "deterministic "
           "against stochastic)"));
    connect(compareCombo_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (compareCombo_->itemData(i).toString() ==
            QLatin1String("?")) {  // pick a file, list it, select it
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Compare with an SDE model"),
                QString::fromStdString(as::buildResourcesDir() + "/models"),
                tr("SDE models (*.h5);;All files (*)"));
            const QSignalBlocker block(compareCombo_);
            if (path.isEmpty()) {
                compareCombo_->setCurrentIndex(0);
            } else {
                compareCombo_->insertItem(compareCombo_->count() - 1,
                                          QFileInfo(path).completeBaseName(), path);
                compareCombo_->setCurrentIndex(compareCombo_->count() - 2);
            }
        }
        requestComparison();
    });
    bar->addWidget(compareCombo_);
    bar->addWidget(new QLabel(tr("\u03a3 noise")));
    noiseCombo_ = new QComboBox;
    noiseCombo_->addItem(tr("the model's"));
    noiseCombo_->addItem(tr("G = I at the effective \u03b5"));
    noiseCombo_->setToolTip(
        tr("Which noise the stationary covariances assume. Appendix B compares a trained G with "
           "G = I at \u03b5 = \u221a(Tr(GG\u1d40)/N)"));
    noiseCombo_->setEnabled(false);
    connect(noiseCombo_, &QComboBox::currentIndexChanged, this, [this] { request(); });
    bar->addWidget(noiseCombo_);
    bar->addStretch(1);
    busyBar_ = new QProgressBar;
    busyBar_->setRange(0, 0);
    busyBar_->setMaximumWidth(120);
    busyBar_->setTextVisible(false);
    busyBar_->setVisible(false);
    bar->addWidget(busyBar_);
    busyLabel_ = new QLabel;
    bar->addWidget(busyLabel_);
    layout->addLayout(bar);

    auto* vsplit = new QSplitter(Qt::Vertical);
    auto* hsplit = new QSplitter(Qt::Horizontal);
    auto* left = new QWidget;
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    spectrum_ = new as::widgets::SpectrumPlot;
    ll->addWidget(spectrum_, 1);
    spectrumInfo_ = new QLabel;
    spectrumInfo_->setWordWrap(true);
    // Splitters ignore a wrapped label's height-for-width: reserve the lines the texts need.
    spectrumInfo_->setMinimumHeight(3 * spectrumInfo_->fontMetrics().lineSpacing() + 4);
    spectrumInfo_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    ll->addWidget(spectrumInfo_);
    fixedPoints_ = new FixedPointPanel;
    connect(fixedPoints_, &FixedPointPanel::statusMessage, this, &SdeAnalysisPage::statusMessage);
    ll->addWidget(fixedPoints_);
    hsplit->addWidget(left);

    auto* right = new QWidget;
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    heatmap_ = new as::widgets::MatrixHeatmap;
    heatmap_->setTitle(tr("Mahalanobis separation \u0394_lm (eq 19)"));
    heatmap_->setAxisLabels(tr("attractor l (uses \u03a3_l)"), tr("attractor m"),
                            QStringLiteral("\u0394"));
    heatmap_->setDiagonalNeutral(true);  // Delta_ll = 0 by definition: keep it off the colour scale
    rl->addWidget(heatmap_, 1);
    logCheck_ = new QCheckBox(tr("Log colour scale"));
    connect(logCheck_, &QCheckBox::toggled, heatmap_, &as::widgets::MatrixHeatmap::setLogScale);
    rl->addWidget(logCheck_);
    heatmapInfo_ = new QLabel;
    heatmapInfo_->setWordWrap(true);
    heatmapInfo_->setMinimumHeight(5 * heatmapInfo_->fontMetrics().lineSpacing() + 4);
    heatmapInfo_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    rl->addWidget(heatmapInfo_);
    hsplit->addWidget(right);
    hsplit->setStretchFactor(0, 3);
    hsplit->setStretchFactor(1, 2);
    vsplit->addWidget(hsplit);

    table_ = new RobustnessTable;
    connect(table_, &RobustnessTable::statusMessage, this, &SdeAnalysisPage::statusMessage);
    vsplit->addWidget(table_);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 2);
    layout->addWidget(vsplit, 1);
}

}  // namespace as::gui
