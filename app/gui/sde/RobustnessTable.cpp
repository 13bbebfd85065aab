#include "app/gui/sde/RobustnessTable.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/framework/JobButtons.h"
#include "app/gui/sde/EvaluationRunner.h"
#include "core/BuildPaths.h"
#include "io/SweepTable.h"
#include "sde/RobustnessSweep.h"

namespace as::gui {

RobustnessTable::RobustnessTable(QWidget* parent)
    : QWidget(parent), runner_(std::make_unique<EvaluationRunner>()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Images")));
    countSpin_ = new QSpinBox;
    countSpin_->setRange(10, 10000);
    countSpin_->setSingleStep(100);
    countSpin_->setValue(1000);
    countSpin_->setToolTip(
        tr("Test images per evaluation (the first ones of the MNIST test split)"));
    bar->addWidget(countSpin_);
    bar->addWidget(new QLabel(tr("Seeds")));
    seedSpin_ = new QSpinBox;
    seedSpin_->setRange(1, 20);
    seedSpin_->setValue(1);
    seedSpin_->setToolTip(
        tr("Corruption (and noise) seeds per cell; two or more give mean \u00b1 std"));
    bar->addWidget(seedSpin_);
    job_ = new JobButtons(tr("Evaluate"), this);
    job_->start()->setToolTip(
        tr("Evaluate the current model and the shipped models, clean and under each corruption"));
    auto* loadButton = new QPushButton(tr("Load CSV\u2026"));
    loadButton->setToolTip(tr("Show a table written by attractor-cli sde eval --csv"));
    auto* saveButton = new QPushButton(tr("Save CSV\u2026"));
    bar->addWidget(job_->start());
    bar->addWidget(job_->cancel());
    bar->addStretch(1);
    layout->addLayout(bar);
    // A second row, so the page fits a 1024-pixel-wide window (issue 17).
    bar = new QHBoxLayout;
    bar->addWidget(loadButton);
    bar->addWidget(saveButton);
    paperCheck_ = new QCheckBox(tr("Paper"));
    paperCheck_->setChecked(true);
    paperCheck_->setToolTip(
        tr("Show the paper's Table 1 (seed 002, mean \u00b1 std) below the results"));
    connect(paperCheck_, &QCheckBox::toggled, this, [this] { rebuild(); });
    bar->addWidget(paperCheck_);
    job_->progress()->setMaximumWidth(160);
    job_->progress()->setTextVisible(false);
    bar->addWidget(job_->progress());
    progressText_ = new QLabel;
    bar->addWidget(progressText_, 1);
    layout->addLayout(bar);

    caption_ = new QLabel(emptyCaption());
    caption_->setWordWrap(true);
    layout->addWidget(caption_);
    table_ = new QTableWidget;
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setMinimumHeight(120);
    layout->addWidget(table_, 1);

    showMeasured();

    connect(job_->start(), &QPushButton::clicked, this, &RobustnessTable::runEvaluation);
    connect(job_->cancel(), &QPushButton::clicked, this, &RobustnessTable::cancelEvaluation);
    connect(loadButton, &QPushButton::clicked, this, &RobustnessTable::chooseCsv);
    connect(saveButton, &QPushButton::clicked, this, &RobustnessTable::chooseSaveCsv);
    connect(runner_.get(), &EvaluationRunner::dataDescribed, this, [this](const QString& c) {
        caption_->setText(tr("Table 1: accuracy (%). %1").arg(c));
    });
    connect(runner_.get(), &EvaluationRunner::record, this, [this](const RobustnessRecord& r) {
        records_.push_back(r);
        rebuild();
    });
    connect(runner_.get(), &EvaluationRunner::progress, this,
            [this](double f, const QString& text) {
                job_->setFraction(f);
                progressText_->setText(text);
            });
    connect(runner_.get(), &EvaluationRunner::finished, this,
            [this](bool ok, const QString& message) {
                job_->finished();
                progressText_->setText(message);
                if (ok) job_->setFraction(1);
                emit statusMessage(message, 8000);
                emit evaluationFinished(ok);
            });
    rebuild();
}

RobustnessTable::~RobustnessTable() = default;

void RobustnessTable::setCurrentModel(std::shared_ptr<const as::sde::SdeModel> model,
                                      const QString& name) {
    current_ = std::move(model);
    currentName_ = name;
}

void RobustnessTable::setRecords(std::vector<RobustnessRecord> records, const QString& caption) {
    records_ = std::move(records);
    caption_->setText(caption);
    rebuild();
}

QString RobustnessTable::emptyCaption() {
    return tr(
        "Table 1: accuracy (%) on MNIST and its corruptions. No results yet: Evaluate, or "
        "Load CSV\u2026");
}

void RobustnessTable::clear() {
    setRecords({}, emptyCaption());
}

QString RobustnessTable::measuredCsvPath() {
    return QString::fromStdString(as::buildResourcesDir() + "/sde/table1_measured.csv");
}

void RobustnessTable::showMeasured() {
    QFile f(measuredCsvPath());
    std::vector<RobustnessRecord> records;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text) ||
        !RobustnessCsv::parse(QString::fromUtf8(f.readAll()), measuredCsvPath(), records)
             .isEmpty() ||
        records.empty()) {
        clear();
        return;
    }
    setRecords(
        std::move(records),
        tr("Table 1: accuracy (%) as measured, mean \u00b1 std over 3 training seeds, 10,000 "
           "test digits (resources/sde/table1_measured.csv); two epochs each unless the row "
           "says otherwise. Evaluate replaces it with runs of the current and shipped models."));
}

QString RobustnessTable::caption() const {
    return caption_->text();
}

QString RobustnessTable::loadCsv(const QString& path) {
    if (QFileInfo(path).suffix().compare("h5", Qt::CaseInsensitive) == 0) return loadSweep(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return tr("%1: cannot be read (%2)").arg(path, f.errorString());
    std::vector<RobustnessRecord> records;
    const QString error =
        RobustnessCsv::parse(QString::fromUtf8(f.readAll()), QFileInfo(path).fileName(), records,
                             QFileInfo(path).completeBaseName());
    if (!error.isEmpty()) return error;
    setRecords(std::move(records),
               tr("Table 1: accuracy (%) loaded from %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

QString RobustnessTable::saveCsv(const QString& path) const {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("%1: cannot be written (%2)").arg(path, f.errorString());
    f.write(RobustnessCsv::format(records_).toUtf8());
    if (!f.commit()) return tr("%1: cannot be written (%2)").arg(path, f.errorString());
    return {};
}

void RobustnessTable::runEvaluation() {
    if (runner_->running()) return;
    EvaluationPlan plan;
    plan.current = current_;
    plan.currentName = currentName_.isEmpty() ? QStringLiteral("current") : currentName_;
    plan.files = EvaluationRunner::shippedModels();
    plan.count = countSpin_->value();
    plan.seeds = seedSpin_->value();
    records_.clear();
    rebuild();
    job_->started();
    progressText_->setText(tr("Loading models and images\u2026"));
    runner_->start(plan);
}

void RobustnessTable::cancelEvaluation() {
    runner_->cancel();
}
bool RobustnessTable::evaluating() const {
    return runner_->running();
}
void RobustnessTable::setImageCount(int n) {
    countSpin_->setValue(n);
}
void RobustnessTable::setSeedCount(int n) {
    seedSpin_->setValue(n);
}

QString RobustnessTable::cellText(int row, int column) const {
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->text() : QString();
}

void RobustnessTable::setShowPaper(bool on) {
    paperCheck_->setChecked(on);
}

void RobustnessTable::setDark(bool) {
    table_->viewport()->update();
}

void RobustnessTable::rebuild() {
    QStringList keys = RobustnessCsv::columnKeys();
    const QStringList models = RobustnessCsv::models(records_);
    table_->clear();
    table_->setColumnCount(int(keys.size()));
    const auto& paper = RobustnessCsv::paperTable();
    const bool showPaper = paperCheck_->isChecked();
    table_->setRowCount(int(models.size()) + (showPaper ? int(paper.size()) : 0));
    QStringList headers;
    for (const auto& k : keys) headers << RobustnessCsv::columnLabel(k);
    table_->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < keys.size(); ++c)
        if (auto* h = table_->horizontalHeaderItem(c))
            h->setToolTip(RobustnessCsv::columnToolTip(keys[c]));
    QStringList rows;
    for (const auto& m : models) rows << RobustnessCsv::modelLabel(m);
    if (showPaper)
        for (const auto& p : paper) rows << p.label;
    table_->setVerticalHeaderLabels(rows);
    for (int r = 0; r < models.size(); ++r)
        for (int c = 0; c < keys.size(); ++c) {
            const RobustnessCell cell = RobustnessCsv::cell(records_, models[r], keys[c]);
            auto* item = new QTableWidgetItem(RobustnessCsv::cellText(cell));
            item->setTextAlignment(Qt::AlignCenter);
            if (cell.runs > 0)
                item->setToolTip(tr("%1 on %2: %3 run(s) of %4 images")
                                     .arg(rows[r], headers[c])
                                     .arg(cell.runs)
                                     .arg(cell.n));
            table_->setItem(r, c, item);
        }
    if (!showPaper) return;
    QFont italic = table_->font();
    italic.setItalic(true);
    QColor grey = palette().color(QPalette::Text);
    grey.setAlphaF(0.6);  // readable, but clearly not this session's numbers
    for (int k = 0; k < int(paper.size()); ++k)
        for (int c = 0; c < keys.size() && c < int(paper[std::size_t(k)].cells.size()); ++c) {
            auto* item = new QTableWidgetItem(
                RobustnessCsv::cellText(paper[std::size_t(k)].cells[std::size_t(c)]));
            item->setTextAlignment(Qt::AlignCenter);
            item->setFont(italic);
            item->setForeground(grey);
            item->setToolTip(tr("Published in seed 002, Table 1 (not computed here)"));
            table_->setItem(int(models.size()) + k, c, item);
        }
    if (auto* h = table_->verticalHeaderItem(int(models.size())))  // mark where the paper starts
        h->setToolTip(tr("The paper's Table 1 for comparison"));
}

void RobustnessTable::chooseCsv() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load robustness results"), {},
                                                      tr("Robustness CSV or merged sweep (*.csv "
                                                         "*_merged.h5);;All files (*)"));
    if (path.isEmpty()) return;
    const QString error = loadCsv(path);
    emit statusMessage(error.isEmpty() ? tr("Loaded %1").arg(path) : error,
                       error.isEmpty() ? 4000 : 0);
}

QString RobustnessTable::loadSweep(const QString& path) {
    std::string error;
    std::vector<as::sde::RobustnessRecord> records;
    try {
        records = as::sde::robustnessFromSweep(
            as::readSweepTable(QFile::encodeName(path).toStdString()), &error);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!error.empty()) return QString::fromStdString(error);
    setRecords(
        RobustnessCsv::fromEngine(records),
        tr("Table 1: accuracy (%) from the merged sweep %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

void RobustnessTable::chooseSaveCsv() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save robustness CSV"), QStringLiteral("robustness.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    const QString error = saveCsv(path);
    emit statusMessage(error.isEmpty() ? tr("Saved %1").arg(path) : error,
                       error.isEmpty() ? 4000 : 0);
}

}  // namespace as::gui
