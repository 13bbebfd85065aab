#include "labs/RingLab.h"

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

#include "ActivityHeatmap.h"
#include "ParameterForm.h"
#include "RingView.h"
#include "TraceChart.h"
#include "commands/ParameterEditCommand.h"
#include "controllers/RingController.h"
#include "core/ParamAccess.h"
#include "io/RingSession.h"
#include "labs/HaltBanner.h"

namespace as::gui {
namespace {

QMap<QString, double> valuesOf(const std::vector<as::ParamSpec>& specs, auto&& get) {
    QMap<QString, double> m;
    for (const auto& s : specs) m.insert(QString::fromStdString(s.key), get(s.key));
    return m;
}

}  // namespace

RingLab::RingLab(std::unique_ptr<as::RingSimulation> sim, QUndoStack* undo, QWidget* parent)
    : Lab(parent), controller_(std::make_unique<RingController>(std::move(sim))), undo_(undo) {
    setWindowFlags(Qt::Widget);
    setObjectName("ringLab");
    buildViews();
    buildToolBar();
    buildDock();
    syncForms();

    connect(controller_.get(), &RingController::playingChanged, this, [this](bool on) {
        playAction_->setText(on ? tr("Pause") : tr("Play"));
        playAction_->setIcon(
            style()->standardIcon(on ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        playAction_->setChecked(on);
        if (on) banner_->hide();
    });
    connect(controller_.get(), &RingController::halted, this, [this](const QString& m) {
        banner_->showMessage(m);
        emit statusMessage(tr("Simulation stopped: %1").arg(m), 0);
    });
    connect(controller_.get(), &RingController::rejected, this, [this](const QString& m) {
        emit statusMessage(tr("Refused: %1").arg(m), 8000);
        syncForms();
    });

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
                                        tr("time t (ms)"), tr("position (rad)"));
    posChart_->addSeries(tr("stimulus z"), QColor(33, 145, 140));
    posChart_->addSeries(tr("decoded"), QColor(200, 30, 90));
    confChart_ = new widgets::TraceChart(tr("Decoding confidence"), tr("time t (ms)"),
                                         tr("confidence C (0\u20131)"));
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
    playAction_ = tb->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    playAction_->setCheckable(true);
    playAction_->setShortcut(Qt::Key_Space);
    playAction_->setShortcutContext(Qt::WindowShortcut);
    playAction_->setToolTip(tr("Play / pause the simulation (Space)"));
    connect(playAction_, &QAction::triggered, this, [this] { controller_->togglePlay(); });
    auto* step = tb->addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    step->setToolTip(tr("Advance one time step dt"));
    connect(step, &QAction::triggered, this, [this] { controller_->stepOnce(); });
    auto* reset = tb->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"));
    reset->setToolTip(tr("t = 0, u = 0, recordings cleared, protocol restarted"));
    connect(reset, &QAction::triggered, this, [this] { controller_->reset(); });
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

    status_ = new QLabel;
    status_->setObjectName("ringStatus");
    status_->setMinimumWidth(360);
}

void RingLab::buildDock() {
    cannForm_ = new widgets::ParameterForm(as::CannParams::specs());
    stimForm_ = new widgets::ParameterForm(as::StimulusParams::specs());
    cannForm_->setObjectName("cannForm");
    stimForm_->setObjectName("stimulusForm");
    connect(cannForm_, &widgets::ParameterForm::edited, this,
            [this](const QString& k, double o, double n) { requestEdit("cann", k, o, n); });
    connect(stimForm_, &widgets::ParameterForm::edited, this,
            [this](const QString& k, double o, double n) { requestEdit("stimulus", k, o, n); });
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
    auto* scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* dock = new QDockWidget(tr("Parameters"));
    dock->setObjectName("parametersDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(scroll);
    dock->setMinimumWidth(330);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

QWidget* RingLab::statusWidget() const {
    return status_;
}

std::vector<std::pair<QString, QWidget*>> RingLab::exportTargets() {
    return {{tr("Whole lab"), centralWidget()},   {tr("Ring view"), ring_},
            {tr("Activity heatmap"), heatmap_},   {tr("Position chart"), posChart_},
            {tr("Confidence chart"), confChart_}, {tr("Bump height chart"), heightChart_}};
}

bool RingLab::requestEdit(const QString& group, const QString& key, double oldValue,
                          double newValue) {
    widgets::ParameterForm* form = group == "cann" ? cannForm_ : stimForm_;
    const std::string k = key.toStdString();
    try {
        if (group == "cann") {
            as::CannParams p = controller_->params();
            p.set(k, newValue);
            p.check();
        } else {
            as::StimulusParams s = controller_->stimulus();
            s.set(k, newValue);
            s.check();
        }
    } catch (const std::exception& e) {
        form->setValue(key, oldValue);
        form->showError(QString::fromUtf8(e.what()));
        syncForms();
        emit statusMessage(tr("Refused: %1").arg(QString::fromUtf8(e.what())), 8000);
        return false;
    }
    form->showError({});
    const auto* spec =
        as::findSpec(group == "cann" ? as::CannParams::specs() : as::StimulusParams::specs(), k);
    const QString label = spec ? QString::fromStdString(spec->label) : key;
    undo_->push(new ParameterEditCommand(
        [this](const QString& g, const QString& k2, double v) { apply(g, k2, v); }, group, key,
        oldValue, newValue, label));
    return true;
}

QString RingLab::applySetting(const QString& section, const QString& key, const QString& value) {
    (void)section;
    const std::string k = key.toStdString();
    const bool cann = as::findSpec(as::CannParams::specs(), k) != nullptr;
    if (!cann && !as::findSpec(as::StimulusParams::specs(), k)) {
        QStringList known = cannForm_->keys() + stimForm_->keys();
        return tr("unknown parameter '%1' for lab 'ring' (known: %2)").arg(key, known.join(", "));
    }
    try {
        const double v = cann ? as::CannParams::parse(k, value.toStdString())
                              : as::StimulusParams::parse(k, value.toStdString());
        const double old = cann ? controller_->params().get(k) : controller_->stimulus().get(k);
        // The rule in words (the form's error line is hidden before the window is shown).
        if (cann) {
            as::CannParams p = controller_->params();
            p.set(k, v);
            p.check();
        } else {
            as::StimulusParams s = controller_->stimulus();
            s.set(k, v);
            s.check();
        }
        requestEdit(cann ? "cann" : "stimulus", key, old, v);
    } catch (const std::exception& e) {
        return tr("--set %1=%2 refused by lab 'ring': %3")
            .arg(key, value, QString::fromUtf8(e.what()));
    }
    return {};
}

void RingLab::apply(const QString& group, const QString& key, double value) {
    const std::string k = key.toStdString();
    try {
        if (group == "cann") {
            as::CannParams p = controller_->params();
            p.set(k, value);
            p.check();
            controller_->setParams(p);
            cannForm_->showError({});
        } else {
            as::StimulusParams s = controller_->stimulus();
            s.set(k, value);
            s.check();
            controller_->setStimulus(s);
            stimForm_->showError({});
        }
    } catch (const std::exception& e) {
        (group == "cann" ? cannForm_ : stimForm_)->showError(QString::fromUtf8(e.what()));
    }
    syncForms();
}

void RingLab::syncForms() {
    const as::CannParams p = controller_->params();
    const as::StimulusParams s = controller_->stimulus();
    cannForm_->setValues(
        valuesOf(as::CannParams::specs(), [&](const std::string& k) { return p.get(k); }));
    stimForm_->setValues(
        valuesOf(as::StimulusParams::specs(), [&](const std::string& k) { return s.get(k); }));
    protocolCombo_->setCurrentIndex(int(s.protocol));
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
            status_->setText(tr("t = %1 ms   |   %2 steps/s   |   %3 frames/s   |   N = %4")
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

void RingLab::setStepsPerFrame(int n) {
    stepsSpin_->setValue(n);
    controller_->setStepsPerFrame(n);
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

void RingLab::setActive(bool active) {
    resume_.setActive(active, *controller_);
}

void RingLab::setValue(const QString& group, const QString& key, double value) {
    const std::string k = key.toStdString();
    const double old =
        group == "cann" ? controller_->params().get(k) : controller_->stimulus().get(k);
    if (old != value) requestEdit(group, key, old, value);
}

std::vector<TourStep> RingLab::tourSteps() {
    const double protocolMoving = double(int(as::Protocol::Moving));
    auto restartWith = [this](as::Protocol p) {
        return [this, p] {
            setValue("stimulus", "protocol", double(int(p)));
            controller_->reset();
            controller_->play();
        };
    };
    return {
        {tr("A ring of neurons"),
         tr("Each of the N neurons prefers one direction on the ring. The orange shape is their "
            "firing "
            "rate r(x): a <b>bump</b> of activity, held in shape by excitation between neighbours "
            "and "
            "global inhibition."),
         [this, protocolMoving] {
             setValue("cann", "k", 8.1);
             setValue("stimulus", "protocol", protocolMoving);
             controller_->play();
         }},
        {tr("Tracking a moving stimulus"),
         tr("The teal dot is the stimulus, moving at v = 0.02 rad/ms. The bump follows with a "
            "small lag; "
            "the red diamond is where a population vector decodes it. The heatmap draws the bump "
            "over "
            "time as a diagonal band: the <i>bump transition diagram</i>."),
         {}},
        {tr("Drag it yourself"),
         tr("Drag the teal dot around the ring with the mouse. The protocol switches to "
            "<i>external</i> and the bump follows your hand."),
         {}},
        {tr("Memory without input"),
         tr("The stimulus is now switched off at t = 20 ms (the dot turns hollow). The bump stays "
            "where "
            "it was: a <b>continuous attractor</b> holds the last position with no input at all, "
            "like "
            "working memory."),
         restartWith(as::Protocol::Persistent)},
        {tr("A big jump"),
         tr("At t = 20 ms the stimulus jumps by \u03c0/2, three times the bump's width a. The old "
            "bump "
            "fades while a new one grows at the new place: the heatmap shows a break, and the bump "
            "height (max r) halves during the switch."),
         [this, restartWith] {
             setValue("stimulus", "dz", 1.5707963267948966);
             restartWith(as::Protocol::Jump)();
         }},
        {tr("A small jump slides"),
         tr("Now the jump is only 0.5 rad, about a. The bump <b>slides</b> along the ring to the "
            "new "
            "position, keeping its height: moving along the attractor costs nothing, so the "
            "network "
            "follows small changes smoothly."),
         [this, restartWith] {
             setValue("stimulus", "dz", 0.5);
             restartWith(as::Protocol::Jump)();
         }},
        {tr("Global inhibition and k<sub>c</sub>"),
         tr("Global inhibition k is raised from 8.1 to 100: the bump gets lower (compare the bump "
            "height "
            "chart with r<sub>0</sub> in the dock). Beyond k<sub>c</sub> = 130.03 no bump can "
            "exist, "
            "and the dock refuses such values."),
         [this] { setValue("cann", "k", 100.0); }},
        {tr("Your turn"),
         tr("Edit any parameter in the dock (Ctrl+Z undoes), save the session (Ctrl+S) and export "
            "a "
            "figure (Ctrl+E). The same runs work headless: <tt>attractor-cli ring --help</tt>."),
         [this, protocolMoving] {
             setValue("cann", "k", 8.1);
             setValue("stimulus", "dz", 1.5707963267948966);
             setValue("stimulus", "protocol", protocolMoving);
             controller_->play();
         }},
    };
}

void RingLab::setDark(bool dark) {
    for (auto* c : {posChart_, confChart_, heightChart_}) c->setDark(dark);
    banner_->setStyleSheet(banner_->styleSheet());
}

}  // namespace as::gui
