#pragma once
// The signals of the Surrogate lab's run, declared once: SurrogateWorker emits them in its thread
// and SurrogateController, which derives from this too, relays them to the GUI thread.
#include <QObject>
#include <QString>

namespace as::gui {

class SurrogateSignals : public QObject {
    Q_OBJECT
  public:
    explicit SurrogateSignals(QObject* parent = nullptr) : QObject(parent) {}

  signals:
    void modelChanged(const QString& info);
    void failed(const QString& message);
    /// After loadModel(path): error is "" if the model loaded, else why not (naming the file).
    void loadFinished(const QString& path, const QString& error);
    void trainingFinished(const QString& message);
};

}  // namespace as::gui
