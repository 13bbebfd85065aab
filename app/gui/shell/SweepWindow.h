#pragma once
// File → Open Sweep… (docs/sweeps.md, "In the app"): a window on one merged sweep
// (<label>_merged.h5, io/SweepTable.h). It plots any result field against any parameter, mean ±
// std over the other parameters (seeds) with n beside each point, optionally one curve per value
// of a second parameter (io/SweepSeries.h), and lists every job with its status, parameters,
// results and log. The plot exports as PNG, SVG or PDF, the table as CSV.
#include <QString>
#include <QWidget>

#include "io/SweepTable.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace as::widgets {
class ErrorBarPlot;
}

namespace as::gui {

class SweepWindow : public QWidget {
    Q_OBJECT
  public:
    /// Reads `path`; on failure returns nullptr and sets *error to a message naming the file.
    static SweepWindow* open(const QString& path, QWidget* parent, QString* error);
    SweepWindow(SweepTable table, const QString& path, QWidget* parent = nullptr);

    /// Chooses what is plotted (labels as in the file; split empty: one curve). False if unknown.
    bool choose(const QString& xParam, const QString& field, const QString& split = {});
    widgets::ErrorBarPlot* plot() const { return plot_; }
    QTableWidget* table() const { return table_; }
    const SweepTable& sweep() const { return sweep_; }
    /// Writes the plot (format from the suffix) or the table (CSV); empty string or an error.
    QString exportPlot(const QString& path);
    QString exportTable(const QString& path);
    void setDark(bool dark);

  private:
    void buildTable();
    void replot();
    QString exportDialog(bool plot);

    SweepTable sweep_;
    QString path_;
    QComboBox *x_ = nullptr, *y_ = nullptr, *split_ = nullptr;
    QLabel* caption_ = nullptr;
    widgets::ErrorBarPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace as::gui
