#include "app/gui/torus/GridCellsPage.h"

#include <QGridLayout>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/Angles.h"
#include "widgets/common/TraceChart.h"
#include "widgets/torus/PointCloudView.h"
#include "widgets/torus/SliceHeatmap.h"

namespace as::gui {

GridCellsPage::GridCellsPage(QWidget* parent) : QWidget(parent) {
    cloud_ = new widgets::PointCloudView(tr("Torus activity (neurons above 20% of the peak)"));
    cloud_->setObjectName("torusCloud");
    path3d_ = new widgets::PointCloudView(tr("3D path: true (orange) vs decoded (blue)"));
    path3d_->setObjectName("torusPath3d");
    static const char* names[3][3] = {{"x-y slice (z at bump)", "x", "y"},
                                      {"x-z slice (y at bump)", "x", "z"},
                                      {"y-z slice (x at bump)", "y", "z"}};
    auto* sliceRow = new QWidget;
    auto* sl = new QGridLayout(sliceRow);
    sl->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 3; ++i) {
        auto* h = new widgets::SliceHeatmap(tr(names[i][0]), tr(names[i][1]), tr(names[i][2]));
        h->setObjectName(QString("torusSlice%1").arg(i));
        slices_.push_back(h);
        sl->addWidget(h, 0, i);
    }
    // A click on the x-y slice asks for the input's phase there.
    connect(slices_[0], &widgets::SliceHeatmap::clicked, this, [this](double row, double col) {
        emit phaseClicked(-kPi + 2 * kPi * row, -kPi + 2 * kPi * col);
    });
    pathChart_ = new widgets::TraceChart(tr("Path, x-y projection"), tr("x (cm)"), tr("y (cm)"));
    pathChart_->setObjectName("torusPathChart");
    pathChart_->addSeries(tr("true"), QColor(230, 97, 1), 4.0);
    pathChart_->addSeries(tr("decoded"), QColor(59, 130, 200));
    errorChart_ = new widgets::TraceChart(
        tr("Decode error"), tr("time t (ms)"),
        tr("error (cm)"));  // |estimate - true|; longer is elided at 1024x700
    errorChart_->setObjectName("torusErrorChart");
    errorChart_->addSeries(tr("error"), QColor(200, 30, 90));

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(cloud_);
    top->addWidget(path3d_);
    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(pathChart_);
    charts->addWidget(errorChart_);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(sliceRow);
    split->addWidget(charts);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 3);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(split);
}

void GridCellsPage::draw(const as::TorusSnapshot& s, bool charts) {
    const int n = s.params.n, D = s.params.dims;
    const float vmax = s.rMax > 0 ? s.rMax : 1.0f;
    // 3D points above 20% of the peak (D < 3: the sheet or ring lies in the z = 0 plane).
    std::vector<widgets::PointCloudView::Point> pts;
    const auto coord = [n](int i) { return float(2.0 * (i + 0.5) / n - 1.0); };
    const float threshold = 0.2f * vmax;
    for (std::size_t idx = 0; idx < s.r.size(); ++idx) {
        if (s.r[idx] < threshold) continue;
        int c[3] = {0, 0, 0};
        std::size_t rest = idx;
        for (int d = D - 1; d >= 0; --d) {
            c[d] = int(rest % std::size_t(n));
            rest /= std::size_t(n);
        }
        pts.push_back(
            {coord(c[0]), D > 1 ? coord(c[1]) : 0.0f, D > 2 ? coord(c[2]) : 0.0f, s.r[idx] / vmax});
    }
    cloud_->setPoints(std::move(pts));
    if (D == 3) {
        slices_[0]->setData(s.sliceXY, n, n, vmax);
        slices_[1]->setData(s.sliceXZ, n, n, vmax);
        slices_[2]->setData(s.sliceYZ, n, n, vmax);
        slices_[0]->setMarker(s.centre[0], s.centre[1]);
        slices_[1]->setMarker(s.centre[0], s.centre[2]);
        slices_[2]->setMarker(s.centre[1], s.centre[2]);
    } else if (D == 2) {
        slices_[0]->setData(s.sliceXY, n, n, vmax);
        slices_[0]->setMarker(s.centre[0], s.centre[1]);
    } else {
        slices_[0]->setData(s.sliceXY, 1, n, vmax);
    }
    const auto frac = [](double phase) { return (phase + kPi) / (2 * kPi); };
    slices_[0]->setTarget(frac(s.stimulusPhase[0]), frac(s.stimulusPhase[1]));
    // 3D path view, fitted to the path's bounding box.
    double lo[3], hi[3];
    for (int d = 0; d < 3; ++d) {
        lo[d] = 1e300;
        hi[d] = -1e300;
        for (double v : s.pathTrue[std::size_t(d)])
            lo[d] = std::min(lo[d], v), hi[d] = std::max(hi[d], v);
    }
    double span = 1e-9;
    for (int d = 0; d < 3; ++d) span = std::max(span, hi[d] - lo[d]);
    std::vector<widgets::PointCloudView::Polyline> lines(2);
    lines[0].colour = QColor(230, 97, 1);
    lines[0].width = 4.0;  // under the estimate: visible where they part
    lines[1].colour = QColor(59, 130, 200);
    lines[1].width = 1.2;
    for (std::size_t i = 0; i < s.pathT.size(); ++i) {
        auto norm = [&](int d, double v) {
            if (!std::isfinite(v)) return 0.0f;
            return float(2.0 * (v - 0.5 * (lo[d] + hi[d])) / span);
        };
        lines[0].points.push_back(
            {norm(0, s.pathTrue[0][i]), norm(1, s.pathTrue[1][i]), norm(2, s.pathTrue[2][i]), 0});
        lines[1].points.push_back({norm(0, s.pathEstimate[0][i]), norm(1, s.pathEstimate[1][i]),
                                   norm(2, s.pathEstimate[2][i]), 0});
    }
    path3d_->setPolylines(std::move(lines));
    if (charts) {
        pathChart_->setSeriesData(0, s.pathTrue[0], s.pathTrue[1]);
        pathChart_->setSeriesData(1, s.pathEstimate[0], s.pathEstimate[1]);
        errorChart_->setSeriesData(0, s.pathT, s.pathError);
    }
}

std::vector<std::pair<QString, QWidget*>> GridCellsPage::exportTargets() const {
    return {{tr("Torus activity 3D"), cloud_}, {tr("3D path"), path3d_},
            {tr("x-y slice"), slices_[0]},     {tr("x-z slice"), slices_[1]},
            {tr("y-z slice"), slices_[2]},     {tr("Path chart"), pathChart_},
            {tr("Error chart"), errorChart_}};
}

void GridCellsPage::setDark(bool dark) {
    for (auto* s : slices_) s->setDark(dark);
    for (auto* v : {cloud_, path3d_}) v->setDark(dark);
    for (auto* c : {pathChart_, errorChart_}) c->setDark(dark);
}

}  // namespace as::gui
