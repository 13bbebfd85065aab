#pragma once
// The Torus lab tab (seed 000 §4): two pages.
//  - "3D grid cells": a rotatable 3D point view of the torus activity (neurons above a threshold),
//    three orthogonal slice heatmaps through the bump centre, a 3D path view (true vs decoded) and
//    charts of the x-y path and the decode error.
//  - "2D head direction": the two decoupled rings, the coupled sheet as a heatmap, the sheet drawn
//    on a donut, and the two models' errors and step rates side by side.
// Toolbar (Play/Pause, Step, Reset, steps per frame, trajectory), a Parameters dock built from the
// ParamSpecs, arrow keys (and PgUp/PgDn for z) steer, a click on a heatmap moves the input.
// Views redraw from the controller's snapshots on a 40 ms timer (25 Hz), all with QPainter, so the
// lab runs offscreen and under software rendering.
#include <QElapsedTimer>
#include <memory>
#include <utility>
#include <vector>

#include "cann/Hd2dSimulation.h"
#include "cann/TorusSimulation.h"
#include "labs/Lab.h"

class QAction;
class QComboBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace as::widgets {
class ParameterForm;
class PointCloudView;
class SliceHeatmap;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class HaltBanner;
class HeadDirectionPage;
class TorusController;

class TorusLab : public Lab {
    Q_OBJECT
public:
    static constexpr int kFrameIntervalMs = 40;
    /// Steps per worker tick at start: about 2,500 steps/s at 32^3 (a few ms of work per 16 ms tick).
    static constexpr int kDefaultStepsPerFrame = 40;

    explicit TorusLab(QWidget* parent = nullptr);
    ~TorusLab() override;

    /// The lab's default simulations (32^3 torus, random walk; 64-neuron rings and 64^2 sheet).
    static as::TorusParams defaultTorusParams();
    static as::TrajectoryParams defaultTrajectory();
    static as::TorusParams defaultHd2dParams();
    static as::TrajectoryParams defaultHeading();

    TorusController* controller() const { return controller_.get(); }
    widgets::SliceHeatmap* slice(int i) const { return slices_[std::size_t(i)]; }
    widgets::PointCloudView* torusView() const { return cloud_; }
    QAction* playAction() const { return playAction_; }
    /// 0: 3D grid cells, 1: 2D head direction.
    void showPage(int page);
    int page() const;
    double framesPerSecond() const { return fps_; }
    /// One line for --stats: lattice, simulated time, steps/s, frames/s.
    QString statsLine() const;
    void setStepsPerFrame(int n);
    /// Saves the current page as dir/frame_00001.png, ... on each redraw, up to maxFrames (an
    /// animation as a numbered PNG sequence; ffmpeg or ImageMagick turn it into MP4/GIF). Returns
    /// false if the directory cannot be written.
    bool startRecording(const QString& dir, int maxFrames = 250);
    void stopRecording();
    int recordedFrames() const { return recorded_; }
    bool isRecording() const { return !recordDir_.isEmpty(); }

    QString labId() const override { return QStringLiteral("torus"); }
    QString title() const override { return tr("Torus"); }
    QWidget* statusWidget() const override;
    std::vector<std::pair<QString, QWidget*>> exportTargets() override;
    QString exportCsv(const QString& path) override;
    void setDark(bool dark) override;
    void writeSession(hid_t root) override;
    std::function<void()> prepareLoad(hid_t root) override;
    void resetToDefaults() override;
    void setActive(bool active) override;

protected:
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;

private:
    QWidget* buildGridPage();
    QWidget* buildHeadPage();
    void buildToolBar();
    void buildDock();
    void frame();
    void drawTorus(const as::TorusSnapshot& s);
    void drawHead(const as::Hd2dSnapshot& s);
    void syncForms();
    void edit(int form, const QString& key, double oldValue, double newValue);
    void steer();

    std::unique_ptr<TorusController> controller_;
    QTabWidget* pages_ = nullptr;
    widgets::PointCloudView* cloud_ = nullptr;
    widgets::PointCloudView* path3d_ = nullptr;
    std::vector<widgets::SliceHeatmap*> slices_;
    widgets::TraceChart* pathChart_ = nullptr;
    widgets::TraceChart* errorChart_ = nullptr;
    HeadDirectionPage* headPage_ = nullptr;
    std::vector<widgets::ParameterForm*> forms_;  // torus, trajectory, hd2d, heading
    QStackedWidget* dockPages_ = nullptr;
    HaltBanner* banner_ = nullptr;
    QAction* playAction_ = nullptr;
    QSpinBox* stepsSpin_ = nullptr;
    QComboBox* trajectoryCombo_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* frameTimer_ = nullptr;
    quint64 lastSerial_ = 0;
    const void* lastHd_ = nullptr;
    QElapsedTimer fpsClock_;
    int frames_ = 0;
    unsigned chartPhase_ = 0;
    double fps_ = 0;
    bool resumeWhenShown_ = true;  ///< plays when its tab is first shown, then as it was left
    bool everShown_ = false;
    int keyX_ = 0, keyY_ = 0, keyZ_ = 0;  // arrow keys held: -1, 0, +1
    QString recordDir_;
    int recorded_ = 0, recordMax_ = 0;
    QAction* recordAction_ = nullptr;
    void recordFrame();
};

}  // namespace as::gui
