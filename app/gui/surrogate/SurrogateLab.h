#pragma once
// The Surrogate lab tab (CAN2ANN): the same input drives the CANN ODE and the trained surrogate
// side by side, for the case of the loaded model (ring; hd2d: two rings, azimuth and pitch;
// grid3d: the 3D torus, three phases). Charts of both decoded angles per axis and their errors, the
// two transition diagrams (the ODE's activity; the activity implied by the surrogate's decode
// components), running MSE, cost per input step and speed-up; a Training dock (dataset size,
// architecture and hyper-parameters, start/cancel, progress with time left, loss curves, save/load
// model).
#include <array>
#include <memory>

#include "app/gui/framework/Lab.h"

class QAction;
class QComboBox;
class QDial;
class QLabel;
class QUndoStack;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace as::widgets {
class ActivityHeatmap;
class ParameterForm;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class SurrogateController;

class SurrogateLab : public Lab {
    Q_OBJECT
  public:
    /// Loads the shipped ring model (resources/models/ring_gru.h5) if it is there.
    /// `undo` is accepted for the common lab signature; the lab has no undoable edits yet.
    explicit SurrogateLab(QUndoStack* undo = nullptr, QWidget* parent = nullptr);
    ~SurrogateLab() override;

    SurrogateController* controller() const { return controller_.get(); }
    QAction* playAction() const { return playAction_; }
    /// The shipped ring model's path (may not exist).
    static QString defaultModelPath();
    /// The shipped model of a case: ring, hd2d or grid3d (resources/models/<case>_gru.h5).
    static QString modelPathForCase(const QString& caseName);
    /// Loads the shipped model of a case (what the Case box does).
    void showCase(const QString& caseName);
    QComboBox* caseCombo() const { return caseCombo_; }
    QComboBox* sourceCombo() const { return sourceCombo_; }
    QString modelPath() const { return modelPath_; }  ///< the running model's file (sessions)
    /// Steps of the side-by-side run and model state shown by the last frame.
    long shownSteps() const { return shownSteps_; }
    bool hasModel() const { return hasModel_; }
    QLabel* statsLabel() const { return stats_; }

    /// The Lab interface; Help → Guided Tour shows the two models side by side, the inputs, the
    /// cases and training.
    AS_LAB_INTERFACE;
    /// `--set case=ring|hd2d|grid3d`: runs that case's shipped model.
    QString applySetting(const QString& section, const QString& key, const QString& value) override;

    /// Loads a model file into the running comparison. A file that does not load (damaged,
    /// foreign) leaves the running model and shows a dialog naming the file and what failed.
    void loadModel(const QString& path);

  private:
    void buildViews();
    void buildToolBar();
    void buildDock();
    void frame();
    void showAxes(const std::vector<std::string>& names);

    std::unique_ptr<SurrogateController> controller_;
    std::array<widgets::TraceChart*, 3> angleCharts_{};  ///< one per decoded angle
    widgets::TraceChart* errorChart_ = nullptr;
    widgets::TraceChart* lossChart_ = nullptr;
    widgets::ActivityHeatmap* odeHeat_ = nullptr;
    widgets::ActivityHeatmap* surHeat_ = nullptr;
    widgets::ParameterForm* trainForm_ = nullptr;
    QLabel* stats_ = nullptr;
    QLabel* odeHeatTitle_ = nullptr;
    QLabel* surHeatTitle_ = nullptr;
    QLabel* modelInfo_ = nullptr;
    QLabel* trainStatus_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QSpinBox* sequencesSpin_ = nullptr;
    QComboBox* sourceCombo_ = nullptr;
    QComboBox* caseCombo_ = nullptr;
    std::vector<std::string> shownAxes_;
    QDial* dial_ = nullptr;
    QAction* playAction_ = nullptr;
    QTimer* frameTimer_ = nullptr;
    QString modelPath_;  ///< the running model's file (written to sessions)
    bool hasModel_ = false;
    long shownSteps_ = 0;
};

}  // namespace as::gui
