#pragma once
// The SDE lab's Training tab: which digits and how many images, epochs, batch, learning rate,
// eps, train G, alpha, seed; Start / Cancel; a progress bar with the time left; loss and
// validation-accuracy curves. The trained model is handed to the lab (modelTrained). Without
// MNIST the panel shows where it looked and how to fetch it, and Start stays disabled.
#include <QWidget>
#include <memory>

#include "app/gui/framework/JobButtons.h"
#include "sde/SdeModelFile.h"
#include "sde/SdeParams.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace as::widgets {
class ParameterForm;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class SdeTrainingController;

class SdeTrainingPanel : public QWidget {
    Q_OBJECT
  public:
    explicit SdeTrainingPanel(QWidget* parent = nullptr);
    ~SdeTrainingPanel() override;

    /// The lab's current parameters (the trained model gets them, with this panel's eps / G).
    void setBaseParams(const as::sde::SdeParams& p) { base_ = p; }
    /// The lab's current model, used as the starting point when "continue" is ticked.
    void setCurrentModel(std::shared_ptr<const as::sde::SdeModel> m) { current_ = std::move(m); }
    bool mnistAvailable() const { return !mnistDir_.isEmpty(); }
    QString mnistMessage() const;
    bool isRunning() const;
    /// Starts training with the form's values (as the Start button does); false if refused.
    bool start();
    void cancel();
    void setDark(bool dark);
    /// Small settings for tests and demos.
    void setSizes(int digits, int trainCount, int validationCount, int epochs, int batch);
    QWidget* lossChart() const;
    QWidget* accuracyChart() const;
    QString statusText() const;

  signals:
    void modelTrained(std::shared_ptr<const as::sde::SdeModel> model,
                      const as::sde::TrainingMeta& meta, const QString& summary);
    void statusMessage(const QString& text, int timeoutMs);

  private:
    void refresh();

    std::unique_ptr<SdeTrainingController> controller_;
    as::sde::SdeParams base_;
    std::shared_ptr<const as::sde::SdeModel> current_;
    QString mnistDir_;
    as::widgets::ParameterForm* form_ = nullptr;
    as::widgets::TraceChart* loss_ = nullptr;
    as::widgets::TraceChart* accuracy_ = nullptr;
    QSpinBox* digits_ = nullptr;
    QSpinBox* trainCount_ = nullptr;
    QDoubleSpinBox* eps_ = nullptr;
    QCheckBox* continue_ = nullptr;
    JobButtons* job_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* missing_ = nullptr;
};

}  // namespace as::gui
