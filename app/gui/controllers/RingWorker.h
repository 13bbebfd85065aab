#pragma once
// Lives in the controller's thread and owns the live as::RingSimulation. While playing it steps
// `stepsPerFrame` steps per tick of a 16 ms timer (bounded by a time budget, so commands queued
// by the GUI are handled between ticks) and publishes a snapshot after each tick. All its methods
// run in its own thread; the controller reaches them with queued invocations only.
#include <QElapsedTimer>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

#include "cann/RingSimulation.h"
#include "controllers/SnapshotSlot.h"

class QTimer;

namespace as::gui {

class RingWorker : public QObject {
    Q_OBJECT
  public:
    RingWorker(std::unique_ptr<as::RingSimulation> sim, SnapshotSlot* slot,
               std::atomic<long>* stepCounter);
    ~RingWorker() override;

    void start();  ///< creates the timer (call in the worker thread)
    void play();
    void pause();
    void stepOnce();
    void reset();
    void setParams(const as::CannParams& p);
    void setStimulus(const as::StimulusParams& s);
    void setExternalTarget(double z);
    void setStepsPerFrame(int n);
    /// Traces in published snapshots cover the last `ms` of simulated time (0: the whole run).
    void setTraceWindow(double ms);
    void replaceSimulation(as::RingSimulation* sim);  ///< takes ownership
    /// Runs a read-only visit of the simulation; returns the exception's message or "".
    QString inspect(const std::function<void(const as::RingSimulation&)>& visit);

    /// Longest time one tick may step before yielding to the event loop (ms).
    static constexpr int kTickBudgetMs = 25;

  signals:
    void playingChanged(bool playing);
    void halted(const QString& message);
    void rejected(const QString& message);

  private:
    void tick();
    void publish();
    void stopOnHalt();

    std::unique_ptr<as::RingSimulation> sim_;
    SnapshotSlot* slot_;
    std::atomic<long>* stepCounter_;
    QTimer* timer_ = nullptr;
    bool playing_ = false;
    int stepsPerFrame_ = 10;
    double traceWindowMs_ = 2000.0;
    QElapsedTimer rateClock_;
    long rateSteps_ = 0;
    double stepsPerSecond_ = 0;
};

}  // namespace as::gui
