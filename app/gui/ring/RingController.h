#pragma once
// Owns the worker thread of the Ring lab. Every command is posted to the worker with a queued
// invocation, so it applies between steps; the GUI never touches the live simulation. Views read
// the latest immutable snapshot with latest() on their own (capped) timer.
// The controller also keeps the GUI's copy of the intended parameters, so forms can validate an
// edit (CannParams::check) before it is sent.
#include <functional>
#include <memory>

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/framework/TickController.h"
#include "app/gui/framework/WorkerThread.h"
#include "cann/RingSimulation.h"

namespace as::gui {

class RingWorker;

class RingController : public TickController {
    Q_OBJECT
  public:
    explicit RingController(std::unique_ptr<as::RingSimulation> sim, QObject* parent = nullptr);
    ~RingController() override;

    std::shared_ptr<const as::RingSnapshot> latest(quint64* serial = nullptr) const {
        return slot_.load(serial);
    }
    int stepsPerFrame() const { return stepsPerFrame_; }
    const as::CannParams& params() const { return params_; }
    const as::StimulusParams& stimulus() const { return stimulus_; }

    void reset();
    /// Sends checked parameters (the caller has run check()).
    void setParams(const as::CannParams& p);
    void setStimulus(const as::StimulusParams& s);
    void setExternalTarget(double z);
    void setStepsPerFrame(int n);
    /// Charts show the last `ms` of simulated time (0: the whole recording). Default 2000.
    void setTraceWindow(double ms);
    /// Swaps in a new, fully built simulation (e.g. a loaded session).
    void replaceSimulation(std::unique_ptr<as::RingSimulation> sim);
    /// Runs a read-only visit of the live simulation in the worker thread between two ticks and
    /// waits for it (saving, CSV export). Returns the exception's message, or "" on success.
    QString inspect(const std::function<void(const as::RingSimulation&)>& visit);
    /// Writes the recorded traces as CSV (waits for the worker); returns an error or "".
    QString exportCsv(const QString& path);

  private:
    SnapshotSlot<as::RingSnapshot> slot_;
    int stepsPerFrame_ = 10;
    as::CannParams params_;
    as::StimulusParams stimulus_;
    RingWorker* worker_ = nullptr;                    ///< lives in host_'s thread
    std::unique_ptr<WorkerThread<RingWorker>> host_;  ///< declared last: stops first
};

}  // namespace as::gui
