#pragma once
// Lives in the controller's thread and owns the live as::RingSimulation; the stepping, the step
// rate and play/pause are framework/TickWorker's. All its methods run in its own thread; the
// controller reaches them with queued invocations only.
#include <atomic>
#include <functional>
#include <memory>

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/framework/TickWorker.h"
#include "cann/RingSimulation.h"

namespace as::gui {

class RingWorker : public TickWorker {
    Q_OBJECT
  public:
    RingWorker(std::unique_ptr<as::RingSimulation> sim, SnapshotSlot<as::RingSnapshot>* slot,
               std::atomic<long>* stepCounter);

    void reset();
    void setParams(const as::CannParams& p);
    void setStimulus(const as::StimulusParams& s);
    void setExternalTarget(double z);
    /// Traces in published snapshots cover the last `ms` of simulated time (0: the whole run).
    void setTraceWindow(double ms);
    void replaceSimulation(as::RingSimulation* sim);  ///< takes ownership
    /// Runs a read-only visit of the simulation; returns the exception's message or "".
    QString inspect(const std::function<void(const as::RingSimulation&)>& visit);

  protected:
    int advance(int n) override { return sim_->step(n); }
    bool isHalted() const override { return sim_->halted(); }
    std::string haltMessage() const override { return sim_->message(); }
    void publish() override;

  private:
    std::unique_ptr<as::RingSimulation> sim_;
    SnapshotSlot<as::RingSnapshot>* slot_;
    std::atomic<long>* stepCounter_;
    double traceWindowMs_ = 2000.0;
};

}  // namespace as::gui
