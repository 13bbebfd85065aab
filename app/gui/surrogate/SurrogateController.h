#pragma once
// Owns the Surrogate lab's worker thread. The GUI calls these methods; each is queued to the
// worker. Snapshots are pulled with latest(); cancelTraining() flips an atomic the trainer polls
// (the worker's event loop is busy while it trains).
#include <atomic>
#include <memory>

#include "app/gui/framework/WorkerThread.h"
#include "app/gui/surrogate/SurrogateSignals.h"
#include "surrogate/SurrogateSnapshot.h"
#include "surrogate/TrainParams.h"

namespace as::gui {

class SurrogateWorker;

class SurrogateController : public SurrogateSignals {
    Q_OBJECT
  public:
    explicit SurrogateController(QObject* parent = nullptr);
    ~SurrogateController() override;

    void play();
    void pause();
    /// Whether play() was asked last (the worker follows in its thread).
    bool isPlaying() const { return playing_; }
    void reset();
    void setSource(int source);
    void setMouseAngle(double z);
    void setStepsPerTick(int n);
    /// Takes n input steps and waits for them (a headless figure's fixed run).
    void runSteps(int n);
    void loadModel(const QString& path);
    void saveModel(const QString& path);
    void train(int sequences, const as::surrogate::TrainParams& params);
    void cancelTraining() { cancel_.store(true); }
    std::shared_ptr<const as::surrogate::SurrogateSnapshot> latest() const;

  signals:
    /// play() or pause() changed the run (told in the GUI thread; the worker follows).
    void playingChanged(bool playing);

  private:
    template <class F>
    void post(F&& f);
    std::atomic<bool> cancel_{false};
    bool playing_ = false;
    SurrogateWorker* worker_ = nullptr;                    ///< lives in host_'s thread
    std::unique_ptr<WorkerThread<SurrogateWorker>> host_;  ///< declared last: stops first
};

}  // namespace as::gui
