#pragma once
// The SDE lab's analysis page (seed 002 §IV–§V): the Jacobian spectrum at a chosen planted
// attractor in the complex plane (Fig. 6) with its largest real part and slowest time constant,
// the Mahalanobis separations of the attractors (eq 19) from the linear-noise stationary
// covariances (Lyapunov equation) as a heatmap, and the robustness table (Table 1) filled by
// evaluation runs or from a CSV. The lab embeds it as a tab and hands it the current model; all
// heavy work (N = 784 eigenvalues and Lyapunov solves) runs in a background thread.
#include <QString>
#include <QWidget>
#include <memory>
#include <utility>
#include <vector>

namespace as::sde {
class SdeModel;
}
namespace as::widgets {
class SpectrumPlot;
class MatrixHeatmap;
}  // namespace as::widgets

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace as::gui {

class AnalysisRunner;
class FixedPointPanel;
class RobustnessTable;
struct AnalysisResult;

class SdeAnalysisPage : public QWidget {
    Q_OBJECT
  public:
    explicit SdeAnalysisPage(QWidget* parent = nullptr);
    ~SdeAnalysisPage() override;

    /// The model to analyse (recomputed in the background); nullptr clears the page.
    void setModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name);
    /// Spectrum, Mahalanobis matrix and robustness table, for File → Export figure.
    std::vector<std::pair<QString, QWidget*>> exportTargets();
    /// Writes the spectrum, the Mahalanobis matrix and the robustness table as CSV sections;
    /// returns "" or an error message naming the file.
    QString exportCsv(const QString& path);
    void setDark(bool dark);

    // For tests and the lab.
    bool busy() const;
    as::widgets::SpectrumPlot* spectrumPlot() const { return spectrum_; }
    as::widgets::MatrixHeatmap* mahalanobisView() const { return heatmap_; }
    RobustnessTable* robustnessTable() const { return table_; }
    /// Chooses the attractor whose spectrum is shown (as the combo does).
    void setAttractor(int l);
    /// Draws the spectrum of the model in this file as the comparison ("" removes it).
    void setComparisonFile(const QString& path);
    QString spectrumSummary() const;
    QString mahalanobisCaption() const;

  signals:
    void statusMessage(const QString& text, int timeoutMs);
    /// A background computation finished (spectrum or Mahalanobis), for tests.
    void computed();

  private:
    void buildUi();
    void request();
    void requestComparison();
    void updateBusy();
    void showResult(std::shared_ptr<const AnalysisResult> r);
    void showComparison(std::shared_ptr<const AnalysisResult> r);
    void showSpectrum();
    void showMahalanobis();

    std::shared_ptr<const as::sde::SdeModel> model_;
    QString name_;
    std::unique_ptr<AnalysisRunner> runner_, compareRunner_;
    std::shared_ptr<const AnalysisResult> last_, comparison_;

    as::widgets::SpectrumPlot* spectrum_ = nullptr;
    as::widgets::MatrixHeatmap* heatmap_ = nullptr;
    RobustnessTable* table_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QComboBox* attractorCombo_ = nullptr;
    QComboBox* compareCombo_ = nullptr;
    QComboBox* noiseCombo_ = nullptr;
    FixedPointPanel* fixedPoints_ = nullptr;
    QCheckBox* logCheck_ = nullptr;
    QLabel* spectrumInfo_ = nullptr;
    QLabel* heatmapInfo_ = nullptr;
    QProgressBar* busyBar_ = nullptr;
    QLabel* busyLabel_ = nullptr;
};

}  // namespace as::gui
