#pragma once
// The Generator lab's Train page: digits (0–2 or all), d, eps, T, the eq 21 loss weights, epochs,
// batch, learning rate and training images in a form whose edits are undo steps
// (ParameterBinding); Start / Cancel; progress with the time left; the loss curves per term.
// A finished (or cancelled) run becomes the lab's model; Save / Load go through the lab.
#include <functional>
#include <memory>

#include "app/gui/framework/JobButtons.h"
#include "app/gui/generator/GeneratorPage.h"
#include "generator/GeneratorModelFile.h"
#include "generator/GeneratorTrainSettings.h"

class QLabel;
class QTimer;
class QUndoStack;

namespace as::widgets {
class ParameterForm;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class GeneratorTrainingController;
class ParameterBinding;

class TrainPage : public GeneratorPage {
    Q_OBJECT
  public:
    using Get = std::function<as::generator::GeneratorTrainSettings()>;
    using Set = std::function<void(const as::generator::GeneratorTrainSettings&)>;
    TrainPage(GeneratorController* controller, QUndoStack* undo, Get get, Set set,
              QWidget* parent = nullptr);
    ~TrainPage() override;

    bool start();
    void cancel();
    bool isRunning() const;
    ParameterBinding* binding() const { return binding_; }
    GeneratorTrainingController* training() const { return training_.get(); }
    widgets::TraceChart* lossChart() const { return chart_; }
    /// Shows the settings (after a session or a reset).
    void sync();
    /// Shows the loss curves a model was trained with (its file's training/ record), unless a run
    /// is going.
    void showCurves(const as::generator::LossCurves& curves, const QString& caption);
    void setDark(bool dark) override;

  signals:
    void modelTrained(std::shared_ptr<const as::generator::GeneratorModel> model,
                      const as::generator::GeneratorTrainingMeta& meta, const QString& summary);
    void saveRequested();
    void loadRequested();

  private:
    void poll();
    void plot(const std::vector<double>& it, const std::vector<double>* const terms[4]);

    std::unique_ptr<GeneratorTrainingController> training_;
    Get get_;
    widgets::ParameterForm* form_;
    ParameterBinding* binding_;
    widgets::TraceChart* chart_;
    QLabel* message_;
    JobButtons* job_;
    QTimer* timer_;
};

}  // namespace as::gui
