#pragma once
// Trains a generator for the lab's Train page in its worker thread (WorkerThread<
// GeneratorTrainWorker>): MNIST digits 0–2 or all, GeneratorTrainer on eq 21, then the latent
// statistics (eq 22) and the test reconstruction error. The GUI pulls status() (progress, time
// left, the loss curves per term) on its own timer; cancel() flips the flag the trainer polls
// every iteration. A finished or cancelled run hands back its model; a diverged one does not.
#include <QMutex>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

#include "app/gui/framework/WorkerThread.h"
#include "generator/GeneratorModelFile.h"
#include "generator/GeneratorTrainSettings.h"

namespace as::gui {

struct GeneratorTrainingStatus {
    bool running = false;
    double fraction = 0.0, secondsLeft = -1.0, secondsPerIteration = 0.0;
    QString message;
    std::vector<double> iterations, total, conv, rec, centroid;  ///< every iteration
};

class GeneratorTrainWorker : public QObject {
    Q_OBJECT
};

class GeneratorTrainingController : public QObject {
    Q_OBJECT
  public:
    explicit GeneratorTrainingController(QObject* parent = nullptr);
    ~GeneratorTrainingController() override;

    /// Starts a run; false (and nothing happens) if one is running or the settings are refused.
    bool start(const as::generator::GeneratorTrainSettings& settings);
    void cancel() { cancel_.store(true); }
    bool isRunning() const;
    GeneratorTrainingStatus status() const;

  signals:
    /// model is null when the run failed or diverged; summary says what happened.
    void finished(std::shared_ptr<const as::generator::GeneratorModel> model,
                  const as::generator::GeneratorTrainingMeta& meta, const QString& summary);

  private:
    void run(const as::generator::GeneratorTrainSettings& s);

    mutable QMutex mutex_;
    GeneratorTrainingStatus status_;
    std::atomic<bool> cancel_{false};
    WorkerThread<GeneratorTrainWorker> thread_;
};

}  // namespace as::gui
