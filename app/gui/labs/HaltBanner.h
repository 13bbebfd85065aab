#pragma once
// A non-modal banner shown above a lab's views when the watchdog stops a run; it names the reason
// and closes with its button (or when the run is resumed).
#include <QFrame>

class QLabel;

namespace as::gui {

class HaltBanner : public QFrame {
    Q_OBJECT
  public:
    explicit HaltBanner(QWidget* parent = nullptr);
    void showMessage(const QString& text);
    QString text() const;

  private:
    QLabel* label_;
};

}  // namespace as::gui
