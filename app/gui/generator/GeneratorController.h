#pragma once
// The Generator lab's one adapter to the engine's generation work (sampling and decoding a
// gallery, nearest training images, reconstructions, Langevin chains, encoding the test digits):
// each job runs in the worker thread (WorkerThread<GeneratorWorker>) on an immutable snapshot of
// the model (shared_ptr<const GeneratorModel>), and its result comes back to the GUI thread as a
// queued call, so the GUI thread never waits for the engine. Jobs run in the order posted.
#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "app/gui/framework/WorkerThread.h"
#include "data/ImageSet.h"

namespace as::gui {

/// Lives in the worker thread; keeps the MNIST data the jobs need, loaded on first use.
class GeneratorWorker : public QObject {
    Q_OBJECT
  public:
    /// MNIST's test digits, or the 100 shipped example digits when MNIST is not installed.
    const as::data::ImageSet& testSet();
    /// MNIST's training digits; throws std::runtime_error (how to fetch them) when absent.
    const as::data::ImageSet& trainSet();
    /// Where testSet() came from ("MNIST test set" or "the shipped example digits").
    QString testSource() const { return testSource_; }

  private:
    std::optional<as::data::ImageSet> test_, train_;
    QString testSource_;
};

class GeneratorController : public QObject {
    Q_OBJECT
  public:
    explicit GeneratorController(QObject* parent = nullptr);
    ~GeneratorController() override;

    /// Runs job(worker) in the worker thread; done(result) follows in the GUI thread. A job that
    /// throws emits failed(message) instead.
    template <class R, class Job, class Done>
    void run(Job job, Done done) {
        ++pending_;
        emit busyChanged(true);
        QPointer<GeneratorController> self(this);
        thread_.post(
            [self, job = std::move(job), done = std::move(done)](GeneratorWorker& w) mutable {
                auto result = std::make_shared<std::optional<R>>();
                QString error;
                try {
                    result->emplace(job(w));
                } catch (const std::exception& e) {
                    error = QString::fromUtf8(e.what());
                }
                if (!self) return;
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, result, error, done = std::move(done)]() mutable {
                        if (!self) return;
                        self->finishJob();
                        if (result->has_value())
                            done(std::move(**result));
                        else
                            emit self->failed(error);
                    },
                    Qt::QueuedConnection);
            });
    }
    /// Jobs posted and not yet finished.
    int pending() const { return pending_; }
    /// Set while the lab closes; long jobs poll it.
    const std::atomic<bool>& cancelFlag() const { return cancel_; }

  signals:
    void busyChanged(bool busy);
    void failed(const QString& message);

  private:
    void finishJob();

    std::atomic<bool> cancel_{false};
    int pending_ = 0;
    WorkerThread<GeneratorWorker> thread_;
};

}  // namespace as::gui
