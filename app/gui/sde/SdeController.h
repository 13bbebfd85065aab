#pragma once
// Owns the SDE lab's worker thread (SdeWorker). Commands are queued to the worker; the views pull
// the latest SdeSnapshot on their own timer. The running model is shared and immutable, so the lab
// reads it from the snapshot (sessions, Save model, the analysis page) without waiting.
#include <memory>
#include <vector>

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/framework/WorkerThread.h"
#include "app/gui/sde/SdeSignals.h"
#include "app/gui/sde/SdeSnapshot.h"

namespace as::sde {
class SdeModel;
struct SdeParams;
}  // namespace as::sde

namespace as::gui {

class SdeWorker;

class SdeController : public SdeSignals {
    Q_OBJECT
  public:
    explicit SdeController(QObject* parent = nullptr);
    ~SdeController() override;

    std::shared_ptr<const SdeSnapshot> latest(quint64* serial = nullptr) const {
        return slot_.load(serial);
    }
    bool isPlaying() const { return playing_; }

    void play();
    void pause();
    void togglePlay() { playing_ ? pause() : play(); }
    void stepOnce();
    void reset();
    void setStepsPerSecond(double s);
    void setStopAtHorizon(bool on);
    void setModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name,
                  bool trained);
    void setParams(const as::sde::SdeParams& p);
    void setInput(const std::vector<float>& x0, int label);
    /// Blocks until the worker has handled every command sent before (tests, sessions).
    void sync();

  private:
    SnapshotSlot<SdeSnapshot> slot_;
    bool playing_ = false;
    SdeWorker* worker_ = nullptr;                    ///< lives in host_'s thread
    std::unique_ptr<WorkerThread<SdeWorker>> host_;  ///< declared last: stops first
};

}  // namespace as::gui
