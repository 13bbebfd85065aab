#pragma once
// A form built from parameter descriptions (as::ParamSpec): one spin box or combo box per
// parameter with its label, unit, range, step, decimals and tooltip. Each committed edit (Enter,
// focus leaving, an arrow click, a combo choice) emits edited(key, old, new) exactly once; the
// owner validates it and either applies it or calls setValue() back and showError(rule).
#include <QMap>
#include <QString>
#include <QWidget>
#include <vector>

#include "core/ParamSpec.h"

class QFormLayout;
class QLabel;

namespace as::widgets {

class ParameterForm : public QWidget {
    Q_OBJECT
  public:
    explicit ParameterForm(const std::vector<as::ParamSpec>& specs, QWidget* parent = nullptr);
    /// Sets the shown values without emitting edited(); unknown keys are ignored.
    void setValues(const QMap<QString, double>& values);
    void setValue(const QString& key, double value);
    double value(const QString& key) const;
    QStringList keys() const;
    /// The editor widget of a key (QDoubleSpinBox, QSpinBox or QComboBox), or nullptr.
    QWidget* editor(const QString& key) const;
    /// Shows a rule violation in red under the form; an empty text hides it.
    void showError(const QString& text);
    QString errorText() const;

  signals:
    void edited(const QString& key, double oldValue, double newValue);

  private:
    void commit(const QString& key, double v);
    struct Row {
        as::ParamSpec spec;
        QWidget* editor = nullptr;
        double committed = 0;
    };
    QMap<QString, Row> rows_;
    QStringList order_;
    QFormLayout* layout_;
    QLabel* error_;
    bool updating_ = false;
};

}  // namespace as::widgets
