#pragma once
// Asks which view to export, the format (PNG, SVG, PDF), the PNG size and DPI and the file name.
#include <QDialog>
#include <QStringList>

#include "FigureExport.h"

class QComboBox;
class QSpinBox;
class QLineEdit;

namespace as::widgets {

class ExportFigureDialog : public QDialog {
    Q_OBJECT
public:
    /// targets: names of the views the caller can export ("Ring view", "Whole lab", ...).
    ExportFigureDialog(const QStringList& targets, QSize defaultPixels, QWidget* parent = nullptr);
    int target() const;
    FigureOptions options() const;
    QString path() const;
    void setPath(const QString& path);

private:
    void browse();
    void formatChanged();
    QComboBox* target_;
    QComboBox* format_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* dpi_;
    QLineEdit* path_;
};

}  // namespace as::widgets
