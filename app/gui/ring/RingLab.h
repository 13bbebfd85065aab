#pragma once
// The Ring lab tab: the ring view (big, left), the activity heatmap and three trace charts (right),
// a "Parameters" dock with the CANN and stimulus forms, and a toolbar (Play/Pause, Step, Reset,
// steps per frame, protocol). Views redraw from the controller's latest snapshot on a capped timer.
#include <QElapsedTimer>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "app/gui/framework/Lab.h"
#include "app/gui/framework/ResumeWhenShown.h"
#include "cann/RingSimulation.h"

class QAction;
class QComboBox;
class QLabel;
class QSpinBox;
class QTimer;
class QUndoStack;

namespace as::widgets {
class ActivityHeatmap;
class ParameterForm;
class RingView;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class HaltBanner;
class ParameterBinding;
class RingController;

class RingLab : public Lab {
    Q_OBJECT
  public:
    /// Redraw period of the views (ms): at most 50 frames per second.
    static constexpr int kFrameIntervalMs = 20;

    /// Edits are pushed onto `undo` (the main window's stack); without one the lab keeps its own.
    explicit RingLab(QUndoStack* undo = nullptr, QWidget* parent = nullptr);
    /// Starts from `sim` instead of the default network (tests, benchmarks).
    RingLab(std::unique_ptr<as::RingSimulation> sim, QUndoStack* undo, QWidget* parent = nullptr);
    ~RingLab() override;

    RingController* controller() const { return controller_.get(); }
    widgets::RingView* ringView() const { return ring_; }
    widgets::ActivityHeatmap* heatmap() const { return heatmap_; }
    widgets::ParameterForm* cannForm() const { return cannForm_; }
    widgets::ParameterForm* stimulusForm() const { return stimForm_; }
    QAction* playAction() const { return playAction_; }
    HaltBanner* banner() const { return banner_; }
    AS_LAB_INTERFACE;
    double framesPerSecond() const { return fps_; }

    /// Swaps in a new simulation (a loaded session or New); clears the undo history.
    void loadSimulation(std::unique_ptr<as::RingSimulation> sim);
    /// Validates and applies an edit as one undo step; false (and the form shows the rule) if
    /// the value is refused. group is "cann" or "stimulus".
    bool requestEdit(const QString& group, const QString& key, double oldValue, double newValue);
    /// Sets the toolbar's steps-per-frame spin box (and so the worker).
    bool setStepsPerFrame(int n) override;
    QString statsLine() const override;
    /// A startup `--set key=value` (CannParams or StimulusParams key) as an edit.
    QString applySetting(const QString& section, const QString& key, const QString& value) override;

  private:
    void buildViews();
    void buildToolBar();
    void buildDock();
    void frame();
    void syncForms();
    void onDrag(double z);
    void updateKc();
    /// Sets one parameter as an undoable edit (the guided tour's actions).
    void setValue(const QString& group, const QString& key, double value);

    std::unique_ptr<RingController> controller_;
    QUndoStack* undo_;
    widgets::RingView* ring_ = nullptr;
    widgets::ActivityHeatmap* heatmap_ = nullptr;
    widgets::TraceChart* posChart_ = nullptr;
    widgets::TraceChart* confChart_ = nullptr;
    widgets::TraceChart* heightChart_ = nullptr;
    widgets::ParameterForm* cannForm_ = nullptr;
    widgets::ParameterForm* stimForm_ = nullptr;
    ParameterBinding* cann_ = nullptr;  ///< the forms' edits as undo steps
    ParameterBinding* stim_ = nullptr;
    QLabel* kcLabel_ = nullptr;
    HaltBanner* banner_ = nullptr;
    QAction* playAction_ = nullptr;
    QSpinBox* stepsSpin_ = nullptr;
    QComboBox* protocolCombo_ = nullptr;
    QTimer* frameTimer_ = nullptr;
    quint64 lastSerial_ = 0;
    std::optional<double> pendingTarget_;
    QElapsedTimer fpsClock_;
    int frames_ = 0;
    unsigned chartPhase_ = 0;
    double fps_ = 0;
};

}  // namespace as::gui
