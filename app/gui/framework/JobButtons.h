#pragma once
// A long job's Start and Cancel buttons and its progress bar (0..1000), made together and kept in
// step: while the job runs, Start is off and Cancel on. The E-I protocols, the SDE trainer and
// robustness table, and the generator's trainer use it; the owner puts the three widgets where
// its layout wants them and connects the buttons' clicked() to its own start and cancel.
#include <QObject>
#include <QProgressBar>
#include <QPushButton>
#include <QString>
#include <algorithm>
#include <cmath>

namespace as::gui {

class JobButtons : public QObject {
  public:
    JobButtons(const QString& startText, QObject* parent)
        : QObject(parent),
          start_(new QPushButton(startText)),
          cancel_(new QPushButton(tr("Cancel"))),
          progress_(new QProgressBar) {
        cancel_->setEnabled(false);
        progress_->setRange(0, 1000);
        progress_->setValue(0);
    }
    QPushButton* start() const { return start_; }
    QPushButton* cancel() const { return cancel_; }
    QProgressBar* progress() const { return progress_; }

    /// The job started: Start off, Cancel on, the bar empty.
    void started() {
        start_->setEnabled(false);
        cancel_->setEnabled(true);
        progress_->setValue(0);
    }
    /// The job's progress, a fraction in [0, 1].
    void setFraction(double f) {
        progress_->setValue(int(std::lround(1000 * std::clamp(f, 0.0, 1.0))));
    }
    /// The job ended: Cancel off, Start on when `canStart` (e.g. MNIST is there). The bar stays
    /// where the job left it.
    void finished(bool canStart = true) {
        start_->setEnabled(canStart);
        cancel_->setEnabled(false);
    }

  private:
    QPushButton* start_;
    QPushButton* cancel_;
    QProgressBar* progress_;
};

}  // namespace as::gui
