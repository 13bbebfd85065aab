#include "labs/HeadDirectionPage.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "PointCloudView.h"
#include "SliceHeatmap.h"
#include "TraceChart.h"

namespace as::gui {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

HeadDirectionPage::HeadDirectionPage(QWidget* parent) : QWidget(parent) {
    rings_ =
        new widgets::PointCloudView(tr("Decoupled: azimuth ring (flat) and pitch ring (upright)"));
    rings_->setObjectName("hdRings");
    rings_->setBox(false);
    sheet_ = new widgets::SliceHeatmap(tr("Coupled sheet (azimuth x pitch)"), tr("azimuth"),
                                       tr("pitch"));
    sheet_->setObjectName("hdSheet");
    connect(sheet_, &widgets::SliceHeatmap::clicked, this, [this](double row, double col) {
        emit headingClicked(-kPi + 2 * kPi * row, -kPi + 2 * kPi * col);
    });
    donut_ = new widgets::PointCloudView(tr("Sheet on the torus (azimuth around, pitch through)"));
    donut_->setObjectName("hdDonut");
    donut_->setBox(false);
    donut_->setRotation(20, 50);
    errorChart_ = new widgets::TraceChart(tr("Decode error: rings vs sheet"), tr("time t (ms)"),
                                          tr("error (rad)"));
    errorChart_->setObjectName("hdErrorChart");
    errorChart_->addSeries(tr("rings"), QColor(33, 145, 140));
    errorChart_->addSeries(tr("sheet"), QColor(200, 30, 90));
    summary_ = new QLabel;
    summary_->setObjectName("hdSummary");
    summary_->setWordWrap(true);
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(rings_);
    top->addWidget(sheet_);
    top->addWidget(donut_);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(top, 3);
    lay->addWidget(summary_);
    lay->addWidget(errorChart_, 2);
}

void HeadDirectionPage::draw(const as::Hd2dSnapshot& s, bool charts) {
    const int n = s.n;
    const float vr = s.rMaxRings > 0 ? s.rMaxRings : 1.0f,
                vs = s.rMaxSheet > 0 ? s.rMaxSheet : 1.0f;
    std::vector<widgets::PointCloudView::Point> ring;
    for (int i = 0; i < n; ++i) {
        const double x = -kPi + 2 * kPi * i / n;
        ring.push_back({float(0.8 * std::cos(x)), float(0.8 * std::sin(x)), 0.0f,
                        s.ringAzimuth[std::size_t(i)] / vr});
        ring.push_back({float(0.8 * std::cos(x)), 0.0f, float(0.8 * std::sin(x)),
                        s.ringPitch[std::size_t(i)] / vr});
    }
    rings_->setPoints(std::move(ring));
    std::vector<widgets::PointCloudView::Polyline> arrows(2);
    arrows[0].colour = QColor(230, 97, 1);
    arrows[0].width = 2.5;
    arrows[0].points = {{0, 0, 0, 0},
                        {float(std::cos(s.azimuth)), float(std::sin(s.azimuth)), 0, 0},
                        {0, 0, 0, 0},
                        {float(std::cos(s.pitch)), 0, float(std::sin(s.pitch)), 0}};
    arrows[1].colour = QColor(59, 130, 200);
    arrows[1].points = {
        {0, 0, 0, 0},
        {float(0.9 * std::cos(s.rings[0])), float(0.9 * std::sin(s.rings[0])), 0, 0},
        {0, 0, 0, 0},
        {float(0.9 * std::cos(s.rings[1])), 0, float(0.9 * std::sin(s.rings[1])), 0}};
    rings_->setPolylines(std::move(arrows));
    sheet_->setData(s.sheet, n, n, vs);
    const auto frac = [](double a) { return (a + kPi) / (2 * kPi); };
    sheet_->setTarget(frac(s.azimuth), frac(s.pitch));
    // Donut: azimuth around the hole, pitch around the tube; at most 48 x 48 points.
    std::vector<widgets::PointCloudView::Point> donut;
    const int stride = std::max(1, n / 48);
    for (int i = 0; i < n; i += stride)
        for (int j = 0; j < n; j += stride) {
            const double th = -kPi + 2 * kPi * i / n, ph = -kPi + 2 * kPi * j / n;
            const double R = 0.62, rr = 0.3;
            donut.push_back({float((R + rr * std::cos(ph)) * std::cos(th)),
                             float((R + rr * std::cos(ph)) * std::sin(th)),
                             float(rr * std::sin(ph)),
                             s.sheet[std::size_t(i) * std::size_t(n) + std::size_t(j)] / vs});
        }
    donut_->setPoints(std::move(donut));
    if (charts) {
        errorChart_->setSeriesData(0, s.traceT, s.traceRingsError);
        errorChart_->setSeriesData(1, s.traceT, s.traceSheetError);
    }
    const double ratio =
        s.sheetStepsPerSecond > 0 ? s.ringsStepsPerSecond / s.sheetStepsPerSecond : 0.0;
    summary_->setText(
        tr("Decoupled rings: error %1 rad (mean %2), %3 model steps/s.   Coupled %4x%4 sheet: "
           "error %5 rad (mean %6), %7 model steps/s.   The rings are %8x cheaper.")
            .arg(s.ringsError, 0, 'f', 4)
            .arg(s.ringsMeanError, 0, 'f', 4)
            .arg(s.ringsStepsPerSecond, 0, 'f', 0)
            .arg(n)
            .arg(s.sheetError, 0, 'f', 4)
            .arg(s.sheetMeanError, 0, 'f', 4)
            .arg(s.sheetStepsPerSecond, 0, 'f', 0)
            .arg(ratio, 0, 'f', 1));
}

std::vector<std::pair<QString, QWidget*>> HeadDirectionPage::exportTargets() const {
    return {{tr("Head direction rings"), rings_},
            {tr("Head direction sheet"), sheet_},
            {tr("Head direction donut"), donut_},
            {tr("Head direction errors"), errorChart_}};
}

void HeadDirectionPage::setDark(bool dark) {
    rings_->setDark(dark);
    donut_->setDark(dark);
    sheet_->setDark(dark);
    errorChart_->setDark(dark);
}

}  // namespace as::gui
