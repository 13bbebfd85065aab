#pragma once
// The SDE lab's main page: the input column on the left; the evolving state x(t) as a 28 x 28
// image, the planted attractors with the predicted one framed, the prediction in words, the
// distances to every attractor as bars, and the trajectories of chosen pixels coloured by the value
// each should reach (Fig. 3-4). showSnapshot() draws one worker frame.
#include <QWidget>
#include <memory>

class QLabel;

namespace as::widgets {
class DigitCanvas;
class DistanceBars;
class ImageGrid;
class PixelTrajectoryPlot;
}  // namespace as::widgets

namespace as::sde {
class SdeModel;
}

namespace as::gui {

struct SdeSnapshot;
class SdeInputPanel;

class SdeDynamicsPage : public QWidget {
    Q_OBJECT
  public:
    /// Takes the input panel into its left column.
    explicit SdeDynamicsPage(SdeInputPanel* input, QWidget* parent = nullptr);

    void showSnapshot(const SdeSnapshot& s);
    void setDark(bool dark);

    as::widgets::DigitCanvas* stateView() const { return state_; }
    as::widgets::ImageGrid* attractorView() const { return attractors_; }
    as::widgets::DistanceBars* distanceView() const { return bars_; }
    as::widgets::PixelTrajectoryPlot* trajectoryView() const { return traces_; }
    QString predictionText() const;

  signals:
    /// An attractor image was clicked: start from it (a teaching trick).
    void attractorClicked(int index);

  private:
    void showModel(const as::sde::SdeModel& m);

    const as::sde::SdeModel* shownModel_ = nullptr;
    std::shared_ptr<const as::sde::SdeModel> keep_;
    long lastStep_ = -1;
    as::widgets::DigitCanvas* state_ = nullptr;
    as::widgets::ImageGrid* attractors_ = nullptr;
    as::widgets::DistanceBars* bars_ = nullptr;
    as::widgets::PixelTrajectoryPlot* traces_ = nullptr;
    QLabel* prediction_ = nullptr;
    bool dark_ = false;
};

}  // namespace as::gui
