#pragma once
// Owns a lab's worker thread: the one way every controller starts its worker and shuts it down.
// The worker (a QObject) lives in the thread; the controller reaches it only with post() (queued,
// applied between ticks) or call() (blocking, for saving and export). Shutdown sets the optional
// cancel flag first, so a long protocol or training run returns, then deletes the worker in its own
// thread (its timers and children die there) and joins the thread.
#include <QMetaObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <utility>

namespace as::gui {

template <class Worker>
class WorkerThread {
  public:
    /// Takes ownership of `worker` (no parent) and starts the thread `name`.
    WorkerThread(Worker* worker, const QString& name, std::atomic<bool>* cancel = nullptr)
        : worker_(worker), cancel_(cancel) {
        worker_->moveToThread(&thread_);
        thread_.setObjectName(name);
        thread_.start();
    }
    ~WorkerThread() {
        if (cancel_) cancel_->store(true);
        QMetaObject::invokeMethod(
            worker_, [w = worker_] { delete w; }, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
    }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    /// The worker, for connecting its signals (never call its methods from the GUI thread).
    Worker* worker() const { return worker_; }
    /// Runs f(worker) in the worker thread, after the commands posted before it.
    template <class F>
    void post(F&& f) {
        QMetaObject::invokeMethod(
            worker_, [w = worker_, f = std::forward<F>(f)]() mutable { f(*w); },
            Qt::QueuedConnection);
    }
    /// Runs f(worker) in the worker thread and waits for it.
    template <class F>
    void call(F&& f) {
        QMetaObject::invokeMethod(
            worker_, [w = worker_, &f] { f(*w); }, Qt::BlockingQueuedConnection);
    }

  private:
    QThread thread_;
    Worker* worker_;
    std::atomic<bool>* cancel_;
};

}  // namespace as::gui
