#include "app/gui/framework/ParameterBinding.h"

#include <QMap>
#include <QUndoStack>
#include <exception>

#include "app/gui/framework/ParameterEditCommand.h"
#include "widgets/common/ParameterForm.h"

namespace as::gui {

ParameterBinding::ParameterBinding(QString group, Access access, widgets::ParameterForm* form,
                                   QUndoStack* undo, QObject* parent)
    : QObject(parent),
      group_(std::move(group)),
      access_(std::move(access)),
      form_(form),
      undo_(undo) {
    if (form_)
        connect(form_, &widgets::ParameterForm::edited, this,
                [this](const QString& key, double, double v) { edit(key, v); });
}

bool ParameterBinding::has(const QString& key) const {
    return as::findSpec(access_.specs, key.toStdString()) != nullptr;
}

QStringList ParameterBinding::keys() const {
    QStringList out;
    for (const auto& s : access_.specs) out << QString::fromStdString(s.key);
    return out;
}

double ParameterBinding::value(const QString& key) const {
    return access_.get(key.toStdString());
}

QString ParameterBinding::label(const QString& key) const {
    const auto* spec = as::findSpec(access_.specs, key.toStdString());
    return labelFormat_.arg(spec ? QString::fromStdString(spec->label) : key);
}

bool ParameterBinding::edit(const QString& key, double value) {
    const std::string k = key.toStdString();
    double old = 0;
    try {
        old = access_.get(k);
        access_.check(k, value);
    } catch (const std::exception& e) {
        const QString rule = QString::fromUtf8(e.what());
        sync();  // the form goes back to the running value
        emit refused(rule);
        if (form_) form_->showError(rule);
        return false;
    }
    if (form_) form_->showError({});
    if (old == value) {
        emit applied(key);  // nothing to undo; controls that showed another value follow
        return true;
    }
    const QString text = undoText_ ? undoText_(key, value) : QString();
    QUndoCommand* c = nullptr;
    if (makeCommand_) {
        c = makeCommand_(
            key, old, value,
            text.isEmpty() ? tr("Set %1 to %2").arg(label(key)).arg(value, 0, 'g', 6) : text);
    } else {
        c = new ParameterEditCommand(
            [this](const QString&, const QString& k2, double v) { apply(k2, v); }, group_, key, old,
            value, label(key));
        if (!text.isEmpty()) c->setText(text);
    }
    undo_->push(c);
    return true;
}

void ParameterBinding::apply(const QString& key, double value) {
    QString error;
    try {
        access_.apply(key.toStdString(), value);
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    }
    sync();
    emit applied(key);
    if (form_) form_->showError(error);
}

QString ParameterBinding::applySetting(const QString& key, const QString& text,
                                       const QString& lab) {
    const std::string k = key.toStdString();
    double v = 0;
    try {
        v = access_.parse(k, text.toStdString());
        access_.check(k, v);
    } catch (const std::exception& e) {
        return tr("--set %1=%2 refused by lab '%3': %4")
            .arg(key, text, lab, QString::fromUtf8(e.what()));
    }
    edit(key, v);
    return {};
}

void ParameterBinding::sync() {
    if (!form_) return;
    QMap<QString, double> values;
    for (const auto& s : access_.specs)
        values.insert(QString::fromStdString(s.key), access_.get(s.key));
    form_->setValues(values);
}

QString unknownParameter(const QString& key, const QString& lab, const QStringList& known) {
    return QObject::tr("unknown parameter '%1' for lab '%2' (known: %3)")
        .arg(key, lab, known.join(", "));
}

}  // namespace as::gui
