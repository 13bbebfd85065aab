#pragma once
// The Torus lab tab (seed 000 §4): two pages.
//  - "3D grid cells": a rotatable 3D point view of the torus activity (neurons above a threshold),
//    three orthogonal slice heatmaps through the bump centre, a 3D path view (true vs decoded) and
//    charts of the x-y path and the decode error.
//  - "2D head direction": the two decoupled rings, the coupled sheet as a heatmap, the sheet drawn
//    on a donut, and the two models' errors and step rates side by side.
// Toolbar (Play/Pause, Step, Reset, steps per frame, trajectory, Record), a Parameters dock built
// from the ParamSpecs whose edits (and the trajectory choice) are undo steps, arrow keys (and
// PgUp/PgDn for z) steer, a click on a heatmap moves the input.
// Views redraw from the controller's snapshots on a 33 ms timer (30 Hz), all with QPainter, so the
// lab runs offscreen and under software rendering.
#include <QElapsedTimer>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include "app/gui/framework/Lab.h"
#include "app/gui/framework/ResumeWhenShown.h"
#include "cann/Hd2dSimulation.h"
#include "cann/TorusSimulation.h"

class QAction;
class QComboBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace as::widgets {
class ParameterForm;
class PointCloudView;
class SliceHeatmap;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class RecordControl;

class HaltBanner;
class GridCellsPage;
class HeadDirectionPage;
class ParameterBinding;
class TorusController;

class TorusLab : public Lab {
    Q_OBJECT
  public:
    static constexpr int kFrameIntervalMs = 33;  // 30 Hz: the goal is >= 25 frames/s
    /// Steps per worker tick at start: about 2,500 steps/s at 32^3 (a few ms of work per 16 ms
    /// tick).
    static constexpr int kDefaultStepsPerFrame = 40;

    /// Edits are pushed onto `undo` (the main window's stack); without one the lab keeps its own.
    explicit TorusLab(QUndoStack* undo = nullptr, QWidget* parent = nullptr);
    ~TorusLab() override;

    TorusController* controller() const { return controller_.get(); }
    widgets::SliceHeatmap* slice(int i) const;
    widgets::PointCloudView* torusView() const;
    QAction* playAction() const { return playAction_; }
    QUndoStack* undoStack() const { return undo_; }
    /// The dock's forms: the torus model and trajectory (3D page), the rings and sheet model and
    /// the heading (2D page).
    enum Form { kTorusForm = 0, kTrajectoryForm = 1, kHd2dForm = 2, kHeadingForm = 3 };
    widgets::ParameterForm* form(int i) const { return forms_[std::size_t(i)]; }
    /// Validates an edit of form `form` (see form()) and applies it as one undo step; false (and
    /// the rule under the form) if it is refused.
    bool requestEdit(int form, const QString& key, double newValue);
    /// A startup `--set key=value` for section "torus" (3D page) or "hd2d" (2D page): "" or an
    /// error naming the key and the section.
    QString applySetting(const QString& section, const QString& key, const QString& value) override;
    /// "torus" shows the 3D page, "hd2d" the head-direction page.
    bool showSection(const QString& id) override;
    /// The Lab interface; Help → Guided Tour shows the 3D page, its trajectories and steering, then
    /// the 2D page.
    AS_LAB_INTERFACE;
    QStringList sessionGroups() const override { return {"torus", "hd2d"}; }
    /// 0: 3D grid cells, 1: 2D head direction.
    void showPage(int page);
    int page() const;
    double framesPerSecond() const { return fps_; }
    /// One line for --stats: lattice, simulated time, steps/s, frames/s.
    QString statsLine() const override;
    bool setStepsPerFrame(int n) override;
    /// Records the current page's redraws into `path`, up to maxFrames: .mp4 an H.264 video and
    /// .gif an animated GIF (each frame shown as long as it was on screen), else numbered PNG
    /// frames in that folder. Returns false (and a status message) if it cannot be written.
    bool startRecording(const QString& path, int maxFrames = 250) override;
    bool canRecord() const override { return true; }
    void stopRecording();
    int recordedFrames() const override;
    bool isRecording() const;

  protected:
    void onActiveChanged(bool active) override;
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;

  private:
    QWidget* buildGridPage();
    QWidget* buildHeadPage();
    void buildToolBar();
    void buildDock();
    void frame();
    void drawTorus(const as::TorusSnapshot& s);
    void drawHead(const as::Hd2dSnapshot& s);
    void syncForms();
    void steer();

    std::unique_ptr<TorusController> controller_;
    QUndoStack* undo_;
    QTabWidget* pages_ = nullptr;
    GridCellsPage* gridPage_ = nullptr;
    HeadDirectionPage* headPage_ = nullptr;
    std::vector<widgets::ParameterForm*> forms_;  // torus, trajectory, hd2d, heading
    std::vector<ParameterBinding*> bindings_;     // their edits as undo steps, in the same order
    QStackedWidget* dockPages_ = nullptr;
    HaltBanner* banner_ = nullptr;
    QAction* playAction_ = nullptr;
    QSpinBox* stepsSpin_ = nullptr;
    QComboBox* trajectoryCombo_ = nullptr;
    QTimer* frameTimer_ = nullptr;
    quint64 lastSerial_ = 0;
    quint64 lastHdSerial_ = 0;
    QElapsedTimer fpsClock_;
    int frames_ = 0;
    unsigned chartPhase_ = 0;
    double fps_ = 0;
    std::array<int, 3> keys_{};  // the steering keys held along x, y, z: -1, 0, +1
    RecordControl* record_ = nullptr;
};

}  // namespace as::gui
