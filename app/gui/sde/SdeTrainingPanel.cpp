#include "app/gui/sde/SdeTrainingPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/framework/JobButtons.h"
#include "app/gui/sde/SdeTrainingController.h"
#include "data/MnistLocator.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/TraceChart.h"

namespace as::gui {

namespace {
/// The training hyper-parameters the panel shows (the rest keep their defaults).
std::vector<as::ParamSpec> panelSpecs() {
    std::vector<as::ParamSpec> out;
    for (const char* k : {"epochs", "batch", "lr", "train_g", "alpha", "g_lr", "validation_count",
                          "eval_every", "seed"})
        if (const auto* s = as::findSpec(as::sde::TrainParams::specs(), k)) out.push_back(*s);
    return out;
}
}  // namespace

SdeTrainingPanel::SdeTrainingPanel(QWidget* parent)
    : QWidget(parent),
      controller_(std::make_unique<SdeTrainingController>()),
      mnistDir_(QString::fromStdString(as::data::findMnistDir())) {
    // Settings on the left (narrow), the two curves on the right.
    auto* outer = new QHBoxLayout(this);
    auto* left = new QWidget;
    left->setMaximumWidth(460);
    auto* v = new QVBoxLayout(left);
    v->setContentsMargins(0, 0, 0, 0);
    auto* right = new QVBoxLayout;
    outer->addWidget(left);
    outer->addLayout(right, 1);
    missing_ = new QLabel;
    missing_->setWordWrap(true);
    missing_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    missing_->setStyleSheet("QLabel { color: #b04000; }");
    missing_->setVisible(!mnistAvailable());
    missing_->setText(mnistMessage());
    v->addWidget(missing_);

    auto* dataBox = new QGroupBox(tr("Data and noise"));
    auto* f = new QFormLayout(dataBox);
    digits_ = new QSpinBox;
    digits_->setRange(1, 10);
    digits_->setValue(10);
    digits_->setToolTip(tr("Train on the digits 0 to k−1 (k ≤ the number of attractors C)"));
    digits_->setSpecialValueText(tr("0 only"));
    f->addRow(tr("Digits 0 … k−1, k ="), digits_);
    trainCount_ = new QSpinBox;
    trainCount_->setRange(10, 60000);
    trainCount_->setSingleStep(500);
    trainCount_->setValue(2000);
    trainCount_->setToolTip(
        tr("Training images: the first ones of the chosen digits in the MNIST training set"));
    f->addRow(tr("Training images"), trainCount_);
    eps_ = new QDoubleSpinBox;
    eps_->setRange(0, 10);
    eps_->setDecimals(3);
    eps_->setSingleStep(0.01);
    eps_->setValue(0.0);
    eps_->setToolTip(tr("Noise strength ε during training (the paper: 0, 0.05, 0.1)"));
    f->addRow(tr("Noise ε"), eps_);
    continue_ = new QCheckBox(tr("Start from the current model's weights"));
    continue_->setToolTip(tr("Off: start from the planted model with Ã = 0"));
    f->addRow(continue_);
    v->addWidget(dataBox);

    auto* hyperBox = new QGroupBox(tr("Training (BPTT + Adam)"));
    auto* hl = new QVBoxLayout(hyperBox);
    hl->setContentsMargins(2, 2, 2, 2);
    form_ = new as::widgets::ParameterForm(panelSpecs());
    form_->setValue("epochs", 2);
    form_->setValue("validation_count", 500);
    form_->setValue("eval_every", 20);
    hl->addWidget(form_);
    v->addWidget(hyperBox);

    auto* buttons = new QHBoxLayout;
    job_ = new JobButtons(tr("Start training"), this);
    job_->start()->setEnabled(mnistAvailable());
    buttons->addWidget(job_->start());
    buttons->addWidget(job_->cancel());
    v->addLayout(buttons);
    job_->progress()->setFormat(tr("%p%"));
    v->addWidget(job_->progress());
    status_ = new QLabel(mnistAvailable() ? tr("MNIST found in %1").arg(mnistDir_) : QString());
    status_->setWordWrap(true);
    v->addWidget(status_);
    loss_ = new as::widgets::TraceChart(tr("Training loss (eq 18)"), tr("iteration"), tr("loss"));
    loss_->addSeries(tr("loss"), QColor(31, 119, 180), 1.5);
    accuracy_ = new as::widgets::TraceChart(tr("Accuracy"), tr("iteration"), tr("accuracy (%)"));
    accuracy_->addSeries(tr("training batch"), QColor(150, 150, 150), 1.0);
    accuracy_->addSeries(tr("validation"), QColor(230, 97, 1), 2.5);
    accuracy_->setFixedYRange(0, 100);
    loss_->setMinimumHeight(170);
    accuracy_->setMinimumHeight(170);
    v->addStretch(1);
    right->addWidget(loss_, 1);
    right->addWidget(accuracy_, 1);

    connect(job_->start(), &QPushButton::clicked, this, [this] { start(); });
    connect(job_->cancel(), &QPushButton::clicked, this, &SdeTrainingPanel::cancel);
    connect(controller_.get(), &SdeTrainingController::progressed, this,
            &SdeTrainingPanel::refresh);
    connect(controller_.get(), &SdeTrainingController::finished, this,
            [this](std::shared_ptr<const as::sde::SdeModel> m, const as::sde::TrainingMeta& meta,
                   const QString& s) {
                job_->finished(mnistAvailable());
                status_->setText(s);
                emit statusMessage(s, 10000);
                if (m) emit modelTrained(std::move(m), meta, s);
            });
}

SdeTrainingPanel::~SdeTrainingPanel() = default;

QString SdeTrainingPanel::mnistMessage() const {
    return mnistAvailable() ? QString() : QString::fromStdString(as::data::mnistMissingMessage());
}

bool SdeTrainingPanel::isRunning() const {
    return controller_->isRunning();
}

void SdeTrainingPanel::setSizes(int digits, int trainCount, int validationCount, int epochs,
                                int batch) {
    digits_->setValue(digits);
    trainCount_->setValue(trainCount);
    form_->setValue("validation_count", validationCount);
    form_->setValue("epochs", epochs);
    form_->setValue("batch", batch);
}

QWidget* SdeTrainingPanel::lossChart() const {
    return loss_;
}
QWidget* SdeTrainingPanel::accuracyChart() const {
    return accuracy_;
}
QString SdeTrainingPanel::statusText() const {
    return status_->text();
}

bool SdeTrainingPanel::start() {
    if (!mnistAvailable()) {
        emit statusMessage(tr("No MNIST: %1").arg(mnistMessage()), 10000);
        return false;
    }
    SdeTrainingRequest rq;
    rq.model = base_;
    rq.model.eps = eps_->value();
    for (const QString& k : form_->keys()) rq.train.set(k.toStdString(), form_->value(k));
    rq.model.noise = rq.train.trainG ? as::sde::NoiseKind::Trained : as::sde::NoiseKind::Identity;
    rq.digits = digits_->value();
    rq.trainCount = trainCount_->value();
    rq.mnistDir = mnistDir_.toStdString();
    if (continue_->isChecked()) rq.start = current_;
    try {
        rq.model.check();
        rq.train.check();
        if (rq.digits > rq.model.classes)
            throw std::invalid_argument(tr("digits 0 … %1 need at least %2 attractors (C = %3)")
                                            .arg(rq.digits - 1)
                                            .arg(rq.digits)
                                            .arg(rq.model.classes)
                                            .toStdString());
    } catch (const std::exception& e) {
        form_->showError(QString::fromUtf8(e.what()));
        return false;
    }
    form_->showError({});
    if (!controller_->start(rq)) return false;
    loss_->setSeriesData(0, {}, {});
    accuracy_->setSeriesData(0, {}, {});
    accuracy_->setSeriesData(1, {}, {});
    job_->started();
    return true;
}

void SdeTrainingPanel::cancel() {
    controller_->cancel();
}

void SdeTrainingPanel::refresh() {
    const SdeTrainingStatus s = controller_->status();
    job_->setFraction(s.fraction);
    QString text = s.message;
    if (s.running && s.secondsLeft >= 0)
        text += tr(" · about %1 s left").arg(int(std::ceil(s.secondsLeft)));
    status_->setText(text);
    loss_->setSeriesData(0, s.lossIterations, s.loss);
    std::vector<double> pct(s.validation.size());
    for (std::size_t i = 0; i < pct.size(); ++i) pct[i] = 100 * s.validation[i];
    accuracy_->setSeriesData(0, s.lossIterations, s.batchAccuracy);
    accuracy_->setSeriesData(1, s.validationIterations, pct);
}

void SdeTrainingPanel::setDark(bool dark) {
    loss_->setDark(dark);
    accuracy_->setDark(dark);
}

}  // namespace as::gui
