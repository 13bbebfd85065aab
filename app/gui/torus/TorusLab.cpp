#include "app/gui/torus/TorusLab.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "app/gui/framework/HaltBanner.h"
#include "app/gui/framework/RecordControl.h"
#include "app/gui/framework/RunFeedback.h"
#include "app/gui/torus/GridCellsPage.h"
#include "app/gui/torus/HeadDirectionPage.h"
#include "app/gui/torus/TorusController.h"
#include "cann/Hd2dSession.h"
#include "cann/TorusSession.h"
#include "core/Angles.h"
#include "core/ParamAccess.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/ThemedIcons.h"
#include "widgets/torus/PointCloudView.h"
#include "widgets/torus/SliceHeatmap.h"

namespace as::gui {

TorusLab::TorusLab(QUndoStack* undo, QWidget* parent)
    : Lab(QStringLiteral("torus"), tr("Torus"), parent, /*playWhenFirstShown=*/true),
      controller_(std::make_unique<TorusController>(
          std::make_unique<as::TorusSimulation>(as::TorusParams{}, as::TrajectoryParams{}),
          std::make_unique<as::Hd2dSimulation>(as::Hd2dSimulation::defaultParams(),
                                               as::Hd2dSimulation::defaultHeading()))),
      undo_(undo ? undo : new QUndoStack(this)) {
    bindPlayer(controller_.get());
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
    statusLabel()->setObjectName("torusStatus");

    connect(pages_, &QTabWidget::currentChanged, this, [this](int i) {
        controller_->setMode(i == 0 ? TorusController::Mode::Grid3d
                                    : TorusController::Mode::HeadDirection);
        dockPages_->setCurrentIndex(i);
        trajectoryCombo_->setCurrentIndex(
            int(i == 0 ? controller_->trajectory().kind : controller_->heading().kind));
    });
    showRunFeedback(this, controller_.get(), playAction_, banner_, [this] { syncForms(); });
    frameTimer_ = new QTimer(this);
    frameTimer_->setInterval(kFrameIntervalMs);
    connect(frameTimer_, &QTimer::timeout, this, &TorusLab::frame);
    frameTimer_->start();
    fpsClock_.start();
}

TorusLab::~TorusLab() = default;

QWidget* TorusLab::buildGridPage() {
    gridPage_ = new GridCellsPage;
    // A click on the x-y slice moves the input to the nearest position with that phase (keeps z).
    connect(gridPage_, &GridCellsPage::phaseClicked, this, [this](double phx, double phy) {
        auto s = controller_->torus();
        if (!s) return;
        const auto& p = s->params;
        auto nearest = [&](double pos, double phase, double spacing) {
            const double k = std::round((pos - spacing * phase / (2 * kPi)) / spacing);
            return spacing * (k + phase / (2 * kPi));
        };
        controller_->setPosition(nearest(s->truePosition[0], phx, p.spacing[0]),
                                 nearest(s->truePosition[1], phy, p.spacing[1]),
                                 s->truePosition[2]);
    });
    return gridPage_;
}

QWidget* TorusLab::buildHeadPage() {
    headPage_ = new HeadDirectionPage;
    connect(
        headPage_, &HeadDirectionPage::headingClicked, this,
        [this](double azimuth, double pitch) { controller_->setPosition(azimuth, pitch, 0.0); });
    return headPage_;
}

void TorusLab::buildToolBar() {
    auto* tb = addToolBar(tr("Simulation"));
    tb->setObjectName("torusToolBar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    playAction_ = addRunActions(tb, controller_.get(), Qt::WidgetWithChildrenShortcut,
                                tr("t = 0, u = 0, back to the origin, recordings cleared"));
    tb->addSeparator();
    tb->addWidget(new QLabel(tr(" Steps per frame: ")));
    stepsSpin_ = new QSpinBox;
    stepsSpin_->setRange(1, 1000);
    stepsSpin_->setValue(kDefaultStepsPerFrame);
    stepsSpin_->setToolTip(tr("Simulation steps between two redraws"));
    connect(stepsSpin_, &QSpinBox::valueChanged, this,
            [this](int n) { controller_->setStepsPerFrame(n); });
    tb->addWidget(stepsSpin_);
    tb->addWidget(new QLabel(tr("  Input: ")));
    trajectoryCombo_ = new QComboBox;
    trajectoryCombo_->setObjectName("trajectoryCombo");
    for (const auto& n : as::trajectoryNames())
        trajectoryCombo_->addItem(QString::fromStdString(n));
    trajectoryCombo_->setToolTip(
        tr("What moves the input: off, static, random walk, helix, or steered with "
           "the arrow keys (PgUp/PgDn for z)"));
    connect(trajectoryCombo_, &QComboBox::activated, this, [this](int i) {
        requestEdit(page() == 0 ? kTrajectoryForm : kHeadingForm, "trajectory", double(i));
    });
    tb->addWidget(trajectoryCombo_);
    tb->addSeparator();
    // Record: MP4, GIF or PNG frames of the page on screen (framework/RecordControl).
    record_ = new RecordControl(this, "torusRecord", "bump");
    connect(record_, &RecordControl::message, this, &TorusLab::statusMessage);
    connect(record_, &RecordControl::finished, this, &TorusLab::recordingFinished);
    tb->addWidget(record_->button());
}

bool TorusLab::startRecording(const QString& path, int maxFrames) {
    return record_->start(path, maxFrames);
}
void TorusLab::stopRecording() {
    record_->stop();
}
int TorusLab::recordedFrames() const {
    return record_->frames();
}
bool TorusLab::isRecording() const {
    return record_->isRecording();
}

int TorusLab::page() const {
    return pages_->currentIndex();
}
widgets::SliceHeatmap* TorusLab::slice(int i) const {
    return gridPage_->slice(i);
}
widgets::PointCloudView* TorusLab::torusView() const {
    return gridPage_->torusView();
}
void TorusLab::showPage(int page) {
    pages_->setCurrentIndex(page);
}
bool TorusLab::setStepsPerFrame(int n) {
    stepsSpin_->setValue(n);
    return true;
}
QString TorusLab::statsLine() const {
    if (page() == 0) {
        auto s = controller_->torus();
        if (!s) return {};
        return QString("stats: torus %1^%2 t=%3 ms steps/s=%4 frames/s=%5")
            .arg(s->params.n)
            .arg(s->params.dims)
            .arg(s->t, 0, 'f', 1)
            .arg(s->stepsPerSecond, 0, 'f', 0)
            .arg(fps_, 0, 'f', 1);
    }
    auto h = controller_->hd2d();
    if (!h) return {};
    return QString("stats: hd2d n=%1 t=%2 ms steps/s=%3 frames/s=%4")
        .arg(h->n)
        .arg(h->t, 0, 'f', 1)
        .arg(h->stepsPerSecond, 0, 'f', 0)
        .arg(fps_, 0, 'f', 1);
}

void TorusLab::frame() {
    // The shown page's newest snapshot, drawn (and recorded) once.
    quint64 serial = 0;
    bool drawn = false;
    if (page() == 0) {
        auto s = controller_->torus(&serial);
        if ((drawn = s && serial != lastSerial_)) {
            lastSerial_ = serial;
            drawTorus(*s);
        }
    } else {
        auto h = controller_->hd2d(&serial);
        if ((drawn = h && serial != lastHdSerial_)) {
            lastHdSerial_ = serial;
            drawHead(*h);
        }
    }
    if (drawn) {
        ++frames_;
        if (isRecording()) record_->addFrame(pages_->currentWidget()->grab().toImage());
    }
    const qint64 ms = fpsClock_.elapsed();
    if (ms >= 1000) {
        fps_ = frames_ * 1000.0 / double(ms);
        frames_ = 0;
        fpsClock_.restart();
    }
}

void TorusLab::drawTorus(const as::TorusSnapshot& s) {
    gridPage_->draw(s, ++chartPhase_ % 2 == 0);
    const int n = s.params.n, D = s.params.dims;
    statusLabel()->setText(
        tr("t = %1 ms   %2^%3 neurons   error %4 cm (mean %5)   %6 steps/s   %7 frames/s")
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
    statusLabel()->setText(tr("t = %1 ms   heading (%2, %3) rad   %4 steps/s   %5 frames/s")
                               .arg(s.t, 0, 'f', 1)
                               .arg(s.azimuth, 0, 'f', 3)
                               .arg(s.pitch, 0, 'f', 3)
                               .arg(s.stepsPerSecond, 0, 'f', 0)
                               .arg(fps_, 0, 'f', 0));
}

// Arrow keys steer: x (Left/Right), y (Down/Up), z (PgDn/PgUp) at the trajectory's speed; the
// input switches to "external" on the first key.
namespace {
/// The axis (0 x, 1 y, 2 z; -1 for any other key) and the direction a steering key moves along.
std::pair<int, int> steeringKey(int key) {
    switch (key) {
        case Qt::Key_Left:
            return {0, -1};
        case Qt::Key_Right:
            return {0, 1};
        case Qt::Key_Down:
            return {1, -1};
        case Qt::Key_Up:
            return {1, 1};
        case Qt::Key_PageDown:
            return {2, -1};
        case Qt::Key_PageUp:
            return {2, 1};
        default:
            return {-1, 0};
    }
}
}  // namespace

void TorusLab::keyPressEvent(QKeyEvent* e) {
    if (e->isAutoRepeat()) return;
    const auto [axis, direction] = steeringKey(e->key());
    if (axis < 0) return Lab::keyPressEvent(e);
    keys_[std::size_t(axis)] = direction;
    const bool grid = page() == 0;
    const auto kind = grid ? controller_->trajectory().kind : controller_->heading().kind;
    if (kind != as::TrajectoryKind::External)
        requestEdit(grid ? kTrajectoryForm : kHeadingForm, "trajectory",
                    double(int(as::TrajectoryKind::External)));
    steer();
}

void TorusLab::keyReleaseEvent(QKeyEvent* e) {
    if (e->isAutoRepeat()) return;
    const int axis = steeringKey(e->key()).first;
    if (axis < 0) return Lab::keyReleaseEvent(e);
    keys_[std::size_t(axis)] = 0;
    steer();
}

void TorusLab::steer() {
    const double v = page() == 0 ? std::max(0.01, controller_->trajectory().speed)
                                 : std::max(0.001, controller_->heading().speed);
    controller_->setSteering(keys_[0] * v, keys_[1] * v, keys_[2] * v);
}

std::vector<std::pair<QString, QWidget*>> TorusLab::exportTargets() {
    std::vector<std::pair<QString, QWidget*>> t = {{tr("Whole lab"), centralWidget()}};
    for (const auto& v : gridPage_->exportTargets()) t.push_back(v);
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
    gridPage_->setDark(dark);
    headPage_->setDark(dark);
}

void TorusLab::writeSession(hid_t root) {
    const QString error =
        controller_->inspect([root](const as::TorusSimulation& t, const as::Hd2dSimulation& h) {
            as::writeTorusGroup(root, t);
            as::writeHd2dGroup(root, h);
        });
    if (!error.isEmpty()) throw std::runtime_error(error.toStdString());
}

std::function<void()> TorusLab::prepareLoad(hid_t root) {
    // Both groups are read and validated before anything is swapped in. Either may be missing
    // (`attractor-cli hd2d --out` writes /hd2d alone): that page starts from its defaults.
    const bool hasTorus = as::h5::hasChild(root, "torus");
    auto sim = std::make_shared<std::unique_ptr<as::TorusSimulation>>(
        hasTorus
            ? as::readTorusGroup(root)
            : std::make_unique<as::TorusSimulation>(as::TorusParams{}, as::TrajectoryParams{}));
    auto hd = std::make_shared<std::unique_ptr<as::Hd2dSimulation>>(
        as::h5::hasChild(root, "hd2d")
            ? as::readHd2dGroup(root)
            : std::make_unique<as::Hd2dSimulation>(as::Hd2dSimulation::defaultParams(),
                                                   as::Hd2dSimulation::defaultHeading()));
    return [this, sim, hd, hasTorus] {
        controller_->replaceTorus(std::move(*sim));
        controller_->replaceHd2d(std::move(*hd));
        undo_->clear();  // the edits were made to the simulations just replaced
        syncForms();
        if (!hasTorus) showPage(1);
    };
}

void TorusLab::resetToDefaults() {
    controller_->pause();
    controller_->replaceTorus(
        std::make_unique<as::TorusSimulation>(as::TorusParams{}, as::TrajectoryParams{}));
    controller_->replaceHd2d(std::make_unique<as::Hd2dSimulation>(
        as::Hd2dSimulation::defaultParams(), as::Hd2dSimulation::defaultHeading()));
    undo_->clear();
    syncForms();
}

void TorusLab::onActiveChanged(bool active) {
    active ? frameTimer_->start() : frameTimer_->stop();
}

}  // namespace as::gui
