#include "app/gui/ring/RingLab.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <stdexcept>

#include "app/gui/framework/HaltBanner.h"
#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/framework/RunFeedback.h"
#include "app/gui/ring/RingController.h"
#include "cann/RingSession.h"
#include "widgets/common/ActivityHeatmap.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/ThemedIcons.h"
#include "widgets/common/TraceChart.h"
#include "widgets/common/VerticalScrollArea.h"
#include "widgets/ring/RingView.h"

namespace as::gui {
RingLab::RingLab(QUndoStack* undo, QWidget* parent)
    : RingLab(std::make_unique<as::RingSimulation>(as::CannParams{}, as::StimulusParams{}), undo,
              parent) {}

RingLab::RingLab(std::unique_ptr<as::RingSimulation> sim, QUndoStack* undo, QWidget* parent)
    : Lab(QStringLiteral("ring"), tr("Ring"), parent),
      controller_(std::make_unique<RingController>(std::move(sim))),
      undo_(undo) {
    bindPlayer(controller_.get());
    setWindowFlags(Qt::Widget);
    setObjectName("ringLab");
    buildViews();
    buildToolBar();
    buildDock();
    syncForms();

    showRunFeedback(this, controller_.get(), playAction_, banner_, [this] { syncForms(); });

    frameTimer_ = new QTimer(this);
    frameTimer_->setInterval(kFrameIntervalMs);
    connect(frameTimer_, &QTimer::timeout, this, &RingLab::frame);
    frameTimer_->start();
    fpsClock_.start();
}

RingLab::~RingLab() = default;

void RingLab::buildViews() {
    ring_ = new widgets::RingView;
    ring_->setObjectName("ringView");
    heatmap_ = new widgets::ActivityHeatmap;
    heatmap_->setObjectName("activityHeatmap");
    posChart_ = new widgets::TraceChart(tr("Position (unwrapped): stimulus vs decoded"),
                                        tr("time t (ms)"), tr("z (rad)"));
    posChart_->addSeries(tr("stimulus z"), QColor(33, 145, 140));
    posChart_->addSeries(tr("decoded"), QColor(200, 30, 90));
    confChart_ =
        new widgets::TraceChart(tr("Decoding confidence"), tr("time t (ms)"), tr("C (0\u20131)"));
    confChart_->addSeries(tr("confidence"), QColor(59, 130, 200));
    confChart_->setFixedYRange(0, 1.05);
    heightChart_ = new widgets::TraceChart(tr("Bump height"), tr("time t (ms)"), tr("max r"));
    heightChart_->addSeries(tr("bump height max r"), QColor(230, 97, 1));
    posChart_->setObjectName("positionChart");
    confChart_->setObjectName("confidenceChart");
    heightChart_->setObjectName("heightChart");

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(confChart_);
    bottom->addWidget(heightChart_);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(heatmap_);
    right->addWidget(posChart_);
    right->addWidget(bottom);
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 3);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(ring_);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({560, 480});

    banner_ = new HaltBanner;
    auto* central = new QWidget;
    auto* lay = new QVBoxLayout(central);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(banner_);
    lay->addWidget(split, 1);
    setCentralWidget(central);

    connect(ring_, &widgets::RingView::stimulusDragged, this, &RingLab::onDrag);
}

void RingLab::buildToolBar() {
    auto* tb = addToolBar(tr("Simulation"));
    tb->setObjectName("ringToolBar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    playAction_ = addRunActions(tb, controller_.get(), Qt::WindowShortcut,
                                tr("t = 0, u = 0, recordings cleared, protocol restarted"));
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Steps per frame: ")));
    stepsSpin_ = new QSpinBox;
    stepsSpin_->setRange(1, 5000);
    stepsSpin_->setValue(controller_->stepsPerFrame());
    stepsSpin_->setToolTip(tr("Simulation steps taken per worker tick (about 60 ticks a second)"));
    connect(stepsSpin_, &QSpinBox::valueChanged, this,
            [this](int n) { controller_->setStepsPerFrame(n); });
    tb->addWidget(stepsSpin_);
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Protocol: ")));
    protocolCombo_ = new QComboBox;
    for (const auto& n : as::protocolNames()) protocolCombo_->addItem(QString::fromStdString(n));
    protocolCombo_->setToolTip(
        tr("What drives the stimulus; switching restarts the protocol clock"));
    connect(protocolCombo_, &QComboBox::activated, this, [this](int i) {
        requestEdit("stimulus", "protocol", double(int(controller_->stimulus().protocol)), i);
    });
    tb->addWidget(protocolCombo_);
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Traces: ")));
    auto* window = new QComboBox;
    window->setObjectName("traceWindow");
    for (const auto& [label, ms] :
         std::vector<std::pair<QString, double>>{{tr("last 0.5 s"), 500.0},
                                                 {tr("last 2 s"), 2000.0},
                                                 {tr("last 10 s"), 10000.0},
                                                 {tr("whole run"), 0.0}})
        window->addItem(label, ms);
    window->setCurrentIndex(1);
    window->setToolTip(tr("How much simulated time the trace charts show"));
    connect(window, &QComboBox::activated, this,
            [this, window](int i) { controller_->setTraceWindow(window->itemData(i).toDouble()); });
    tb->addWidget(window);

    statusLabel()->setObjectName("ringStatus");
    statusLabel()->setMinimumWidth(360);
}

void RingLab::buildDock() {
    cannForm_ = new widgets::ParameterForm(as::CannParams::specs());
    stimForm_ = new widgets::ParameterForm(as::StimulusParams::specs());
    cannForm_->setObjectName("cannForm");
    stimForm_->setObjectName("stimulusForm");
    cann_ = new ParameterBinding(
        "cann",
        ParameterBinding::of<as::CannParams>([this] { return controller_->params(); },
                                             [this](const auto& p) { controller_->setParams(p); }),
        cannForm_, undo_, this);
    stim_ = new ParameterBinding("stimulus",
                                 ParameterBinding::of<as::StimulusParams>(
                                     [this] { return controller_->stimulus(); },
                                     [this](const auto& s) { controller_->setStimulus(s); }),
                                 stimForm_, undo_, this);
    for (auto* b : {cann_, stim_}) {
        connect(b, &ParameterBinding::refused, this, [this](const QString& rule) {
            syncForms();
            emit statusMessage(tr("Refused: %1").arg(rule), 8000);
        });
        connect(b, &ParameterBinding::applied, this, [this] { syncForms(); });
    }
    kcLabel_ = new QLabel;
    kcLabel_->setWordWrap(true);
    kcLabel_->setContentsMargins(8, 0, 8, 4);

    auto* cannBox = new QGroupBox(tr("CANN"));
    auto* cl = new QVBoxLayout(cannBox);
    cl->setContentsMargins(2, 2, 2, 2);
    cl->addWidget(cannForm_);
    cl->addWidget(kcLabel_);
    auto* stimBox = new QGroupBox(tr("Stimulus and protocol"));
    auto* sl = new QVBoxLayout(stimBox);
    sl->setContentsMargins(2, 2, 2, 2);
    sl->addWidget(stimForm_);

    auto* inner = new QWidget;
    auto* lay = new QVBoxLayout(inner);
    lay->addWidget(cannBox);
    lay->addWidget(stimBox);
    lay->addStretch(1);
    auto* scroll = new as::widgets::VerticalScrollArea(inner);  // never cuts the fields
    auto* dock = new QDockWidget(tr("Parameters"));
    dock->setObjectName("parametersDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

std::vector<std::pair<QString, QWidget*>> RingLab::exportTargets() {
    return {{tr("Whole lab"), centralWidget()},   {tr("Ring view"), ring_},
            {tr("Activity heatmap"), heatmap_},   {tr("Position chart"), posChart_},
            {tr("Confidence chart"), confChart_}, {tr("Bump height chart"), heightChart_}};
}

bool RingLab::requestEdit(const QString& group, const QString& key, double oldValue,
                          double newValue) {
    (void)oldValue;  // the running value is the old one
    return (group == "cann" ? cann_ : stim_)->edit(key, newValue);
}

QString RingLab::applySetting(const QString& section, const QString& key, const QString& value) {
    (void)section;
    for (auto* b : {cann_, stim_})
        if (b->has(key)) return b->applySetting(key, value, labId());
    return unknownParameter(key, labId(), cann_->keys() + stim_->keys());
}

void RingLab::syncForms() {
    cann_->sync();
    stim_->sync();
    protocolCombo_->setCurrentIndex(int(controller_->stimulus().protocol));
    updateKc();
}

void RingLab::updateKc() {
    const as::CannParams p = controller_->params();
    kcLabel_->setText(
        tr("Critical inhibition k<sub>c</sub> = %1: a bump exists for 0 &lt; k &lt; k<sub>c</sub>. "
           "Analytic bump height r<sub>0</sub> = %2.")
            .arg(p.kCritical(), 0, 'f', 2)
            .arg(p.k < p.kCritical() ? QString::number(p.analyticR0(), 'g', 4) : "\u2014"));
}

void RingLab::onDrag(double z) {
    if (controller_->stimulus().protocol != as::Protocol::External) {
        requestEdit("stimulus", "protocol", double(int(controller_->stimulus().protocol)),
                    double(int(as::Protocol::External)));
        controller_->setExternalTarget(z);  // at once, so the first frame already follows
        pendingTarget_.reset();
        return;
    }
    pendingTarget_ = z;  // sent on the next frame: one target per frame, not per mouse event
}

void RingLab::frame() {
    if (pendingTarget_) {
        controller_->setExternalTarget(*pendingTarget_);
        pendingTarget_.reset();
    }
    quint64 serial = 0;
    auto s = controller_->latest(&serial);
    if (s && serial != lastSerial_) {
        lastSerial_ = serial;
        ring_->setSnapshot(s);
        heatmap_->setSnapshot(s);
        // The charts are the costliest views: refresh them every other frame (<= 25 Hz).
        if (++chartPhase_ % 2 == 0 || !controller_->isPlaying()) {
            posChart_->setSeriesData(0, s->traceT, s->traceStimulus);
            posChart_->setSeriesData(1, s->traceT, s->traceDecoded);
            confChart_->setSeriesData(0, s->traceT, s->traceConfidence);
            heightChart_->setSeriesData(0, s->traceT, s->traceHeight);
        }
        ++frames_;
    }
    const qint64 ms = fpsClock_.elapsed();
    if (ms >= 500) {
        fps_ = frames_ * 1000.0 / double(ms);
        frames_ = 0;
        fpsClock_.restart();
        if (s)
            statusLabel()->setText(tr("t = %1 ms   |   %2 steps/s   |   %3 frames/s   |   N = %4")
                                       .arg(s->t, 0, 'f', 1)
                                       .arg(s->stepsPerSecond, 0, 'f', 0)
                                       .arg(fps_, 0, 'f', 1)
                                       .arg(s->params.N));
    }
}

void RingLab::loadSimulation(std::unique_ptr<as::RingSimulation> sim) {
    controller_->replaceSimulation(std::move(sim));
    undo_->clear();
    banner_->hide();
    cannForm_->showError({});
    stimForm_->showError({});
    syncForms();
}

bool RingLab::setStepsPerFrame(int n) {
    stepsSpin_->setValue(n);
    controller_->setStepsPerFrame(n);
    return true;
}

QString RingLab::statsLine() const {
    auto s = controller_->latest();
    if (!s) return {};
    return QString("stats: N=%1 t=%2 ms steps/s=%3 frames/s=%4")
        .arg(s->params.N)
        .arg(s->t, 0, 'f', 1)
        .arg(s->stepsPerSecond, 0, 'f', 0)
        .arg(fps_, 0, 'f', 1);
}

QString RingLab::exportCsv(const QString& path) {
    return controller_->exportCsv(path);
}

void RingLab::writeSession(hid_t root) {
    const QString error = controller_->inspect(
        [root](const as::RingSimulation& sim) { as::writeRingGroup(root, sim); });
    if (!error.isEmpty()) throw std::runtime_error(error.toStdString());
}

std::function<void()> RingLab::prepareLoad(hid_t root) {
    // Read and validate now (a new simulation; the running one is untouched), swap in later.
    // (std::function needs a copyable closure: the new simulation travels in a shared holder.)
    auto sim = std::make_shared<std::unique_ptr<as::RingSimulation>>(as::readRingGroup(root));
    return [this, sim] { loadSimulation(std::move(*sim)); };
}

void RingLab::resetToDefaults() {
    loadSimulation(std::make_unique<as::RingSimulation>(as::CannParams{}, as::StimulusParams{}));
}

void RingLab::setDark(bool dark) {
    for (auto* c : {posChart_, confChart_, heightChart_}) c->setDark(dark);
    banner_->setStyleSheet(banner_->styleSheet());
}

}  // namespace as::gui
