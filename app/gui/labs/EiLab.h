#pragma once
// The E-I spiking lab (seed 001): a scrolling raster of E, I_p and I_d, population rates, the
// decoded position with its confidence, mode toggles that act on the running network, a bump the
// user switches and moves, and the protocol runner (progress, Cancel, result panel, CSV).
#include <QString>
#include <memory>

#include "labs/Lab.h"
#include "spiking/EiParams.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QCheckBox;
class QSlider;
class QSpinBox;
class QTimer;
class QAction;

namespace as::widgets {
class ConfidenceDecodePlot;
class SpikeRaster;
class TraceChart;
}  // namespace as::widgets

namespace as::gui {

class EiController;

class EiLab : public Lab {
    Q_OBJECT
public:
    explicit EiLab(QWidget* parent = nullptr);
    ~EiLab() override;

    QString labId() const override { return QStringLiteral("ei"); }
    QString title() const override { return tr("E-I spiking"); }
    QWidget* statusWidget() const override;
    std::vector<std::pair<QString, QWidget*>> exportTargets() override;
    QString exportCsv(const QString& path) override;
    void setDark(bool dark) override;
    void writeSession(hid_t root) override;
    std::function<void()> prepareLoad(hid_t root) override;
    void resetToDefaults() override;
    void setActive(bool active) override;

    EiController* controller() const { return controller_.get(); }
    /// Starts the selected protocol (as the Run button does).
    void runSelectedProtocol();
    QString resultText() const;
    void setProtocol(const QString& name);
    void setMode(as::EiMode m);
    /// A startup `--set key=value` (an EiParams key): the network is rebuilt with it.
    QString applySetting(const QString& section, const QString& key, const QString& value) override;

private:
    void buildUi();
    void refresh();
    void applyParams(const as::EiParams& p);
    void showLambda0(const QString& csv);

    std::unique_ptr<EiController> controller_;
    as::EiParams params_;
    QString protocolCsv_;
    bool active_ = true, wantPlay_ = true;
    quint64 lastSerial_ = ~0ull;
    double ratesTop_ = 100;

    as::widgets::SpikeRaster* raster_ = nullptr;
    as::widgets::TraceChart* rates_ = nullptr;
    as::widgets::ConfidenceDecodePlot* decode_ = nullptr;
    as::widgets::TraceChart* currents_ = nullptr;
    as::widgets::TraceChart* lambda_ = nullptr;
    QAction* playAction_ = nullptr;
    QComboBox* modeCombo_ = nullptr;
    QComboBox* protocolCombo_ = nullptr;
    QSpinBox* neSpin_ = nullptr;
    QSpinBox* durationSpin_ = nullptr;
    QCheckBox* bumpCheck_ = nullptr;
    QSlider* positionSlider_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPlainTextEdit* result_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* redraw_ = nullptr;
};

}  // namespace as::gui
