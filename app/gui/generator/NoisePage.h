#pragma once
// The Generator lab's Noise page (seed 002 Fig. 11): the feature-space Fréchet distance of
// generated images against the test set, as a function of the latent noise eps, with error bars
// (mean ± standard deviation over seeds), read from the runs the CLI writes
// (resources/generator/fd_eps_012.csv, or a CSV the user opens: columns eps and fd, optional
// fd_floor and class_agreement, one row per run).
#include <QString>
#include <map>
#include <vector>

#include "app/gui/generator/GeneratorPage.h"

class QLabel;

namespace as::widgets {
class ErrorBarPlot;
}

namespace as::gui {

class NoisePage : public GeneratorPage {
    Q_OBJECT
  public:
    struct Point {
        double eps = 0, mean = 0, sd = 0, agreement = -1;
        int runs = 0;
    };
    explicit NoisePage(GeneratorController* controller, QWidget* parent = nullptr);

    /// Reads a runs CSV, or a merged sweep (a .h5 path: loadSweep); returns "" or the error
    /// (naming the file and the line).
    QString loadCsv(const QString& path);
    /// Reads a merged sweep of generator fid over eps (resources/sweeps/generator_fd_eps.json).
    QString loadSweep(const QString& path);
    const std::vector<Point>& points() const { return points_; }
    static QString shippedCsv();
    widgets::ErrorBarPlot* plot() const { return plot_; }
    void shown() override;
    void setDark(bool dark) override;

  private:
    using Runs =
        std::map<double, std::vector<std::pair<double, double>>>;  // eps -> (fd, agreement)
    QString showRuns(const Runs& runs, const std::vector<double>& floors, const QString& path,
                     bool withAgreement);
    std::vector<Point> points_;
    double floor_ = -1;
    QLabel* info_;
    widgets::ErrorBarPlot* plot_;
    bool loaded_ = false;
};

}  // namespace as::gui
