#include "app/gui/sde/SdeLab.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/framework/ModelFileBox.h"
#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/sde/RobustnessTable.h"
#include "app/gui/sde/SdeAnalysisPage.h"
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeDynamicsPage.h"
#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeTrainingPanel.h"
#include "core/BuildPaths.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/ThemedIcons.h"
#include "widgets/common/TraceChart.h"

namespace as::gui {

namespace {
constexpr int kFrameMs = 33;  // views at ~30 Hz
const QString kUntrained = QObject::tr("untrained (planted, Ã = 0)");

}  // namespace

QStringList SdeLab::shippedModels() {
    QStringList out;
    const QDir dir(QString::fromStdString(as::buildResourcesDir() + "/models"));
    for (const char* name : {"sde_eps0.h5", "sde_eps005.h5", "sde_eps01.h5", "sde_gtrained.h5"})
        if (dir.exists(name)) out << dir.filePath(name);
    for (const QString& f : dir.entryList({"sde_*.h5"}, QDir::Files, QDir::Name))
        if (!out.contains(dir.filePath(f))) out << dir.filePath(f);
    return out;
}

SdeLab::SdeLab(QUndoStack* undo, QWidget* parent)
    : Lab(QStringLiteral("sde"), tr("SDE classifier"), parent, /*playWhenFirstShown=*/true),
      controller_(std::make_unique<SdeController>()),
      undo_(undo),
      modelName_(kUntrained) {
    bindPlayer(controller_.get());
    setWindowFlags(Qt::Widget);
    setObjectName("sdeLab");
    input_ = new SdeInputPanel;
    page_ = new SdeDynamicsPage(input_);
    training_ = new SdeTrainingPanel;
    analysis_ = new SdeAnalysisPage;
    auto* trainScroll = new QScrollArea;
    trainScroll->setWidget(training_);
    trainScroll->setWidgetResizable(true);
    tabs_ = new QTabWidget;
    tabs_->addTab(page_, tr("Dynamics"));
    tabs_->addTab(trainScroll, tr("Training"));
    auto* analysisScroll = new QScrollArea;  // the page scrolls in a small window
    analysisScroll->setWidget(analysis_);
    analysisScroll->setWidgetResizable(true);
    tabs_->addTab(analysisScroll, tr("Analysis"));
    setCentralWidget(tabs_);
    buildToolBar();
    buildDock();
    statusLabel()->setMinimumWidth(380);

    connect(input_, &SdeInputPanel::inputChosen, this, &SdeLab::sendInput);
    connect(input_, &SdeInputPanel::inputEdited, this, [this] { playWhenShown(); });
    connect(page_, &SdeDynamicsPage::attractorClicked, this, [this](int l) {
        const auto s = controller_->latest();
        if (!s || !s->model || l >= s->model->attractors().classes()) return;
        const Eigen::VectorXd x = s->model->attractors().points().col(l);
        std::vector<float> x0(std::size_t(x.size()));
        for (Eigen::Index i = 0; i < x.size(); ++i) x0[std::size_t(i)] = float(x(i));
        controller_->setInput(x0, l);
        emit statusMessage(
            tr("Started exactly on attractor %1: a fixed point, so x(t) stays there (with ε > 0 it "
               "wobbles around it).")
                .arg(l),
            8000);
    });
    connect(controller_.get(), &SdeController::playingChanged, this, [this](bool on) {
        playAction_->setText(on ? tr("Pause") : tr("Play"));
        as::widgets::setThemedIcon(playAction_, on ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay);
    });
    connect(controller_.get(), &SdeController::modelReplaced, this,
            [this](const QString& m) { emit statusMessage(m, 10000); });
    connect(controller_.get(), &SdeController::failed, this,
            [this](const QString& m) { emit statusMessage(tr("SDE: %1").arg(m), 10000); });
    connect(controller_.get(), &SdeController::decided, this, [this](int predicted, int label) {
        if (predicted < 0) return;
        emit statusMessage(label >= 0
                               ? tr("Classified as %1 (true class %2)").arg(predicted).arg(label)
                               : tr("Classified as %1").arg(predicted),
                           6000);
    });
    connect(training_, &SdeTrainingPanel::modelTrained, this,
            [this](std::shared_ptr<const as::sde::SdeModel> m, const as::sde::TrainingMeta& meta,
                   const QString&) { adoptModel(std::move(m), tr("trained here"), true, meta); });
    connect(training_, &SdeTrainingPanel::statusMessage, this, &Lab::statusMessage);
    connect(analysis_, &SdeAnalysisPage::statusMessage, this, &Lab::statusMessage);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { lastSerial_ = ~0ull; });

    frameTimer_ = new QTimer(this);
    frameTimer_->setInterval(kFrameMs);
    connect(frameTimer_, &QTimer::timeout, this, &SdeLab::frame);
    frameTimer_->start();

    const QStringList shipped = shippedModels();
    if (!shipped.isEmpty())
        loadModel(shipped.first());
    else
        QTimer::singleShot(0, this, [this] {
            emit statusMessage(
                tr("No shipped SDE model found in resources/models: running the untrained planted "
                   "model (Ã = 0). Train one in the Training tab or load a file."),
                0);
        });
    syncControls();
    sendInput();
}

SdeLab::~SdeLab() = default;

void SdeLab::buildToolBar() {
    auto* tb = addToolBar(tr("Dynamics"));
    tb->setObjectName("sdeToolBar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    playAction_ = as::widgets::addThemedAction(tb, QStyle::SP_MediaPlay, tr("Play"));
    playAction_->setShortcut(Qt::Key_Space);
    playAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    playAction_->setToolTip(
        tr("Play / pause the dynamics (Space); at t = T, Play replays from x(0)"));
    connect(playAction_, &QAction::triggered, this, [this] { controller_->togglePlay(); });
    auto* step = as::widgets::addThemedAction(tb, QStyle::SP_MediaSkipForward, tr("Step"));
    step->setToolTip(tr("One Euler(–Maruyama) step dt"));
    connect(step, &QAction::triggered, this, [this] { controller_->stepOnce(); });
    auto* reset = as::widgets::addThemedAction(tb, QStyle::SP_BrowserReload, tr("Reset"));
    reset->setToolTip(tr("Back to x(0), t = 0"));
    connect(reset, &QAction::triggered, this, [this] { controller_->reset(); });
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Speed ")));
    speedCombo_ = new QComboBox;
    for (int s : {10, 30, 100, 300, 1000, 10000}) speedCombo_->addItem(tr("%1 steps/s").arg(s), s);
    speedCombo_->setCurrentIndex(1);
    speedCombo_->setToolTip(tr("Euler steps per second of wall time"));
    connect(speedCombo_, &QComboBox::currentIndexChanged, this,
            [this] { controller_->setStepsPerSecond(speedCombo_->currentData().toDouble()); });
    tb->addWidget(speedCombo_);
    stopCheck_ = new QCheckBox(tr("Stop at T"));
    stopCheck_->setChecked(true);
    stopCheck_->setToolTip(
        tr("Pause at the classification time T = steps · dt (off: keep running)"));
    connect(stopCheck_, &QCheckBox::toggled, this,
            [this](bool on) { controller_->setStopAtHorizon(on); });
    tb->addWidget(stopCheck_);
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Noise ε ")));
    epsCombo_ = new QComboBox;
    epsCombo_->setEditable(true);
    for (const char* e : {"0", "0.05", "0.1", "0.2", "0.5"}) epsCombo_->addItem(e);
    epsCombo_->setToolTip(tr("Noise strength ε, applied live (Ctrl+Z undoes)"));
    connect(epsCombo_, &QComboBox::textActivated, this, [this](const QString& t) {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (ok)
            requestEdit("eps", v);
        else
            syncControls();
    });
    tb->addWidget(epsCombo_);
    noiseCombo_ = new QComboBox;
    noiseCombo_->addItems({tr("G = identity"), tr("G = trained")});
    noiseCombo_->setToolTip(tr(
        "The noise matrix: the identity, or the trained G of the model (identity if it has none)"));
    connect(noiseCombo_, &QComboBox::activated, this, [this](int i) { requestEdit("noise", i); });
    tb->addWidget(noiseCombo_);
}

void SdeLab::buildDock() {
    auto* inner = new QWidget;
    auto* lay = new QVBoxLayout(inner);
    modelBox_ = new ModelFileBox(tr("SDE"), "sde_model.h5");
    modelBox_->addEntry(kUntrained, QString());
    modelBox_->addFiles(shippedModels());
    modelBox_->combo()->setToolTip(
        tr("Shipped trained models (resources/models) or the untrained planted model"));
    connect(modelBox_, &ModelFileBox::entryChosen, this, [this](const QString& path) {
        if (!path.isEmpty()) {
            loadModel(path);
            return;
        }
        as::sde::SdeParams p = params_;
        p.noise = as::sde::NoiseKind::Identity;
        adoptModel(std::make_shared<const as::sde::SdeModel>(p), kUntrained, false, {});
    });
    connect(modelBox_, &ModelFileBox::loadRequested, this, &SdeLab::loadModel);
    connect(modelBox_, &ModelFileBox::saveRequested, this, &SdeLab::saveModel);
    lay->addWidget(modelBox_);

    auto* paramBox = new QGroupBox(tr("Parameters (Ctrl+Z undoes)"));
    auto* pl = new QVBoxLayout(paramBox);
    pl->setContentsMargins(2, 2, 2, 2);
    form_ = new as::widgets::ParameterForm(as::sde::SdeParams::specs());
    form_->setObjectName("sdeForm");
    // Checked edits as undo steps; a step that re-plants keeps the running model for Undo.
    binding_ = new ParameterBinding(
        "sde",
        ParameterBinding::of<as::sde::SdeParams>(
            [this] { return params_; }, [this](const auto& p) { applyParams(p, nullptr); }),
        form_, undo_, this);
    binding_->setCommandFactory([this](const QString& key, double, double v, const QString& text) {
        as::sde::SdeParams p = params_;
        p.set(key.toStdString(), v);
        SdeParamCommand::Before before{params_, nullptr, modelName_, modelTrained_, meta_};
        if (as::sde::SdeModel::structuralChange(params_, p)) {
            const auto s = controller_->latest();
            before.model = s ? s->model : nullptr;
        }
        return new SdeParamCommand([this](const as::sde::SdeParams& q,
                                          const SdeParamCommand::Before* b) { applyParams(q, b); },
                                   before, p, text);
    });
    connect(binding_, &ParameterBinding::refused, this, [this](const QString& rule) {
        emit statusMessage(tr("Refused: %1").arg(rule), 8000);
        syncControls();
    });
    pl->addWidget(form_);
    auto* note = new QLabel(
        tr("N, C, pattern, node model, c, β, λ and r re-plant the attractors: the trained "
           "weights are dropped (Undo brings them back). The others act live."));
    note->setWordWrap(true);
    pl->addWidget(note);
    lay->addWidget(paramBox);
    lay->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);  // large fonts stay reachable
    auto* dock = new QDockWidget(tr("Model and parameters"));
    dock->setObjectName("sdeParametersDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(scroll);
    dock->setMinimumWidth(250);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

void SdeLab::sendInput() {
    controller_->setInput(input_->initialCondition(), input_->label());
}

bool SdeLab::requestEdit(const QString& key, double newValue) {
    return binding_->edit(key, newValue);
}

void SdeLab::applyParams(const as::sde::SdeParams& p, const SdeParamCommand::Before* before) {
    if (before && before->model) {
        controller_->setModel(before->model, before->name, before->trained);
        modelName_ = before->name;
        modelTrained_ = before->trained;
        meta_ = before->meta;
        emit statusMessage(tr("Restored the model “%1”").arg(modelName_), 6000);
    } else {
        if (as::sde::SdeModel::structuralChange(params_, p)) {
            modelName_ = kUntrained;
            modelTrained_ = false;
            meta_ = {};
        }
        controller_->setParams(p);
    }
    params_ = p;
    syncControls();
}

void SdeLab::adoptModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name,
                        bool trained, const as::sde::TrainingMeta& meta) {
    if (!model) return;
    params_ = model->params();
    modelName_ = name;
    modelTrained_ = trained;
    meta_ = meta;
    undo_->clear();  // earlier edits belonged to the previous model
    controller_->setModel(std::move(model), name, trained);
    syncControls();
    emit statusMessage(tr("Model: %1").arg(name), 6000);
}

void SdeLab::syncControls() {
    binding_->sync();
    // The chooser names the running model; one not in the list gets its own (last) entry.
    modelBox_->showRunningNamed(modelName_);
    {
        const QSignalBlocker b1(epsCombo_), b2(noiseCombo_);
        epsCombo_->setEditText(QString::number(params_.eps, 'g', 4));
        noiseCombo_->setCurrentIndex(int(params_.noise));
    }
    QString info = tr("<b>%1</b><br>N = %2, C = %3, %4 pattern")
                       .arg(modelName_)
                       .arg(params_.n)
                       .arg(params_.classes)
                       .arg(QString::fromUtf8(as::sde::patternName(params_.pattern)));
    try {  // the alphabet of eq 6/9: the values the planted pixels take
        const auto a = as::sde::NodeFunctions::make(params_.nodeParams())->alphabet(params_.lambda);
        QStringList vals;
        for (double v : a) vals << QString::number(v, 'f', 4);
        info += tr("<br>alphabet {0, %1} (eq 9)").arg(vals.join(", "));
    } catch (const std::exception&) {
    }
    if (modelTrained_ && meta_.iterations > 0) {
        info += tr("<br>trained %1 iterations").arg(meta_.iterations);
        if (meta_.validationAccuracy >= 0)
            info += tr(", validation accuracy %1 %").arg(100 * meta_.validationAccuracy, 0, 'f', 1);
        if (meta_.train.trainG) info += tr("<br>with a trained G");
    } else if (!modelTrained_) {
        info +=
            tr("<br>not trained: the attractors are planted, but Ã = 0 has not learnt the digits");
    }
    modelBox_->setInfo(info);
    training_->setBaseParams(params_);
}

void SdeLab::frame() {
    quint64 serial = 0;
    const auto s = controller_->latest(&serial);
    if (!s || serial == lastSerial_) return;
    lastSerial_ = serial;
    training_->setCurrentModel(s->model);
    if (tabs_->currentWidget() == page_) page_->showSnapshot(*s);
    if (tabs_->currentWidget()->isAncestorOf(analysis_) && s->model != analysedModel_) {
        analysedModel_ = s->model;
        analysis_->setModel(s->model, s->modelName);
    }
    statusLabel()->setText(
        tr("t = %1 of T = %2  |  %3 steps/s  |  %4  |  model: %5")
            .arg(s->t, 0, 'f', 2)
            .arg(s->horizon, 0, 'g', 4)
            .arg(s->stepsPerSecond, 0, 'f', 0)
            .arg(s->predicted >= 0 ? tr("prediction %1").arg(s->predicted) : tr("no prediction"))
            .arg(s->modelName));
}

void SdeLab::showTab(int index) {
    tabs_->setCurrentIndex(index);
}

std::vector<std::pair<QString, QWidget*>> SdeLab::exportTargets() {
    std::vector<std::pair<QString, QWidget*>> t = {
        {tr("SDE lab"), centralWidget()},
        {tr("State image"), (QWidget*)page_->stateView()},
        {tr("Attractors"), (QWidget*)page_->attractorView()},
        {tr("Distances"), (QWidget*)page_->distanceView()},
        {tr("Trajectories"), (QWidget*)page_->trajectoryView()},
        {tr("Training loss"), training_->lossChart()},
        {tr("Training accuracy"), training_->accuracyChart()}};
    for (auto& e : analysis_->exportTargets()) t.push_back(e);
    return t;
}

void SdeLab::setDark(bool dark) {
    page_->setDark(dark);
    training_->setDark(dark);
    input_->setDark(dark);
    analysis_->setDark(dark);
}

void SdeLab::resetToDefaults() {
    const QStringList shipped = shippedModels();
    if (shipped.isEmpty() || !loadModel(shipped.first()).isEmpty())
        adoptModel(std::make_shared<const as::sde::SdeModel>(as::sde::SdeParams{}), kUntrained,
                   false, {});
    input_->setCorruption(as::data::Corruption::Clean, 1);
    input_->showDigit(0);
    analysis_->robustnessTable()->showMeasured();
}

}  // namespace as::gui
