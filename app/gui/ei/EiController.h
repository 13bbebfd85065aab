#pragma once
// Owns the E-I lab's worker thread; commands reach the worker by queued invocation; views read the
// latest snapshot on their own timer. Cancel of a running protocol is an atomic flag the worker
// polls.
#include <atomic>
#include <memory>

#include "app/gui/ei/EiSignals.h"
#include "app/gui/ei/EiSnapshot.h"
#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/framework/WorkerThread.h"

namespace as::gui {

class EiWorker;

class EiController : public EiSignals {
    Q_OBJECT
  public:
    explicit EiController(QObject* parent = nullptr);
    ~EiController() override;

    std::shared_ptr<const EiSnapshot> latest(quint64* serial = nullptr) const {
        return slot_.load(serial);
    }
    bool isPlaying() const { return playing_; }
    bool protocolRunning() const { return protocolRunning_; }

    void play();
    void pause();
    void reset(const as::EiParams& p);
    void setMode(as::EiMode m);
    void setBump(bool on, double z);
    /// Runs `ms` of simulated time and waits for it (a headless figure's fixed run).
    void runFor(double ms);
    void runProtocol(const QString& name, double durationMs, const as::EiParams& p);
    void cancelProtocol() { cancel_.store(true); }

  private:
    SnapshotSlot<EiSnapshot> slot_;
    std::atomic<bool> cancel_{false};
    bool playing_ = false, protocolRunning_ = false;
    EiWorker* worker_ = nullptr;                    ///< lives in host_'s thread
    std::unique_ptr<WorkerThread<EiWorker>> host_;  ///< declared last: stops first
};

}  // namespace as::gui
