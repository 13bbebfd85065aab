#pragma once
// The "Model" box of a lab that runs trained model files (the SDE and Generator labs): a chooser
// of the shipped models (and any fixed entries before them), Load… and Save… buttons with their
// file dialogs, and a line of information about the running model. The lab loads and saves; the
// box only asks.
#include <QGroupBox>
#include <QString>
#include <QStringList>
#include <functional>

class QComboBox;
class QLabel;

namespace as::gui {

class ModelFileBox : public QGroupBox {
    Q_OBJECT
  public:
    /// kind names the files in the dialogs ("SDE" → "Load SDE model"); saveName is the file name
    /// the save dialog offers.
    ModelFileBox(const QString& kind, const QString& saveName, QWidget* parent = nullptr);

    /// Adds an entry to the chooser: a file (path), or "" for a model that has none.
    void addEntry(const QString& name, const QString& path);
    /// Adds the shipped model files, named by their file names.
    void addFiles(const QStringList& paths);
    QComboBox* combo() const { return combo_; }
    /// Shows the running model in the chooser: the entry of `file` (none if it is ""), else an
    /// entry of its own named `name`, which stands until the next call.
    void showRunningFile(const QString& name, const QString& file);
    /// The same, for a chooser that knows its models by name: the entry named `name`.
    void showRunningNamed(const QString& name);
    /// Rich text under the buttons: what the running model is.
    void setInfo(const QString& text);

  public slots:
    /// A file dialog, then loadRequested(path).
    void chooseAndLoad();
    /// A file dialog, then saveRequested(path).
    void chooseAndSave();

  signals:
    /// An entry of the chooser was picked other than the running model's own: its path ("" for
    /// an entry without a file).
    void entryChosen(const QString& path);
    void loadRequested(const QString& path);
    void saveRequested(const QString& path);

  private:
    /// Drops the running model's own entry, then selects entry(), or (-1) a new own entry.
    void showRunning(const QString& name, const std::function<int()>& entry);

    QString kind_, saveName_;
    QComboBox* combo_ = nullptr;
    QLabel* info_ = nullptr;
};

}  // namespace as::gui
