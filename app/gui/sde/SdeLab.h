#pragma once
// The SDE classifier lab (seed 002): plant C attractors, feed a digit (browsed, drawn or
// corrupted), step the stochastic dynamics and watch the state fall into a class: the state image,
// the attractors with the prediction framed, the distance bars, the pixel trajectories (Fig. 3-4).
// Toolbar Play / Pause / Step / Reset, speed, live eps and G; a parameter dock built from
// SdeParams::specs() with undo, and a model chooser (shipped models, Load…, Save…); tabs for
// Training (BPTT in its own thread) and Analysis (spectrum, Mahalanobis, robustness).
#include <memory>

#include "app/gui/framework/Lab.h"
#include "app/gui/framework/ResumeWhenShown.h"
#include "app/gui/sde/SdeParamCommand.h"
#include "sde/SdeModelFile.h"
#include "sde/SdeParams.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace as::widgets {
class ParameterForm;
}

namespace as::gui {

class ModelFileBox;
class ParameterBinding;
class SdeAnalysisPage;
class SdeController;
class SdeDynamicsPage;
class SdeInputPanel;
class SdeTrainingPanel;

class SdeLab : public Lab {
    Q_OBJECT
  public:
    /// Opens the first shipped model found (sde_eps0.h5, ...) or the untrained planted model.
    explicit SdeLab(QUndoStack* undo, QWidget* parent = nullptr);
    ~SdeLab() override;

    AS_LAB_INTERFACE;

    /// The shipped model files that exist (AS_RESOURCES_DIR/models/sde_*.h5).
    static QStringList shippedModels();
    SdeController* controller() const { return controller_.get(); }
    SdeInputPanel* inputPanel() const { return input_; }
    SdeDynamicsPage* dynamicsPage() const { return page_; }
    SdeTrainingPanel* trainingPanel() const { return training_; }
    SdeAnalysisPage* analysisPage() const { return analysis_; }
    const as::sde::SdeParams& params() const { return params_; }
    /// Loads a model file as the running model; returns "" or the error (also in the status bar).
    QString loadModel(const QString& path);
    QString saveModel(const QString& path);
    /// Validates and applies one parameter edit through the undo stack; false (and a message) if
    /// refused.
    bool requestEdit(const QString& key, double newValue);
    /// A startup `--set key=value` (an SdeParams key) as an edit (SdeLabSettings.cpp).
    QString applySetting(const QString& section, const QString& key, const QString& value) override;
    void showTab(int index);

  private:
    void buildToolBar();
    void buildDock();
    void frame();
    void sendInput();
    void applyParams(const as::sde::SdeParams& p, const SdeParamCommand::Before* before);
    void adoptModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name,
                    bool trained, const as::sde::TrainingMeta& meta);
    void syncControls();

    std::unique_ptr<SdeController> controller_;
    QUndoStack* undo_;
    as::sde::SdeParams params_;
    as::sde::TrainingMeta meta_;
    QString modelName_;
    bool modelTrained_ = false;
    std::shared_ptr<const as::sde::SdeModel> analysedModel_;
    quint64 lastSerial_ = ~0ull;

    QTabWidget* tabs_ = nullptr;
    SdeInputPanel* input_ = nullptr;
    SdeDynamicsPage* page_ = nullptr;
    SdeTrainingPanel* training_ = nullptr;
    SdeAnalysisPage* analysis_ = nullptr;
    as::widgets::ParameterForm* form_ = nullptr;
    ParameterBinding* binding_ = nullptr;  ///< form_'s edits as undo steps
    QAction* playAction_ = nullptr;
    QComboBox* speedCombo_ = nullptr;
    QComboBox* epsCombo_ = nullptr;
    QComboBox* noiseCombo_ = nullptr;
    QCheckBox* stopCheck_ = nullptr;
    ModelFileBox* modelBox_ = nullptr;
    QTimer* frameTimer_ = nullptr;
};

}  // namespace as::gui
