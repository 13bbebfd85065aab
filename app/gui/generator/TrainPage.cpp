#include "app/gui/generator/TrainPage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/framework/JobButtons.h"
#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/generator/GeneratorTrainingController.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/TraceChart.h"
#include "widgets/common/VerticalScrollArea.h"

namespace as::gui {

using as::generator::GeneratorTrainSettings;

namespace {
QString formatSeconds(double s) {
    if (s < 0) return QStringLiteral("–");
    if (s < 90) return QObject::tr("%1 s").arg(int(std::lround(s)));
    if (s < 5400) return QObject::tr("%1 min").arg(s / 60, 0, 'f', 1);
    return QObject::tr("%1 h").arg(s / 3600, 0, 'f', 1);
}
/// At most n points of a curve (every k-th), so the chart stays cheap on long runs.
void decimate(const std::vector<double>& x, const std::vector<double>& y, std::size_t n,
              std::vector<double>& ox, std::vector<double>& oy) {
    const std::size_t step = std::max<std::size_t>(1, x.size() / n);
    ox.clear();
    oy.clear();
    for (std::size_t i = 0; i < x.size() && i < y.size(); i += step) {
        ox.push_back(x[i]);
        oy.push_back(y[i]);
    }
}
}  // namespace

TrainPage::TrainPage(GeneratorController* controller, QUndoStack* undo, Get get, Set set,
                     QWidget* parent)
    : GeneratorPage(controller, parent),
      training_(std::make_unique<GeneratorTrainingController>()),
      get_(get) {
    form_ = new widgets::ParameterForm(GeneratorTrainSettings::specs());
    form_->setObjectName("generatorTrainForm");
    binding_ = new ParameterBinding("generator training",
                                    ParameterBinding::of<GeneratorTrainSettings>(get, set), form_,
                                    undo, this);
    binding_->setLabelFormat(tr("%1 (training)"));
    connect(binding_, &ParameterBinding::refused, this,
            [this](const QString& rule) { emit statusMessage(tr("Refused: %1").arg(rule), 8000); });
    job_ = new JobButtons(tr("Start training"), this);
    auto* save = new QPushButton(tr("Save model…"));
    auto* load = new QPushButton(tr("Load model…"));
    connect(job_->start(), &QPushButton::clicked, this, [this] { start(); });
    connect(job_->cancel(), &QPushButton::clicked, this, &TrainPage::cancel);
    connect(save, &QPushButton::clicked, this, &TrainPage::saveRequested);
    connect(load, &QPushButton::clicked, this, &TrainPage::loadRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(job_->start());
    buttons->addWidget(job_->cancel());
    auto* files = new QHBoxLayout;
    files->addWidget(save);
    files->addWidget(load);
    auto* formBox = new QGroupBox(tr("Training settings (Ctrl+Z undoes)"));
    auto* fl = new QVBoxLayout(formBox);
    fl->addWidget(form_);
    fl->addLayout(buttons);
    fl->addLayout(files);
    auto* note = new QLabel(
        tr("Encoder 784-400-d and decoder d-400-784 (ReLU, sigmoid output) are trained with the "
           "latent SDE's Ã by backpropagation through time (Adam), about 17 ms an iteration on one "
           "core. The shipped gen_012.h5 (all 18,623 images of 0–2, 20 epochs) took 51 s; "
           "6,000 images and 3 epochs take about 3 s. Needs MNIST (scripts/fetch-mnist.sh)."));
    note->setWordWrap(true);
    fl->addWidget(note);
    fl->addStretch(1);
    formBox->setMaximumWidth(420);

    // A short title: a chart is at least as wide as its title (1024×700 in presentation mode).
    chart_ = new widgets::TraceChart(tr("Loss terms of eq 21"), tr("iteration"), tr("loss"));
    chart_->setToolTip(tr("Each term of eq 21 unweighted; total is the weighted sum"));
    chart_->addSeries(tr("total"), QColor(40, 40, 40));
    chart_->addSeries(tr("convergence"), QColor(31, 119, 180));
    chart_->addSeries(tr("reconstruction"), QColor(255, 127, 14));
    chart_->addSeries(tr("centroid"), QColor(44, 160, 44));
    message_ = new QLabel(tr("Not training."));
    message_->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addWidget(chart_, 1);
    right->addWidget(job_->progress());
    right->addWidget(message_);
    auto* lay = new QHBoxLayout(this);
    auto* formScroll = new widgets::VerticalScrollArea(formBox);  // tall in presentation mode
    formScroll->setMaximumWidth(440);
    lay->addWidget(formScroll);
    lay->addLayout(right, 1);

    timer_ = new QTimer(this);
    timer_->setInterval(200);
    connect(timer_, &QTimer::timeout, this, &TrainPage::poll);
    connect(training_.get(), &GeneratorTrainingController::finished, this,
            [this](std::shared_ptr<const as::generator::GeneratorModel> m,
                   const as::generator::GeneratorTrainingMeta& meta, const QString& summary) {
                timer_->stop();
                poll();
                job_->finished();
                emit statusMessage(summary, 10000);
                if (m) emit modelTrained(std::move(m), meta, summary);
            });
    binding_->sync();
}

TrainPage::~TrainPage() = default;

bool TrainPage::start() {
    if (!training_->start(get_())) {
        const QString why = training_->status().message;
        emit statusMessage(why.isEmpty() ? tr("A training run is already going") : why, 8000);
        message_->setText(why);
        return false;
    }
    job_->started();
    timer_->start();
    return true;
}

void TrainPage::cancel() {
    training_->cancel();
    message_->setText(tr("Cancelling …"));
}

bool TrainPage::isRunning() const {
    return training_->isRunning();
}

void TrainPage::sync() {
    binding_->sync();
}

void TrainPage::poll() {
    const GeneratorTrainingStatus s = training_->status();
    job_->setFraction(s.fraction);
    message_->setText(s.running ? tr("%1  ·  %2 ms/iteration  ·  %3 left")
                                      .arg(s.message)
                                      .arg(1e3 * s.secondsPerIteration, 0, 'f', 1)
                                      .arg(formatSeconds(s.secondsLeft))
                                : s.message);
    const std::vector<double>* const terms[4] = {&s.total, &s.conv, &s.rec, &s.centroid};
    plot(s.iterations, terms);
}

void TrainPage::plot(const std::vector<double>& it, const std::vector<double>* const terms[4]) {
    std::vector<double> x, y;
    for (int k = 0; k < 4; ++k) {
        decimate(it, *terms[k], 1500, x, y);
        chart_->setSeriesData(k, x, y);
    }
}

void TrainPage::showCurves(const as::generator::LossCurves& c, const QString& caption) {
    if (training_->isRunning()) return;
    std::vector<double> it(c.size());
    for (std::size_t i = 0; i < it.size(); ++i) it[i] = double(i + 1);
    const std::vector<double>* const terms[4] = {&c.total, &c.conv, &c.rec, &c.centroid};
    plot(it, terms);
    job_->progress()->setValue(0);
    message_->setText(c.size() ? caption : tr("Not training."));
}

void TrainPage::setDark(bool dark) {
    chart_->setDark(dark);
}

}  // namespace as::gui
