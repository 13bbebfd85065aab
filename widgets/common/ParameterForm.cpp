#include "widgets/common/ParameterForm.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <climits>
#include <cmath>

namespace as::widgets {

ParameterForm::ParameterForm(const std::vector<as::ParamSpec>& specs, QWidget* parent)
    : QWidget(parent), layout_(new QFormLayout), error_(new QLabel) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Narrow (1024×700 in presentation mode), a long row puts its field under its label
    // rather than widening the panel past the window.
    layout_->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout_->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    outer->addLayout(layout_);
    error_->setWordWrap(true);
    error_->setStyleSheet("QLabel { color: #d62728; font-weight: bold; }");
    error_->setObjectName("parameterError");
    error_->hide();
    outer->addWidget(error_);
    outer->addStretch(1);

    for (const auto& spec : specs) {
        const QString key = QString::fromStdString(spec.key);
        Row row{spec, nullptr, spec.defaultValue};
        const QString tip = QString::fromStdString(spec.help());  // with the range and unit
        if (!spec.choices.empty()) {
            auto* cb = new QComboBox;
            for (const auto& c : spec.choices) cb->addItem(QString::fromStdString(c));
            cb->setCurrentIndex(int(spec.defaultValue));
            connect(cb, &QComboBox::currentIndexChanged, this,
                    [this, key](int i) { commit(key, double(i)); });
            row.editor = cb;
        } else if (spec.integer && spec.formLow() >= INT_MIN && spec.formHigh() <= INT_MAX) {
            auto* sb = new QSpinBox;
            sb->setRange(int(spec.formLow()), int(spec.formHigh()));  // within an int (above)
            sb->setSingleStep(std::max(1, int(spec.step)));
            sb->setValue(int(spec.defaultValue));
            sb->setKeyboardTracking(false);  // valueChanged only on a committed edit
            connect(sb, &QSpinBox::valueChanged, this, [this, key](int v) { commit(key, v); });
            row.editor = sb;
        } else {
            // Also whole numbers past an int's range (seeds up to 2^32 - 1): a double holds every
            // whole number up to 2^53 exactly, shown without decimals.
            auto* sb = new QDoubleSpinBox;
            sb->setDecimals(spec.integer ? 0 : spec.decimals);
            sb->setRange(spec.formLow(), spec.formHigh());
            sb->setSingleStep(spec.step);
            sb->setValue(spec.defaultValue);
            sb->setKeyboardTracking(false);
            if (!spec.unit.empty()) sb->setSuffix(" " + QString::fromStdString(spec.unit));
            connect(sb, &QDoubleSpinBox::valueChanged, this,
                    [this, key](double v) { commit(key, v); });
            row.editor = sb;
        }
        row.editor->setToolTip(tip);
        row.editor->setObjectName(key);
        QString label = QString::fromStdString(spec.label);
        if (!spec.unit.empty()) label += " (" + QString::fromStdString(spec.unit) + ")";
        auto* l = new QLabel(label + ":");
        l->setToolTip(tip);
        l->setBuddy(row.editor);
        layout_->addRow(l, row.editor);
        rows_.insert(key, row);
        order_ << key;
    }
}

QStringList ParameterForm::keys() const {
    return order_;
}

QWidget* ParameterForm::editor(const QString& key) const {
    auto it = rows_.find(key);
    return it == rows_.end() ? nullptr : it->editor;
}

void ParameterForm::commit(const QString& key, double v) {
    if (updating_) return;
    Row& row = rows_[key];
    if (v == row.committed) return;
    const double old = row.committed;
    row.committed = v;
    emit edited(key, old, v);
}

void ParameterForm::setValue(const QString& key, double v) {
    auto it = rows_.find(key);
    if (it == rows_.end()) return;
    updating_ = true;
    if (auto* cb = qobject_cast<QComboBox*>(it->editor))
        cb->setCurrentIndex(int(v));
    else if (auto* sb = qobject_cast<QSpinBox*>(it->editor))
        sb->setValue(int(std::lround(v)));
    else if (auto* ds = qobject_cast<QDoubleSpinBox*>(it->editor))
        ds->setValue(v);
    updating_ = false;
    it->committed = value(key);
}

void ParameterForm::setValues(const QMap<QString, double>& values) {
    for (auto it = values.begin(); it != values.end(); ++it) setValue(it.key(), it.value());
}

double ParameterForm::value(const QString& key) const {
    auto it = rows_.find(key);
    if (it == rows_.end()) return 0.0;
    if (auto* cb = qobject_cast<QComboBox*>(it->editor)) return cb->currentIndex();
    if (auto* sb = qobject_cast<QSpinBox*>(it->editor)) return sb->value();
    if (auto* ds = qobject_cast<QDoubleSpinBox*>(it->editor)) return ds->value();
    return 0.0;
}

void ParameterForm::showError(const QString& text) {
    error_->setText(text);
    error_->setVisible(!text.isEmpty());
}

QString ParameterForm::errorText() const {
    return error_->isVisible() ? error_->text() : QString();
}

}  // namespace as::widgets
