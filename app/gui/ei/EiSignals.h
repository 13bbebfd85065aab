#pragma once
// The signals of the E-I lab's run, declared once: EiWorker emits them in its thread and
// EiController, which derives from this too, relays them to the GUI thread.
#include <QObject>
#include <QString>

namespace as::gui {

class EiSignals : public QObject {
    Q_OBJECT
  public:
    explicit EiSignals(QObject* parent = nullptr) : QObject(parent) {}

  signals:
    void playingChanged(bool playing);
    void halted(const QString& message);
    void protocolProgress(double fraction);
    void protocolFinished(const QString& summary, const QString& csv, bool completed);
};

}  // namespace as::gui
