#pragma once
// The robustness table in the layout of seed 002 Table 1: one row per model, columns MNIST and the
// eight corruptions, cells "mean ± std" over seeds. Filled live by an EvaluationRunner (the current
// model and the shipped ones; image count and seed count chosen here; progress and Cancel) or from
// a CSV written by `attractor-cli sde eval --csv` (Load CSV…). The caption says where the numbers
// came from.
#include <QWidget>
#include <memory>
#include <vector>

#include "app/gui/framework/JobButtons.h"
#include "app/gui/sde/RobustnessCsv.h"

namespace as::sde {
class SdeModel;
}

class QCheckBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace as::gui {

class EvaluationRunner;

class RobustnessTable : public QWidget {
    Q_OBJECT
  public:
    explicit RobustnessTable(QWidget* parent = nullptr);
    ~RobustnessTable() override;

    /// The model evaluated as the first row of a run (nullptr: only the shipped models).
    void setCurrentModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name);

    void setRecords(std::vector<RobustnessRecord> records, const QString& caption);
    const std::vector<RobustnessRecord>& records() const { return records_; }
    /// No records; the caption says how to get some.
    void clear();
    static QString emptyCaption();
    /// The table measured for the shipped training recipe (measuredCsvPath(): every Table 1 model
    /// trained with 3 seeds; docs/models/sde-classifier.md), what the lab shows when it opens;
    /// clear() when the file is missing or unreadable.
    void showMeasured();
    static QString measuredCsvPath();
    /// Reads a CSV (RobustnessCsv format) into the table; "" or the parse error (the table is
    /// kept).
    QString loadCsv(const QString& path);
    /// Loads the records of a merged sweep of `sde eval` (resources/sweeps/sde_table1.json,
    /// sde/RobustnessSweep.h); loadCsv() takes a .h5 path here too. "" or the refusal.
    QString loadSweep(const QString& path);
    /// Writes the records; "" or an error naming the file.
    QString saveCsv(const QString& path) const;
    QString caption() const;

    /// Starts an evaluation run with the chosen image and seed counts (as the Run button does).
    void runEvaluation();
    void cancelEvaluation();
    bool evaluating() const;
    void setImageCount(int n);
    /// Appends the paper's four Table 1 rows (grey, italic) for comparison; on by default.
    void setShowPaper(bool on);
    void setSeedCount(int n);

    QTableWidget* table() const { return table_; }
    /// The text shown in a cell (row = model in order of appearance, column = columnKeys()).
    QString cellText(int row, int column) const;
    void setDark(bool dark);

  signals:
    void statusMessage(const QString& text, int timeoutMs);
    /// An evaluation run ended (completed or not).
    void evaluationFinished(bool completed);

  private:
    void rebuild();
    void chooseCsv();
    void chooseSaveCsv();

    std::vector<RobustnessRecord> records_;
    std::shared_ptr<const as::sde::SdeModel> current_;
    QString currentName_;
    std::unique_ptr<EvaluationRunner> runner_;

    QTableWidget* table_ = nullptr;
    QLabel* caption_ = nullptr;
    QSpinBox* countSpin_ = nullptr;
    QSpinBox* seedSpin_ = nullptr;
    JobButtons* job_ = nullptr;
    QCheckBox* paperCheck_ = nullptr;
    QLabel* progressText_ = nullptr;
};

}  // namespace as::gui
