#pragma once
// The Torus lab's "2D head direction" page: the two decoupled rings (azimuth flat, pitch upright),
// the coupled 2D sheet as a heatmap and drawn on a donut, and the two models' decode errors and
// step rates side by side. It draws Hd2dSnapshots; a click on the sheet asks for a new heading.
#include <QString>
#include <QWidget>
#include <utility>
#include <vector>

#include "cann/Hd2dSnapshot.h"

class QLabel;

namespace as::widgets {
class PointCloudView;
class SliceHeatmap;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class HeadDirectionPage : public QWidget {
    Q_OBJECT
  public:
    explicit HeadDirectionPage(QWidget* parent = nullptr);
    /// Redraws every view; the error chart only when `charts` (the costliest view, half rate).
    void draw(const as::Hd2dSnapshot& s, bool charts);
    /// Named views for figure export.
    std::vector<std::pair<QString, QWidget*>> exportTargets() const;
    void setDark(bool dark);

  signals:
    /// The user clicked the sheet at this heading (rad).
    void headingClicked(double azimuth, double pitch);

  private:
    widgets::PointCloudView* rings_;
    widgets::SliceHeatmap* sheet_;
    widgets::PointCloudView* donut_;
    widgets::TraceChart* errorChart_;
    QLabel* summary_;
};

}  // namespace as::gui
