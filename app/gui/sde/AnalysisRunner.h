#pragma once
// Owns the analysis page's worker thread: one runAnalysis() job at a time on an immutable model
// snapshot. A new request cancels the running job (checked between attractors) and starts when it
// has stopped, so only the newest request is ever computed. Results arrive in the GUI thread.
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

#include "app/gui/framework/JobThread.h"
#include "app/gui/sde/AnalysisJob.h"

namespace as::gui {

class AnalysisRunner : public QObject {
    Q_OBJECT
  public:
    explicit AnalysisRunner(QObject* parent = nullptr);
    ~AnalysisRunner() override;

    /// Starts (or queues behind the cancelled current job) an analysis; returns its generation.
    quint64 submit(AnalysisRequest request);
    void cancel();
    bool busy() const { return job_.busy() || pending_.has_value(); }
    quint64 generation() const { return generation_; }
    /// Waits for the running job to end (tests; the destructor).
    void wait();

  signals:
    /// A partial or final result of the newest request (older generations are dropped).
    void result(std::shared_ptr<const as::gui::AnalysisResult> r);
    void busyChanged(bool busy);

  private:
    void start(AnalysisRequest request);
    void threadDone();

    JobThread job_{this};
    std::atomic<bool> cancel_{false};
    std::optional<AnalysisRequest> pending_;
    quint64 generation_ = 0;
};

}  // namespace as::gui
