#pragma once
// Help → Guided Tour: a dock at the bottom of the window that walks through a lab's scripted steps,
// one sentence each in a large font, with Back / Next / Close. Showing a step runs its action
// (parameter changes go through the lab's undo stack like any edit).
#include <QDockWidget>
#include <vector>

#include "labs/Lab.h"

class QLabel;
class QPushButton;

namespace as::gui {

class GuidedTour : public QDockWidget {
    Q_OBJECT
  public:
    explicit GuidedTour(QWidget* parent = nullptr);
    /// Starts a tour at its first step (replacing any tour in progress).
    void start(const QString& labTitle, std::vector<TourStep> steps);
    int currentStep() const { return index_; }
    int stepCount() const { return int(steps_.size()); }
    void next();
    void back();

  private:
    void show(int index);

    std::vector<TourStep> steps_;
    int index_ = -1;
    QString labTitle_;
    QLabel* heading_;
    QLabel* text_;
    QPushButton* back_;
    QPushButton* next_;
};

}  // namespace as::gui
