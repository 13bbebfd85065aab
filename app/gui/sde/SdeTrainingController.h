#pragma once
// Trains an SDE classifier in its own thread (BpttTrainer on MNIST digits 0..k-1) for the lab's
// Training tab. The GUI pulls status() when progressed() fires (at most ~10 Hz); cancel() flips
// the flag the trainer polls every iteration. A finished or cancelled run hands back its model
// (what finished is kept); a diverged one does not.
#include <QMutex>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/framework/JobThread.h"
#include "sde/SdeModelFile.h"
#include "sde/SdeParams.h"
#include "sde/TrainParams.h"

namespace as::gui {

struct SdeTrainingRequest {
    as::sde::SdeParams model;  ///< structure and dynamics of the model to train (eps, noise...)
    as::sde::TrainParams train;
    int digits = 10;        ///< train on the digits 0 .. digits-1 (<= model.classes)
    int trainCount = 2000;  ///< training images (the first ones of those digits)
    std::string mnistDir;   ///< where the IDX files are (findMnistDir())
    /// Start from these weights (same structure) instead of Atilde = 0; may be null.
    std::shared_ptr<const as::sde::SdeModel> start;
};

struct SdeTrainingStatus {
    bool running = false;
    double fraction = 0.0, secondsLeft = -1.0;
    QString message;
    std::vector<double> lossIterations, loss, batchAccuracy;  ///< every iteration
    std::vector<double> validationIterations, validation;     ///< each evaluation
};

class SdeTrainingController : public QObject {
    Q_OBJECT
  public:
    explicit SdeTrainingController(QObject* parent = nullptr);
    ~SdeTrainingController() override;

    /// Starts a run; false (and nothing happens) if one is running.
    bool start(const SdeTrainingRequest& request);
    void cancel() { cancel_.store(true); }
    bool isRunning() const;
    SdeTrainingStatus status() const;

  signals:
    void progressed();
    /// model is null when the run failed or diverged; summary says what happened.
    void finished(std::shared_ptr<const as::sde::SdeModel> model, const as::sde::TrainingMeta& meta,
                  const QString& summary);

  private:
    void run(SdeTrainingRequest request);

    mutable QMutex mutex_;
    SdeTrainingStatus status_;
    std::atomic<bool> cancel_{false};
    JobThread job_{this};
    std::shared_ptr<const as::sde::SdeModel> result_;
    as::sde::TrainingMeta resultMeta_;
    QString resultSummary_;
};

}  // namespace as::gui
