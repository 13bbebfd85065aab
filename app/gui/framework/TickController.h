#pragma once
// The GUI side of a TickWorker (Ring, Torus): run control posted to the worker's thread (play,
// pause, step once), whether it plays, the steps taken as of the last snapshot, and the worker's
// playingChanged, halted and rejected signals passed on. The lab's controller derives from it,
// owns the worker through WorkerThread and calls attach() once the worker exists.
#include <QObject>
#include <QString>
#include <atomic>
#include <utility>

#include "app/gui/framework/TickWorker.h"

namespace as::gui {

class TickController : public QObject {
    Q_OBJECT
  public:
    /// Steps since reset, as of the last published snapshot (thread-safe).
    long stepCount() const { return steps_.load(); }
    bool isPlaying() const { return playing_; }
    void play();
    void pause();
    void togglePlay() { playing_ ? pause() : play(); }
    void stepOnce();
    /// Takes n steps now and waits for them (a headless figure's fixed run), then publishes.
    void runSteps(long n);

  signals:
    void playingChanged(bool playing);
    /// The watchdog stopped the run; message says why.
    void halted(const QString& message);
    /// The worker refused a command (message is the violated rule).
    void rejected(const QString& message);

  protected:
    explicit TickController(QObject* parent) : QObject(parent) {}
    /// Passes on `worker`'s signals and starts it (in its thread).
    void attach(TickWorker* worker);
    /// Runs f in the worker's thread, between two ticks.
    template <class F>
    void post(F&& f) {
        QMetaObject::invokeMethod(tick_, std::forward<F>(f), Qt::QueuedConnection);
    }

    std::atomic<long> steps_{0};  ///< the worker counts here

  private:
    TickWorker* tick_ = nullptr;
    bool playing_ = false;
};

}  // namespace as::gui
