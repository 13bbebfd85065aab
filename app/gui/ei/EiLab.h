#pragma once
// The E-I spiking lab (seed 001): a scrolling raster of E, I_p and I_d, population rates, the
// decoded position with its confidence, mode toggles that act on the running network, a bump the
// user switches and moves, the population spectrum, the protocol runner (progress, Cancel, result
// panel, CSV) and a guided tour. Mode, N_E and bump edits are undo steps on the window's stack.
#include <QString>
#include <memory>
#include <vector>

#include "app/gui/framework/JobButtons.h"
#include "app/gui/framework/Lab.h"
#include "app/gui/framework/ResumeWhenShown.h"
#include "spiking/EiParams.h"
#include "spiking/SpikeRecord.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QCheckBox;
class QSlider;
class QSpinBox;
class QTimer;
class QAction;
class QUndoStack;

namespace as::widgets {
class ConfidenceDecodePlot;
class EiProtocolChart;
class SpikeRaster;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class EiController;
class ParameterBinding;

class EiLab : public Lab {
    Q_OBJECT
  public:
    /// Edits are pushed onto `undo` (the main window's stack); without one the lab keeps its own.
    explicit EiLab(QUndoStack* undo = nullptr, QWidget* parent = nullptr);
    ~EiLab() override;

    AS_LAB_INTERFACE;
    bool canExportSpikes() const override { return true; }
    /// The spikes the raster shows (the last second) as SONATA (.h5) or CSV (.csv).
    QString exportSpikes(const QString& path) override;
    /// Those spikes, one record per population (E, Ip, Id).
    std::vector<as::SpikeRecord> recordedSpikes() const;

    EiController* controller() const { return controller_.get(); }
    QUndoStack* undoStack() const { return undo_; }
    /// Starts the selected protocol (as the Run button does).
    void runSelectedProtocol();
    QString resultText() const;
    void setProtocol(const QString& name);
    /// Switches the running network's mode as one undo step (as the Mode box does).
    void setMode(as::EiMode m);
    /// Sets "mode", "NE", "bump" (0/1) or "position_deg" as one undo step (the tour's actions).
    void setValue(const QString& key, double value);
    /// A startup `--set key=value` (an EiParams key): the network is rebuilt with it.
    QString applySetting(const QString& section, const QString& key, const QString& value) override;

  private:
    void buildUi();
    void refresh();
    void applyParams(const as::EiParams& p);
    void showLambda0(const QString& csv);
    void showSpectrum(const std::vector<double>& freqHz, const std::vector<double>& power);
    void bindControls();
    /// Shows mode, N_E and the bump in their controls (without emitting their signals).
    void syncControls();

    QUndoStack* undo_;
    ParameterBinding* binding_ = nullptr;  ///< mode, N_E, bump and position as undo steps
    std::unique_ptr<EiController> controller_;
    as::EiParams params_;
    QString protocolCsv_;
    quint64 lastSerial_ = ~0ull;
    double ratesTop_ = 100;

    as::widgets::SpikeRaster* raster_ = nullptr;
    as::widgets::TraceChart* rates_ = nullptr;
    as::widgets::ConfidenceDecodePlot* decode_ = nullptr;
    as::widgets::TraceChart* currents_ = nullptr;
    as::widgets::TraceChart* lambda_ = nullptr;
    as::widgets::TraceChart* spectrum_ = nullptr;
    as::widgets::EiProtocolChart* protocolChart_ = nullptr;  ///< the last protocol's figure
    std::vector<double> spectrumHz_, spectrumPower_;         ///< shown, for the CSV export
    double lastBump_ = 1,
           lastPositionDeg_ = 0;  ///< the stimulus the network has (undo's old values)
    QAction* playAction_ = nullptr;
    QComboBox* modeCombo_ = nullptr;
    QComboBox* protocolCombo_ = nullptr;
    QSpinBox* neSpin_ = nullptr;
    QSpinBox* durationSpin_ = nullptr;
    QCheckBox* bumpCheck_ = nullptr;
    QSlider* positionSlider_ = nullptr;
    JobButtons* job_ = nullptr;
    QPlainTextEdit* result_ = nullptr;
    QTimer* redraw_ = nullptr;
};

}  // namespace as::gui
