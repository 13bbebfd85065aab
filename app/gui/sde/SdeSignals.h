#pragma once
// The signals of the SDE lab's run, declared once: SdeWorker emits them in its thread and
// SdeController, which derives from this too, relays them to the GUI thread.
#include <QObject>
#include <QString>

namespace as::gui {

class SdeSignals : public QObject {
    Q_OBJECT
  public:
    explicit SdeSignals(QObject* parent = nullptr) : QObject(parent) {}

  signals:
    void playingChanged(bool playing);
    void modelReplaced(const QString& message);
    void failed(const QString& message);
    /// The state reached t = T: the prediction the classifier reports.
    void decided(int predicted, int label);
};

}  // namespace as::gui
