#include "labs/TorusLab.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFile>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <cmath>
#include <stdexcept>

#include "ParameterForm.h"
#include "PointCloudView.h"
#include "SliceHeatmap.h"
#include "TraceChart.h"
#include "controllers/TorusController.h"
#include "core/ParamAccess.h"
#include "io/Hd2dSession.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"
#include "io/TorusSession.h"
#include "labs/HaltBanner.h"
#include "labs/HeadDirectionPage.h"

namespace as::gui {
namespace {

constexpr double kPi = 3.14159265358979323846;
enum FormIndex { kTorusForm = 0, kTrajectoryForm = 1, kHd2dForm = 2, kHeadingForm = 3 };

template <class P>
QMap<QString, double> valuesOf(const P& p) {
    QMap<QString, double> m;
    for (const auto& s : P::specs()) m.insert(QString::fromStdString(s.key), p.get(s.key));
    return m;
}

std::vector<as::ParamSpec> hd2dSpecs() {
    std::vector<as::ParamSpec> out;
    for (const auto& s : as::TorusParams::specs())
        if (s.key != "dims" && s.key.rfind("spacing_", 0) != 0) out.push_back(s);
    return out;
}

/// The trajectory's specs for the heading: the same keys with angles instead of lengths.
std::vector<as::ParamSpec> headingSpecs() {
    std::vector<as::ParamSpec> out = as::TrajectoryParams::specs();
    for (auto& s : out) {
        if (s.unit == "cm/ms") s.unit = "rad/ms";
        if (s.unit == "cm") s.unit = "rad";
        const auto swap = [&](const std::string& from, const std::string& to) {
            for (std::size_t at; (at = s.tooltip.find(from)) != std::string::npos;) s.tooltip.replace(at, from.size(), to);
        };
        swap("cm/ms", "rad/ms");
        swap("(cm)", "(rad)");
    }
    return out;
}

QWidget* titled(const QString& title, QWidget* w) {
    auto* box = new QWidget;
    auto* lay = new QVBoxLayout(box);
    lay->setContentsMargins(2, 2, 2, 2);
    auto* label = new QLabel("<b>" + title + "</b>");
    lay->addWidget(label);
    lay->addWidget(w);
    return box;
}

}  // namespace

as::TorusParams TorusLab::defaultTorusParams() { return as::TorusParams{}; }
as::TrajectoryParams TorusLab::defaultTrajectory() { return as::TrajectoryParams{}; }
as::TorusParams TorusLab::defaultHd2dParams() {
    as::TorusParams p;
    p.dims = 2;
    p.n = 64;
    return p;
}
as::TrajectoryParams TorusLab::defaultHeading() {
    as::TrajectoryParams h;
    h.speed = 0.005;  // rad/ms
    h.radius = 1.0;
    h.rise = 0.0;
    return h;
}

TorusLab::TorusLab(QWidget* parent)
    : Lab(parent),
      controller_(std::make_unique<TorusController>(
          std::make_unique<as::TorusSimulation>(defaultTorusParams(), defaultTrajectory()),
          std::make_unique<as::Hd2dSimulation>(defaultHd2dParams(), defaultHeading()))) {
    setWindowFlags(Qt::Widget);
    setObjectName("torusLab");
    setFocusPolicy(Qt::StrongFocus);
    banner_ = new HaltBanner;
    pages_ = new QTabWidget;
    pages_->setObjectName("torusPages");
    pages_->addTab(buildGridPage(), tr("3D grid cells"));
    pages_->addTab(buildHeadPage(), tr("2D head direction"));
    auto* central = new QWidget;
    auto* lay = new QVBoxLayout(central);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(banner_);
    lay->addWidget(pages_, 1);
    setCentralWidget(central);
    buildToolBar();
    buildDock();
    syncForms();
    status_ = new QLabel;
    status_->setObjectName("torusStatus");

    connect(pages_, &QTabWidget::currentChanged, this, [this](int i) {
        controller_->setMode(i == 0 ? TorusController::Mode::Grid3d : TorusController::Mode::HeadDirection);
        dockPages_->setCurrentIndex(i);
        trajectoryCombo_->setCurrentIndex(int(i == 0 ? controller_->trajectory().kind : controller_->heading().kind));
    });
    connect(controller_.get(), &TorusController::playingChanged, this, [this](bool on) {
        playAction_->setText(on ? tr("Pause") : tr("Play"));
        playAction_->setIcon(style()->standardIcon(on ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        playAction_->setChecked(on);
        if (on) banner_->hide();
    });
    connect(controller_.get(), &TorusController::halted, this, [this](const QString& m) {
        banner_->showMessage(m);
        emit statusMessage(tr("Simulation stopped: %1").arg(m), 0);
    });
    connect(controller_.get(), &TorusController::rejected, this, [this](const QString& m) {
        emit statusMessage(tr("Refused: %1").arg(m), 8000);
        syncForms();
    });
    frameTimer_ = new QTimer(this);
    frameTimer_->setInterval(kFrameIntervalMs);
    connect(frameTimer_, &QTimer::timeout, this, &TorusLab::frame);
    frameTimer_->start();
    fpsClock_.start();
}

TorusLab::~TorusLab() = default;

QWidget* TorusLab::buildGridPage() {
    cloud_ = new widgets::PointCloudView(tr("Torus activity (neurons above 20% of the peak)"));
    cloud_->setObjectName("torusCloud");
    path3d_ = new widgets::PointCloudView(tr("3D path: true (orange) vs decoded (blue)"));
    path3d_->setObjectName("torusPath3d");
    static const char* names[3][3] = {{"x-y slice (z at bump)", "x", "y"},
                                      {"x-z slice (y at bump)", "x", "z"},
                                      {"y-z slice (x at bump)", "y", "z"}};
    auto* sliceRow = new QWidget;
    auto* sl = new QGridLayout(sliceRow);
    sl->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 3; ++i) {
        auto* h = new widgets::SliceHeatmap(tr(names[i][0]), tr(names[i][1]), tr(names[i][2]));
        h->setObjectName(QString("torusSlice%1").arg(i));
        slices_.push_back(h);
        sl->addWidget(h, 0, i);
    }
    // A click on the x-y slice moves the input there (keeps z).
    connect(slices_[0], &widgets::SliceHeatmap::clicked, this, [this](double row, double col) {
        auto s = controller_->torus();
        if (!s) return;
        const auto& p = s->params;
        const double phx = -kPi + 2 * kPi * row, phy = -kPi + 2 * kPi * col;
        // Nearest position with that phase: keep the current period.
        auto nearest = [&](double pos, double phase, double spacing) {
            const double k = std::round((pos - spacing * phase / (2 * kPi)) / spacing);
            return spacing * (k + phase / (2 * kPi));
        };
        controller_->setPosition(nearest(s->truePosition[0], phx, p.spacing[0]),
                                 nearest(s->truePosition[1], phy, p.spacing[1]), s->truePosition[2]);
    });
    pathChart_ = new widgets::TraceChart(tr("Path, x-y projection"), tr("x (cm)"), tr("y (cm)"));
    pathChart_->setObjectName("torusPathChart");
    pathChart_->addSeries(tr("true"), QColor(230, 97, 1), 4.0);
    pathChart_->addSeries(tr("decoded"), QColor(59, 130, 200));
    errorChart_ = new widgets::TraceChart(tr("Decode error"), tr("time t (ms)"), tr("|estimate - true| (cm)"));
    errorChart_->setObjectName("torusErrorChart");
    errorChart_->addSeries(tr("error"), QColor(200, 30, 90));

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(cloud_);
    top->addWidget(path3d_);
    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(pathChart_);
    charts->addWidget(errorChart_);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(sliceRow);
    split->addWidget(charts);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 3);
    return split;
}

QWidget* TorusLab::buildHeadPage() {
    headPage_ = new HeadDirectionPage;
    connect(headPage_, &HeadDirectionPage::headingClicked, this,
            [this](double azimuth, double pitch) { controller_->setPosition(azimuth, pitch, 0.0); });
    return headPage_;
}

void TorusLab::buildToolBar() {
    auto* tb = addToolBar(tr("Simulation"));
    tb->setObjectName("torusToolBar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    playAction_ = tb->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    playAction_->setCheckable(true);
    playAction_->setShortcut(Qt::Key_Space);
    playAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    playAction_->setToolTip(tr("Play / pause the simulation (Space)"));
    connect(playAction_, &QAction::triggered, this, [this] { controller_->togglePlay(); });
    auto* step = tb->addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    step->setToolTip(tr("Advance one time step dt"));
    connect(step, &QAction::triggered, this, [this] { controller_->stepOnce(); });
    auto* reset = tb->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"));
    reset->setToolTip(tr("t = 0, u = 0, back to the origin, recordings cleared"));
    connect(reset, &QAction::triggered, this, [this] { controller_->reset(); });
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Steps per frame: ")));
    stepsSpin_ = new QSpinBox;
    stepsSpin_->setRange(1, 1000);
    stepsSpin_->setValue(kDefaultStepsPerFrame);
    stepsSpin_->setToolTip(tr("Simulation steps between two redraws"));
    connect(stepsSpin_, &QSpinBox::valueChanged, this, [this](int n) { controller_->setStepsPerFrame(n); });
    tb->addWidget(stepsSpin_);
    tb->addWidget(new QLabel(tr("  Input: ")));
    trajectoryCombo_ = new QComboBox;
    trajectoryCombo_->setObjectName("trajectoryCombo");
    for (const auto& n : as::trajectoryNames()) trajectoryCombo_->addItem(QString::fromStdString(n));
    trajectoryCombo_->setToolTip(tr("What moves the input: off, static, random walk, helix, or steered with "
                                    "the arrow keys (PgUp/PgDn for z)"));
    connect(trajectoryCombo_, &QComboBox::activated, this, [this](int i) {
        const int form = page() == 0 ? kTrajectoryForm : kHeadingForm;
        const double old = page() == 0 ? double(int(controller_->trajectory().kind)) : double(int(controller_->heading().kind));
        edit(form, "trajectory", old, double(i));
    });
    tb->addWidget(trajectoryCombo_);
    tb->addSeparator();
    recordAction_ = tb->addAction(tr("Record frames"));
    recordAction_->setCheckable(true);
    recordAction_->setToolTip(tr("Save every redraw of this page as a numbered PNG (at most 250 frames, 10 s) "
                                 "into a folder you choose; e.g. ffmpeg -i frame_%05d.png -r 25 out.mp4"));
    connect(recordAction_, &QAction::triggered, this, [this](bool on) {
        if (!on) {
            stopRecording();
            return;
        }
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the animation frames"));
        if (dir.isEmpty() || !startRecording(dir)) recordAction_->setChecked(false);
    });
}

bool TorusLab::startRecording(const QString& dir, int maxFrames) {
    QDir d(dir);
    if (!d.exists() && !QDir().mkpath(dir)) return false;
    recordDir_ = dir;
    recorded_ = 0;
    recordMax_ = std::max(1, maxFrames);
    if (recordAction_) recordAction_->setChecked(true);
    emit statusMessage(tr("Recording frames into %1").arg(dir), 4000);
    return true;
}

void TorusLab::stopRecording() {
    if (recordDir_.isEmpty()) return;
    emit statusMessage(tr("Recorded %1 frames into %2").arg(recorded_).arg(recordDir_), 8000);
    recordDir_.clear();
    if (recordAction_) recordAction_->setChecked(false);
}

void TorusLab::recordFrame() {
    const QString file = QDir(recordDir_).filePath(QString("frame_%1.png").arg(recorded_ + 1, 5, 10, QChar('0')));
    if (!pages_->currentWidget()->grab().save(file, "PNG")) {
        emit statusMessage(tr("Could not write %1; recording stopped").arg(file), 0);
        stopRecording();
        return;
    }
    if (++recorded_ >= recordMax_) stopRecording();
}

void TorusLab::buildDock() {
    forms_ = {new widgets::ParameterForm(as::TorusParams::specs()), new widgets::ParameterForm(as::TrajectoryParams::specs()),
              new widgets::ParameterForm(hd2dSpecs()), new widgets::ParameterForm(headingSpecs())};
    static const char* titles[4] = {"Torus CANN", "Trajectory (cm, ms)", "Rings and sheet", "Heading (rad, ms)"};
    dockPages_ = new QStackedWidget;
    for (int page = 0; page < 2; ++page) {
        auto* w = new QWidget;
        auto* lay = new QVBoxLayout(w);
        for (int f = 2 * page; f < 2 * page + 2; ++f) {
            lay->addWidget(titled(tr(titles[f]), forms_[std::size_t(f)]));
            connect(forms_[std::size_t(f)], &widgets::ParameterForm::edited, this,
                    [this, f](const QString& key, double o, double n) { edit(f, key, o, n); });
        }
        lay->addStretch(1);
        auto* scroll = new QScrollArea;
        scroll->setWidget(w);
        scroll->setWidgetResizable(true);
        dockPages_->addWidget(scroll);
    }
    auto* dock = new QDockWidget(tr("Parameters"), this);
    dock->setObjectName("torusParameters");
    dock->setWidget(dockPages_);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

void TorusLab::syncForms() {
    forms_[kTorusForm]->setValues(valuesOf(controller_->torusParams()));
    forms_[kTrajectoryForm]->setValues(valuesOf(controller_->trajectory()));
    forms_[kHd2dForm]->setValues(valuesOf(controller_->hd2dParams()));
    forms_[kHeadingForm]->setValues(valuesOf(controller_->heading()));
    for (auto* f : forms_) f->showError({});
    trajectoryCombo_->setCurrentIndex(
        int(page() == 0 ? controller_->trajectory().kind : controller_->heading().kind));
}

// Validates an edit on a copy of the intended parameters; refused values stay in the form's error.
void TorusLab::edit(int form, const QString& key, double oldValue, double newValue) {
    const std::string k = key.toStdString();
    widgets::ParameterForm* f = forms_[std::size_t(form)];
    try {
        if (form == kTorusForm || form == kHd2dForm) {
            as::TorusParams p = form == kTorusForm ? controller_->torusParams() : controller_->hd2dParams();
            p.set(k, newValue);
            if (form == kTorusForm) {
                p.check();
                controller_->setTorusParams(p);
            } else {
                as::Hd2dSimulation::checkParams(p);
                controller_->setHd2dParams(p);
            }
        } else {
            as::TrajectoryParams t = form == kTrajectoryForm ? controller_->trajectory() : controller_->heading();
            t.set(k, newValue);
            t.check();
            if (form == kTrajectoryForm)
                controller_->setTrajectory(t);
            else
                controller_->setHeading(t);
        }
        syncForms();
    } catch (const as::ParamError& e) {
        f->setValue(key, oldValue);
        f->showError(QString::fromUtf8(e.what()));
    }
}

int TorusLab::page() const { return pages_->currentIndex(); }
void TorusLab::showPage(int page) { pages_->setCurrentIndex(page); }
void TorusLab::setStepsPerFrame(int n) { stepsSpin_->setValue(n); }
QWidget* TorusLab::statusWidget() const { return status_; }

QString TorusLab::statsLine() const {
    if (page() == 0) {
        auto s = controller_->torus();
        if (!s) return {};
        return QString("stats: torus %1^%2 t=%3 ms steps/s=%4 frames/s=%5")
            .arg(s->params.n).arg(s->params.dims).arg(s->t, 0, 'f', 1).arg(s->stepsPerSecond, 0, 'f', 0).arg(fps_, 0, 'f', 1);
    }
    auto h = controller_->hd2d();
    if (!h) return {};
    return QString("stats: hd2d n=%1 t=%2 ms steps/s=%3 frames/s=%4")
        .arg(h->n).arg(h->t, 0, 'f', 1).arg(h->stepsPerSecond, 0, 'f', 0).arg(fps_, 0, 'f', 1);
}

void TorusLab::frame() {
    if (page() == 0) {
        quint64 serial = 0;
        auto s = controller_->torus(&serial);
        if (s && serial != lastSerial_) {
            lastSerial_ = serial;
            drawTorus(*s);
            ++frames_;
            if (isRecording()) recordFrame();
        }
    } else {
        auto h = controller_->hd2d();
        if (h && h.get() != lastHd_) {
            lastHd_ = h.get();
            drawHead(*h);
            ++frames_;
            if (isRecording()) recordFrame();
        }
    }
    const qint64 ms = fpsClock_.elapsed();
    if (ms >= 1000) {
        fps_ = frames_ * 1000.0 / double(ms);
        frames_ = 0;
        fpsClock_.restart();
    }
}

void TorusLab::drawTorus(const as::TorusSnapshot& s) {
    const int n = s.params.n, D = s.params.dims;
    const float vmax = s.rMax > 0 ? s.rMax : 1.0f;
    // 3D points above 20% of the peak (D < 3: the sheet or ring lies in the z = 0 plane).
    std::vector<widgets::PointCloudView::Point> pts;
    const auto coord = [n](int i) { return float(2.0 * (i + 0.5) / n - 1.0); };
    const float threshold = 0.2f * vmax;
    for (std::size_t idx = 0; idx < s.r.size(); ++idx) {
        if (s.r[idx] < threshold) continue;
        int c[3] = {0, 0, 0};
        std::size_t rest = idx;
        for (int d = D - 1; d >= 0; --d) {
            c[d] = int(rest % std::size_t(n));
            rest /= std::size_t(n);
        }
        pts.push_back({coord(c[0]), D > 1 ? coord(c[1]) : 0.0f, D > 2 ? coord(c[2]) : 0.0f, s.r[idx] / vmax});
    }
    cloud_->setPoints(std::move(pts));
    if (D == 3) {
        slices_[0]->setData(s.sliceXY, n, n, vmax);
        slices_[1]->setData(s.sliceXZ, n, n, vmax);
        slices_[2]->setData(s.sliceYZ, n, n, vmax);
        slices_[0]->setMarker(s.centre[0], s.centre[1]);
        slices_[1]->setMarker(s.centre[0], s.centre[2]);
        slices_[2]->setMarker(s.centre[1], s.centre[2]);
    } else if (D == 2) {
        slices_[0]->setData(s.sliceXY, n, n, vmax);
        slices_[0]->setMarker(s.centre[0], s.centre[1]);
    } else {
        slices_[0]->setData(s.sliceXY, 1, n, vmax);
    }
    const auto frac = [](double phase) { return (phase + kPi) / (2 * kPi); };
    slices_[0]->setTarget(frac(s.stimulusPhase[0]), frac(s.stimulusPhase[1]));
    // 3D path view, fitted to the path's bounding box.
    double lo[3], hi[3];
    for (int d = 0; d < 3; ++d) {
        lo[d] = 1e300;
        hi[d] = -1e300;
        for (double v : s.pathTrue[std::size_t(d)]) lo[d] = std::min(lo[d], v), hi[d] = std::max(hi[d], v);
    }
    double span = 1e-9;
    for (int d = 0; d < 3; ++d) span = std::max(span, hi[d] - lo[d]);
    std::vector<widgets::PointCloudView::Polyline> lines(2);
    lines[0].colour = QColor(230, 97, 1);
    lines[0].width = 4.0;  // under the estimate: visible where they part
    lines[1].colour = QColor(59, 130, 200);
    lines[1].width = 1.2;
    for (std::size_t i = 0; i < s.pathT.size(); ++i) {
        auto norm = [&](int d, double v) {
            if (!std::isfinite(v)) return 0.0f;
            return float(2.0 * (v - 0.5 * (lo[d] + hi[d])) / span);
        };
        lines[0].points.push_back({norm(0, s.pathTrue[0][i]), norm(1, s.pathTrue[1][i]), norm(2, s.pathTrue[2][i]), 0});
        lines[1].points.push_back(
            {norm(0, s.pathEstimate[0][i]), norm(1, s.pathEstimate[1][i]), norm(2, s.pathEstimate[2][i]), 0});
    }
    path3d_->setPolylines(std::move(lines));
    if (++chartPhase_ % 2 == 0) {  // charts (the costliest views) at half the frame rate
        pathChart_->setSeriesData(0, s.pathTrue[0], s.pathTrue[1]);
        pathChart_->setSeriesData(1, s.pathEstimate[0], s.pathEstimate[1]);
        errorChart_->setSeriesData(0, s.pathT, s.pathError);
    }
    status_->setText(tr("t = %1 ms   %2^%3 neurons   error %4 cm (mean %5)   %6 steps/s   %7 frames/s")
                         .arg(s.t, 0, 'f', 1)
                         .arg(n)
                         .arg(D)
                         .arg(s.error, 0, 'f', 3)
                         .arg(s.meanError, 0, 'f', 3)
                         .arg(s.stepsPerSecond, 0, 'f', 0)
                         .arg(fps_, 0, 'f', 0));
}

void TorusLab::drawHead(const as::Hd2dSnapshot& s) {
    headPage_->draw(s, ++chartPhase_ % 2 == 0);
    status_->setText(tr("t = %1 ms   heading (%2, %3) rad   %4 steps/s   %5 frames/s")
                         .arg(s.t, 0, 'f', 1)
                         .arg(s.azimuth, 0, 'f', 3)
                         .arg(s.pitch, 0, 'f', 3)
                         .arg(s.stepsPerSecond, 0, 'f', 0)
                         .arg(fps_, 0, 'f', 0));
}

// Arrow keys steer: x (Left/Right), y (Down/Up), z (PgDn/PgUp) at the trajectory's speed; the
// input switches to "external" on the first key.
void TorusLab::keyPressEvent(QKeyEvent* e) {
    if (e->isAutoRepeat()) return;
    switch (e->key()) {
        case Qt::Key_Left: keyX_ = -1; break;
        case Qt::Key_Right: keyX_ = 1; break;
        case Qt::Key_Down: keyY_ = -1; break;
        case Qt::Key_Up: keyY_ = 1; break;
        case Qt::Key_PageDown: keyZ_ = -1; break;
        case Qt::Key_PageUp: keyZ_ = 1; break;
        default: Lab::keyPressEvent(e); return;
    }
    const bool grid = page() == 0;
    const auto kind = grid ? controller_->trajectory().kind : controller_->heading().kind;
    if (kind != as::TrajectoryKind::External)
        edit(grid ? kTrajectoryForm : kHeadingForm, "trajectory", double(int(kind)), double(int(as::TrajectoryKind::External)));
    steer();
}

void TorusLab::keyReleaseEvent(QKeyEvent* e) {
    if (e->isAutoRepeat()) return;
    switch (e->key()) {
        case Qt::Key_Left: case Qt::Key_Right: keyX_ = 0; break;
        case Qt::Key_Down: case Qt::Key_Up: keyY_ = 0; break;
        case Qt::Key_PageDown: case Qt::Key_PageUp: keyZ_ = 0; break;
        default: Lab::keyReleaseEvent(e); return;
    }
    steer();
}

void TorusLab::steer() {
    const double v = page() == 0 ? std::max(0.01, controller_->trajectory().speed) : std::max(0.001, controller_->heading().speed);
    controller_->setSteering(keyX_ * v, keyY_ * v, keyZ_ * v);
}

std::vector<std::pair<QString, QWidget*>> TorusLab::exportTargets() {
    std::vector<std::pair<QString, QWidget*>> t = {
        {tr("Whole lab"), centralWidget()}, {tr("Torus activity 3D"), cloud_}, {tr("3D path"), path3d_},
        {tr("x-y slice"), slices_[0]},      {tr("x-z slice"), slices_[1]},     {tr("y-z slice"), slices_[2]},
        {tr("Path chart"), pathChart_},     {tr("Error chart"), errorChart_}};
    for (const auto& v : headPage_->exportTargets()) t.push_back(v);
    return t;
}

QString TorusLab::exportCsv(const QString& path) {
    const std::string file = QFile::encodeName(path).toStdString();
    const bool grid = page() == 0;
    return controller_->inspect([&](const as::TorusSimulation& t, const as::Hd2dSimulation& h) {
        as::exportTracesCsv(file, grid ? t.traces() : h.traces());
    });
}

void TorusLab::setDark(bool dark) {
    for (auto* s : slices_) s->setDark(dark);
    for (auto* v : {cloud_, path3d_}) v->setDark(dark);
    for (auto* c : {pathChart_, errorChart_}) c->setDark(dark);
    headPage_->setDark(dark);
}

void TorusLab::writeSession(hid_t root) {
    const QString error = controller_->inspect(
        [root](const as::TorusSimulation& t, const as::Hd2dSimulation& h) {
            as::writeTorusGroup(root, t);
            as::writeHd2dGroup(root, h);
        });
    if (!error.isEmpty()) throw std::runtime_error(error.toStdString());
}

std::function<void()> TorusLab::prepareLoad(hid_t root) {
    // Both groups are read and validated before anything is swapped in; /hd2d is optional.
    auto sim = std::make_shared<std::unique_ptr<as::TorusSimulation>>(as::readTorusGroup(root));
    auto hd = std::make_shared<std::unique_ptr<as::Hd2dSimulation>>(
        as::h5::hasChild(root, "hd2d") ? as::readHd2dGroup(root)
                                       : std::make_unique<as::Hd2dSimulation>(defaultHd2dParams(), defaultHeading()));
    return [this, sim, hd] {
        controller_->replaceTorus(std::move(*sim));
        controller_->replaceHd2d(std::move(*hd));
        syncForms();
    };
}

void TorusLab::resetToDefaults() {
    controller_->pause();
    controller_->replaceTorus(std::make_unique<as::TorusSimulation>(defaultTorusParams(), defaultTrajectory()));
    controller_->replaceHd2d(std::make_unique<as::Hd2dSimulation>(defaultHd2dParams(), defaultHeading()));
    syncForms();
}

void TorusLab::setActive(bool active) {
    if (!active) {
        if (everShown_) resumeWhenShown_ = controller_->isPlaying();
        controller_->pause();
        frameTimer_->stop();
    } else {
        everShown_ = true;
        frameTimer_->start();
        if (resumeWhenShown_) {
            resumeWhenShown_ = false;
            controller_->play();
        }
    }
}

}  // namespace as::gui
