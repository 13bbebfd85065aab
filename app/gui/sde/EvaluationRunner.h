#pragma once
// Fills the robustness table (seed 002 Table 1) in a background thread: evaluates the current
// model and the shipped models (AS_RESOURCES_DIR "/models/sde_{eps0,eps005,eps01,gtrained}.h5",
// those that exist) on the MNIST test set, or on the 100 shipped example digits when MNIST is not
// found, clean and under each Table 1 corruption, over a number of corruption seeds. Results
// arrive one record at a time; Cancel stops between chunks of images and keeps what finished.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "app/gui/framework/JobThread.h"
#include "app/gui/sde/RobustnessCsv.h"

namespace as::sde {
class SdeModel;
}

namespace as::gui {

struct EvaluationPlan {
    std::shared_ptr<const as::sde::SdeModel> current;  ///< may be null
    QString currentName = QStringLiteral("current");
    std::vector<std::pair<QString, QString>> files;  ///< (name, path) of model files to load
    int count = 1000;         ///< test images (first count of the MNIST test split)
    int seeds = 1;            ///< corruption (and noise) seeds 1..seeds for the random corruptions
    QString mnistDir;         ///< user MNIST directory ("" = the default search path)
    QStringList corruptions;  ///< keys to evaluate; empty = clean and all eight
};

class EvaluationRunner : public QObject {
    Q_OBJECT
  public:
    explicit EvaluationRunner(QObject* parent = nullptr);
    ~EvaluationRunner() override;

    /// The shipped models that exist: ("eps0", path), ("eps005", path), ...
    static std::vector<std::pair<QString, QString>> shippedModels();

    /// Starts a run (ignored while one is running).
    void start(EvaluationPlan plan);
    void cancel();
    bool running() const { return job_.busy(); }
    /// Blocks until the run has ended (tests; the destructor).
    void wait();

  signals:
    /// Where the images came from ("MNIST test set (first 1000 of 10000) from <dir>" or the
    /// shipped digits with the reason), once the data is loaded.
    void dataDescribed(const QString& caption);
    void record(const as::gui::RobustnessRecord& r);
    void progress(double fraction, const QString& text);
    /// completed = false when cancelled or failed; message says what happened.
    void finished(bool completed, const QString& message);

  private:
    void run(const EvaluationPlan& plan);
    template <class F>
    void post(F&& f) {
        QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
    }

    JobThread job_{this};
    std::atomic<bool> cancel_{false};
};

}  // namespace as::gui
