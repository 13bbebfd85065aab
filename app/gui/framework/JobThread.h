#pragma once
// One background job at a time in a thread of its own (QThread::create): the one way the labs run
// a long computation that is not their worker's (a fixed-point count, an analysis, a robustness
// evaluation, a training run). When the job returns, the thread is joined and deleted in the
// owner's thread, then the owner's `done` runs there.
#include <QObject>
#include <QString>
#include <QThread>
#include <functional>

namespace as::gui {

class JobThread {
  public:
    /// owner: the QObject in whose thread `done` runs (usually the one holding this).
    explicit JobThread(QObject* owner) : owner_(owner) {}
    /// Joins a job still running.
    ~JobThread() { join(); }
    JobThread(const JobThread&) = delete;
    JobThread& operator=(const JobThread&) = delete;

    /// Whether a job runs, or has returned and its thread is not deleted yet.
    bool busy() const { return thread_ != nullptr; }
    /// Runs `job` in a new thread named `name` (a thread still held is joined first); `done` runs
    /// in the owner's thread after the job returns and its thread is deleted.
    void start(std::function<void()> job, std::function<void()> done = {},
               QThread::Priority priority = QThread::LowPriority, const QString& name = {});
    /// Blocks until the job has returned; the thread stays until `done` runs.
    void wait() const {
        if (thread_) thread_->wait();
    }
    /// Blocks until the job has returned and deletes its thread; its `done` does not run.
    void join();

  private:
    QObject* owner_;
    QThread* thread_ = nullptr;
};

}  // namespace as::gui
