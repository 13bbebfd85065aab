#include "app/gui/surrogate/SurrogateLab.h"

#include <QAction>
#include <QComboBox>
#include <QDial>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateWorker.h"
#include "core/Angles.h"
#include "core/BuildPaths.h"
#include "core/ParamAccess.h"
#include "surrogate/InputProcess.h"
#include "widgets/common/ActivityHeatmap.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/PresentationScale.h"
#include "widgets/common/TraceChart.h"

namespace as::gui {

namespace {
constexpr int kFrameMs = 40;  // 25 Hz
}  // namespace

QString SurrogateLab::defaultModelPath() {
    return modelPathForCase(QStringLiteral("ring"));
}

QString SurrogateLab::modelPathForCase(const QString& caseName) {
    return QString::fromStdString(as::buildResourcesDir() + "/models/") + caseName +
           QStringLiteral("_gru.h5");
}

void SurrogateLab::showCase(const QString& caseName) {
    const QString path = modelPathForCase(caseName);
    if (QFileInfo::exists(path))
        loadModel(path);
    else
        emit statusMessage(tr("Surrogate: no shipped model %1").arg(path), 8000);
}

SurrogateLab::SurrogateLab(QUndoStack* /*undo*/, QWidget* parent)
    : Lab(QStringLiteral("surrogate"), tr("Surrogate"), parent, /*playWhenFirstShown=*/true),
      controller_(std::make_unique<SurrogateController>()) {
    buildViews();
    buildToolBar();
    buildDock();
    connect(controller_.get(), &SurrogateController::modelChanged, this,
            [this](const QString& info) {
                modelInfo_->setText(info.isEmpty() ? tr("No model") : info);
                emit statusMessage(tr("Surrogate model: %1").arg(info), 5000);
            });
    connect(controller_.get(), &SurrogateController::failed, this,
            [this](const QString& m) { emit statusMessage(tr("Surrogate: %1").arg(m), 8000); });
    connect(controller_.get(), &SurrogateController::loadFinished, this,
            [this](const QString& path, const QString& error) {
                if (error.isEmpty()) {
                    modelPath_ = path;  // the running model's file, written to sessions
                    return;
                }
                // A model file that does not load: the running model (and its path) stay.
                showFileError(tr("Could not load the model"), error);
            });
    connect(controller_.get(), &SurrogateController::trainingFinished, this,
            [this](const QString& m) {
                startButton_->setEnabled(true);
                cancelButton_->setEnabled(false);
                emit statusMessage(m, 8000);
            });
    frameTimer_ = new QTimer(this);
    frameTimer_->setInterval(kFrameMs);
    connect(frameTimer_, &QTimer::timeout, this, &SurrogateLab::frame);
    frameTimer_->start();
    if (QFileInfo::exists(defaultModelPath())) loadModel(defaultModelPath());
    bindPlayer(controller_.get());  // hidden, it pauses; shown, it plays if it was (Lab::setActive)
    connect(controller_.get(), &SurrogateController::playingChanged, this, [this](bool on) {
        playAction_->setText(on ? tr("Pause") : tr("Play"));
        playAction_->setChecked(on);
    });
}

SurrogateLab::~SurrogateLab() = default;

void SurrogateLab::buildViews() {
    auto* central = new QWidget;
    auto* grid = new QGridLayout(central);
    auto* angles = new QWidget;
    auto* anglesLayout = new QVBoxLayout(angles);
    anglesLayout->setContentsMargins(0, 0, 0, 0);
    for (auto*& chart : angleCharts_) {
        chart = new widgets::TraceChart(tr("Decoded angle"), tr("t (ms)"), tr("angle (rad)"));
        chart->addSeries(tr("input"), QColor(150, 150, 150), 1.0);
        chart->addSeries(tr("ODE"), QColor(31, 119, 180), 2.5);
        chart->addSeries(tr("surrogate"), QColor(255, 127, 14), 1.5);
        chart->setFixedYRange(-kPi, kPi);
        anglesLayout->addWidget(chart, 1);
    }
    errorChart_ =
        new widgets::TraceChart(tr("Error: surrogate − ODE"), tr("t (ms)"), tr("error (rad)"));
    errorChart_->addSeries(tr("error"), QColor(214, 39, 40), 1.5);
    errorChart_->addSeries(tr("error"), QColor(44, 160, 44), 1.5);
    errorChart_->addSeries(tr("error"), QColor(148, 103, 189), 1.5);
    odeHeat_ = new widgets::ActivityHeatmap;
    surHeat_ = new widgets::ActivityHeatmap;
    auto titled = [](QLabel* title, QWidget* w) {
        auto* box = new QWidget;
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(title);
        l->addWidget(w, 1);
        return box;
    };
    stats_ = new QLabel(tr("No model loaded: train one in the Training dock or load a file."));
    stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stats_->setWordWrap(true);               // one long line would set the window's minimum width
    widgets::setRelativeFont(stats_, 1.15);  // follows presentation mode
    grid->addWidget(stats_, 0, 0, 1, 2);
    grid->addWidget(angles, 1, 0);
    grid->addWidget(errorChart_, 1, 1);
    odeHeatTitle_ = new QLabel;
    surHeatTitle_ = new QLabel;
    grid->addWidget(titled(odeHeatTitle_, odeHeat_), 2, 0);
    grid->addWidget(titled(surHeatTitle_, surHeat_), 2, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    setCentralWidget(central);
    showAxes({"ring"});
}

// One angle chart per decoded angle, titled by its name, and one error series each.
void SurrogateLab::showAxes(const std::vector<std::string>& names) {
    if (names == shownAxes_) return;
    shownAxes_ = names;
    // With several angles the heatmap's rows are one block per angle, the first at the bottom.
    QString blocks;
    for (const auto& n : names)
        blocks += (blocks.isEmpty() ? "" : ", ") + QString::fromStdString(n);
    const QString suffix =
        names.size() > 1 ? tr(" — blocks from the bottom: %1").arg(blocks) : QString();
    odeHeatTitle_->setText(tr("ODE activity (transition diagram)") +
                           (names.size() == 3 ? tr(" — rate marginals") : QString()) + suffix);
    surHeatTitle_->setText(tr("Surrogate: activity implied by its decode components") + suffix);
    const auto errors = errorChart_->chart()->series();
    for (std::size_t a = 0; a < 3; ++a) {
        const bool on = a < names.size();
        const QString name = on ? QString::fromStdString(names[a]) : QString();
        angleCharts_[a]->setVisible(on);
        if (on)
            angleCharts_[a]->chart()->setTitle(
                names.size() == 1 ? tr("Decoded angle") : tr("Decoded angle: %1").arg(name));
        if (qsizetype(a) < errors.size()) {
            errors[qsizetype(a)]->setName(names.size() == 1 ? tr("error") : name);
            errors[qsizetype(a)]->setVisible(on);
            for (auto* marker : errorChart_->chart()->legend()->markers(errors[qsizetype(a)]))
                marker->setVisible(on && names.size() > 1);
        }
    }
}

void SurrogateLab::buildToolBar() {
    auto* tb = addToolBar(tr("Comparison"));
    tb->setObjectName(QStringLiteral("surrogateToolBar"));
    playAction_ = tb->addAction(tr("Play"));
    playAction_->setCheckable(true);
    connect(playAction_, &QAction::triggered, this, [this](bool on) { on ? play() : pause(); });
    tb->addAction(tr("Reset"), this, [this] { controller_->reset(); });
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Case: ")));
    caseCombo_ = new QComboBox;
    caseCombo_->addItem(tr("ring (1D)"), QStringLiteral("ring"));
    caseCombo_->addItem(tr("hd2d (azimuth + pitch)"), QStringLiteral("hd2d"));
    caseCombo_->addItem(tr("grid3d (3D torus)"), QStringLiteral("grid3d"));
    caseCombo_->setToolTip(tr("Loads the shipped model of the case; the ODE is its teacher"));
    connect(caseCombo_, &QComboBox::activated, this,
            [this](int i) { showCase(caseCombo_->itemData(i).toString()); });
    tb->addWidget(caseCombo_);
    tb->addWidget(new QLabel(tr(" Input: ")));
    sourceCombo_ = new QComboBox;
    sourceCombo_->addItems({tr("mouse (dial)"), tr("random walk"), tr("Ornstein–Uhlenbeck"),
                            tr("jumps"), tr("mixture"), tr("3D random walk (torus lab)"),
                            tr("helix (torus lab)")});
    sourceCombo_->setToolTip(
        tr("The input of both the ODE and the surrogate. Processes run per angle; the 3D paths "
           "are the torus lab's trajectories wrapped per axis. The dial moves the first angle."));
    sourceCombo_->setCurrentIndex(int(as::surrogate::LiveSource::Mixture));
    connect(sourceCombo_, &QComboBox::currentIndexChanged, this, [this](int i) {
        controller_->setSource(i);
        dial_->setEnabled(i == int(as::surrogate::LiveSource::Mouse));
    });
    tb->addWidget(sourceCombo_);
    dial_ = new QDial;
    dial_->setRange(0, 359);
    dial_->setWrapping(true);
    dial_->setFixedSize(44, 44);
    dial_->setEnabled(false);
    dial_->setToolTip(tr("Drag to move the input angle (mouse input)"));
    connect(dial_, &QDial::valueChanged, this,
            [this](int v) { controller_->setMouseAngle(v * kPi / 180.0 - kPi); });
    tb->addWidget(dial_);
    tb->addWidget(new QLabel(tr(" Steps per frame: ")));
    auto* steps = new QSpinBox;
    steps->setRange(1, 200);
    steps->setValue(5);
    connect(steps, &QSpinBox::valueChanged, this,
            [this](int n) { controller_->setStepsPerTick(n); });
    tb->addWidget(steps);
}

void SurrogateLab::buildDock() {
    auto* dock = new QDockWidget(tr("Training"), this);
    dock->setObjectName(QStringLiteral("surrogateTrainingDock"));
    auto* body = new QWidget;
    auto* v = new QVBoxLayout(body);
    modelInfo_ = new QLabel(tr("No model"));
    modelInfo_->setWordWrap(true);
    v->addWidget(modelInfo_);
    auto* files = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load model…"));
    auto* save = new QPushButton(tr("Save model…"));
    connect(load, &QPushButton::clicked, this, [this] {
        const QString p =
            QFileDialog::getOpenFileName(this, tr("Load surrogate model"), {}, tr("HDF5 (*.h5)"));
        if (!p.isEmpty()) loadModel(p);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString p =
            QFileDialog::getSaveFileName(this, tr("Save surrogate model"), {}, tr("HDF5 (*.h5)"));
        if (!p.isEmpty()) controller_->saveModel(p);
    });
    files->addWidget(load);
    files->addWidget(save);
    v->addLayout(files);
    auto* seqRow = new QHBoxLayout;
    seqRow->addWidget(new QLabel(tr("Dataset: sequences of 1000 steps")));
    sequencesSpin_ = new QSpinBox;
    sequencesSpin_->setRange(5, 2000);
    sequencesSpin_->setValue(100);
    seqRow->addWidget(sequencesSpin_);
    v->addLayout(seqRow);
    trainForm_ = new widgets::ParameterForm(as::surrogate::TrainParams::specs());
    v->addWidget(trainForm_);
    auto* buttons = new QHBoxLayout;
    startButton_ = new QPushButton(tr("Train"));
    startButton_->setToolTip(
        tr("Generate a dataset of the current case (ring, hd2d: both channels, grid3d: the 32³ "
           "torus) and train a new model of that case; it replaces the running one when done"));
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setEnabled(false);
    connect(startButton_, &QPushButton::clicked, this, [this] {
        as::surrogate::TrainParams p;
        for (const QString& key : trainForm_->keys())
            p.set(key.toStdString(), trainForm_->value(key));
        try {
            p.check();
        } catch (const std::exception& e) {
            trainForm_->showError(QString::fromStdString(e.what()));
            return;
        }
        trainForm_->showError({});
        startButton_->setEnabled(false);
        cancelButton_->setEnabled(true);
        controller_->train(sequencesSpin_->value(), p);
    });
    connect(cancelButton_, &QPushButton::clicked, this, [this] { controller_->cancelTraining(); });
    buttons->addWidget(startButton_);
    buttons->addWidget(cancelButton_);
    v->addLayout(buttons);
    progress_ = new QProgressBar;
    progress_->setRange(0, 100);
    progress_->setValue(0);
    v->addWidget(progress_);
    trainStatus_ = new QLabel;
    trainStatus_->setWordWrap(true);
    v->addWidget(trainStatus_);
    lossChart_ = new widgets::TraceChart(tr("Loss"), tr("epoch"), tr("log10 MSE"));
    lossChart_->addSeries(tr("training"), QColor(31, 119, 180));
    lossChart_->addSeries(tr("validation"), QColor(255, 127, 14));
    lossChart_->setMinimumHeight(180);
    v->addWidget(lossChart_);
    v->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    dock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

void SurrogateLab::loadModel(const QString& path) {
    controller_->loadModel(path);  // modelPath_ follows once the worker has loaded it
}

void SurrogateLab::frame() {
    const auto s = controller_->latest();
    if (!s) return;
    shownSteps_ = s->steps;
    hasModel_ = s->hasModel;
    if (!s->caseName.empty()) {
        const int i = caseCombo_->findData(QString::fromStdString(s->caseName));
        if (i >= 0 && i != caseCombo_->currentIndex()) {
            const QSignalBlocker block(caseCombo_);
            caseCombo_->setCurrentIndex(i);
        }
    }
    if (!s->axisNames.empty()) showAxes(s->axisNames);
    if (s->hasModel && s->steps > 0) {
        const double speedup = s->surUs > 0 ? s->odeUs / s->surUs : 0.0;
        stats_->setText(tr("Running MSE %1 rad²%6  ·  ODE %2 µs per input step  ·  surrogate %3 "
                           "µs  ·  speed-up %4×  ·  %5 steps")
                            .arg(s->runningMse, 0, 'e', 2)
                            .arg(s->odeUs, 0, 'f', 2)
                            .arg(s->surUs, 0, 'f', 3)
                            .arg(speedup, 0, 'f', 1)
                            .arg(s->steps)
                            .arg(s->axisNames.size() > 1
                                     ? tr(" (mean of %1 angles)").arg(s->axisNames.size())
                                     : QString()));
    } else if (s->hasModel) {
        stats_->setText(tr("Model ready: press Play."));
    }
    for (std::size_t a = 0; a < 3; ++a) {
        static const std::vector<double> none;
        const bool on = a < s->odeAngle.size();
        angleCharts_[a]->setSeriesData(0, s->t, on ? s->input[a] : none);
        angleCharts_[a]->setSeriesData(1, s->t, on ? s->odeAngle[a] : none);
        angleCharts_[a]->setSeriesData(2, s->t, on ? s->surAngle[a] : none);
        errorChart_->setSeriesData(int(a), s->t, on ? s->error[a] : none);
    }
    if (s->activityRows > 0 && !s->t.empty()) {
        odeHeat_->setData(s->odeActivity, s->activityRows, s->t.front(), s->t.back());
        surHeat_->setData(s->surActivity, s->activityRows, s->t.front(), s->t.back());
    }
    std::vector<double> ep, tl, vl;
    for (std::size_t i = 0; i < s->trainLoss.size(); ++i) {
        ep.push_back(double(i + 1));
        tl.push_back(std::log10(std::max(1e-12, s->trainLoss[i])));
        vl.push_back(std::log10(std::max(1e-12, s->valLoss[i])));
    }
    lossChart_->setSeriesData(0, ep, tl);
    lossChart_->setSeriesData(1, ep, vl);
    if (s->training) {
        progress_->setValue(s->maxEpochs > 0 ? 100 * s->epoch / s->maxEpochs : 0);
        QString text = QString::fromStdString(s->trainMessage);
        if (s->secondsLeft >= 0)
            text += tr(" · at most %1 s left").arg(int(std::ceil(s->secondsLeft)));
        trainStatus_->setText(text);
    } else if (!s->trainMessage.empty()) {
        // Full only for a run that finished; a cancelled one shows how far it got.
        progress_->setValue(s->trainCompleted  ? 100
                            : s->maxEpochs > 0 ? 100 * s->epoch / s->maxEpochs
                                               : 0);
        trainStatus_->setText(QString::fromStdString(s->trainMessage));
    }
    statusLabel()->setText(s->hasModel ? tr("surrogate: %1 steps").arg(s->steps)
                                       : tr("surrogate: no model"));
}

std::vector<std::pair<QString, QWidget*>> SurrogateLab::exportTargets() {
    return {{tr("Surrogate lab"), centralWidget()},
            {tr("Decoded angle"), angleCharts_[0]},
            {tr("Decoded angles (every axis)"), angleCharts_[0]->parentWidget()},
            {tr("Error"), errorChart_},
            {tr("ODE activity"), odeHeat_},
            {tr("Surrogate activity"), surHeat_},
            {tr("Loss curves"), lossChart_}};
}

void SurrogateLab::setDark(bool dark) {
    for (auto* c : angleCharts_) c->setDark(dark);
    errorChart_->setDark(dark);
    lossChart_->setDark(dark);
}

void SurrogateLab::resetToDefaults() {
    sourceCombo_->setCurrentIndex(int(as::surrogate::LiveSource::Mixture));
    if (QFileInfo::exists(defaultModelPath())) loadModel(defaultModelPath());
}

QString SurrogateLab::applySetting(const QString&, const QString& key, const QString& value) {
    if (key != QStringLiteral("case"))
        return tr("the surrogate lab has no parameter '%1' (known: case)").arg(key);
    if (caseCombo_->findData(value) < 0)
        return tr("surrogate lab: case must be ring, hd2d or grid3d (got '%1')").arg(value);
    if (!QFileInfo::exists(modelPathForCase(value)))
        return tr("surrogate lab: the shipped model %1 is missing").arg(modelPathForCase(value));
    showCase(value);
    return {};
}

}  // namespace as::gui
