#pragma once
// Asks which view to export, the format (PNG, SVG, PDF), the PNG size (by default the width, with
// the height from the view's aspect) and DPI, the colours (light by default, dark, as on screen)
// and the file name.
#include <QDialog>
#include <QStringList>

#include "FigureExport.h"

class QCheckBox;
class QComboBox;
class QSpinBox;
class QLineEdit;

namespace as::widgets {

class ExportFigureDialog : public QDialog {
    Q_OBJECT
  public:
    /// targets: names of the views the caller can export ("Ring view", "Whole lab", ...);
    /// a defaultPixels height of 0 starts with the height from the view's aspect.
    ExportFigureDialog(const QStringList& targets, QSize defaultPixels, QWidget* parent = nullptr);
    /// The views' sizes on screen (one per target), to show the height their aspect gives.
    void setViewSizes(const QList<QSize>& sizes);
    int target() const;
    void setTarget(int index);
    FigureOptions options() const;
    /// Shows these choices (e.g. the last export's); the format follows the path (setPath).
    void setOptions(const FigureOptions& options);
    QString path() const;
    void setPath(const QString& path);

  private:
    void browse();
    void formatChanged();
    void updateHeight();
    QList<QSize> viewSizes_;
    QComboBox* target_;
    QComboBox* format_;
    QComboBox* theme_;
    QCheckBox* fromAspect_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* dpi_;
    QLineEdit* path_;
};

}  // namespace as::widgets
