#pragma once
// The Torus lab's "3D grid cells" page: a rotatable 3D point view of the torus activity (neurons
// above 20 % of the peak), a 3D path view (true vs decoded), three orthogonal slice heatmaps
// through the bump centre, and charts of the x-y path and the decode error. It draws TorusSnapshots
// (all with QPainter, so it works offscreen); a click on the x-y slice asks for an input phase
// there.
#include <QString>
#include <QWidget>
#include <utility>
#include <vector>

#include "cann/TorusSnapshot.h"

namespace as::widgets {
class PointCloudView;
class SliceHeatmap;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class GridCellsPage : public QWidget {
    Q_OBJECT
  public:
    explicit GridCellsPage(QWidget* parent = nullptr);
    /// Redraws every view; the two charts only when `charts` (the costliest views, half rate).
    void draw(const as::TorusSnapshot& s, bool charts);
    /// Named views for figure export.
    std::vector<std::pair<QString, QWidget*>> exportTargets() const;
    void setDark(bool dark);
    widgets::SliceHeatmap* slice(int i) const { return slices_[std::size_t(i)]; }
    widgets::PointCloudView* torusView() const { return cloud_; }

  signals:
    /// The user clicked the x-y slice at these phases of x and y (rad, in [-pi, pi)).
    void phaseClicked(double phaseX, double phaseY);

  private:
    widgets::PointCloudView* cloud_ = nullptr;
    widgets::PointCloudView* path3d_ = nullptr;
    std::vector<widgets::SliceHeatmap*> slices_;
    widgets::TraceChart* pathChart_ = nullptr;
    widgets::TraceChart* errorChart_ = nullptr;
};

}  // namespace as::gui
