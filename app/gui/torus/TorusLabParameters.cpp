// TorusLab's parameter dock: the four forms (torus, trajectory, rings and sheet, heading), their
// checked edits as undo steps, and startup --set overrides. (The rest of the lab: TorusLab.cpp.)
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

#include "app/gui/framework/ParameterEditCommand.h"
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"
#include "core/ParamAccess.h"
#include "widgets/common/ParameterForm.h"

namespace as::gui {
namespace {

/// Undo-command group names of the four forms (ParameterEditCommand's group).
const char* const kFormGroups[4] = {"torus", "trajectory", "hd2d", "heading"};

template <class P>
QMap<QString, double> valuesOf(const P& p) {
    QMap<QString, double> m;
    for (const auto& s : P::specs()) m.insert(QString::fromStdString(s.key), p.get(s.key));
    return m;
}

std::vector<as::ParamSpec> hd2dSpecs() {
    std::vector<as::ParamSpec> out;
    for (const auto& s : as::TorusParams::specs())
        if (s.key != "dims" && s.key.rfind("spacing_", 0) != 0) out.push_back(s);
    return out;
}

/// The trajectory's specs for the heading: the same keys with angles instead of lengths.
std::vector<as::ParamSpec> headingSpecs() {
    std::vector<as::ParamSpec> out = as::TrajectoryParams::specs();
    for (auto& s : out) {
        if (s.unit == "cm/ms") s.unit = "rad/ms";
        if (s.unit == "cm") s.unit = "rad";
        const auto swap = [&](const std::string& from, const std::string& to) {
            for (std::size_t at; (at = s.tooltip.find(from)) != std::string::npos;)
                s.tooltip.replace(at, from.size(), to);
        };
        swap("cm/ms", "rad/ms");
        swap("(cm)", "(rad)");
    }
    return out;
}

QWidget* titled(const QString& title, QWidget* w) {
    auto* box = new QWidget;
    auto* lay = new QVBoxLayout(box);
    lay->setContentsMargins(2, 2, 2, 2);
    auto* label = new QLabel("<b>" + title + "</b>");
    lay->addWidget(label);
    lay->addWidget(w);
    return box;
}

}  // namespace

void TorusLab::buildDock() {
    forms_ = {new widgets::ParameterForm(as::TorusParams::specs()),
              new widgets::ParameterForm(as::TrajectoryParams::specs()),
              new widgets::ParameterForm(hd2dSpecs()), new widgets::ParameterForm(headingSpecs())};
    static const char* titles[4] = {"Torus CANN", "Trajectory (cm, ms)", "Rings and sheet",
                                    "Heading (rad, ms)"};
    dockPages_ = new QStackedWidget;
    for (int page = 0; page < 2; ++page) {
        auto* w = new QWidget;
        auto* lay = new QVBoxLayout(w);
        for (int f = 2 * page; f < 2 * page + 2; ++f) {
            lay->addWidget(titled(tr(titles[f]), forms_[std::size_t(f)]));
            connect(forms_[std::size_t(f)], &widgets::ParameterForm::edited, this,
                    [this, f](const QString& key, double, double n) { requestEdit(f, key, n); });
        }
        lay->addStretch(1);
        auto* scroll = new QScrollArea;
        scroll->setWidget(w);
        scroll->setWidgetResizable(true);
        dockPages_->addWidget(scroll);
    }
    auto* dock = new QDockWidget(tr("Parameters"), this);
    dock->setObjectName("torusParameters");
    dock->setWidget(dockPages_);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

void TorusLab::syncForms() {
    forms_[kTorusForm]->setValues(valuesOf(controller_->torusParams()));
    forms_[kTrajectoryForm]->setValues(valuesOf(controller_->trajectory()));
    forms_[kHd2dForm]->setValues(valuesOf(controller_->hd2dParams()));
    forms_[kHeadingForm]->setValues(valuesOf(controller_->heading()));
    for (auto* f : forms_) f->showError({});
    trajectoryCombo_->setCurrentIndex(
        int(page() == 0 ? controller_->trajectory().kind : controller_->heading().kind));
}

void TorusLab::validated(int form, const std::string& key, double value) const {
    if (form == kTorusForm || form == kHd2dForm) {
        as::TorusParams p =
            form == kTorusForm ? controller_->torusParams() : controller_->hd2dParams();
        p.set(key, value);
        if (form == kTorusForm)
            p.check();
        else
            as::Hd2dSimulation::checkParams(p);
    } else {
        as::TrajectoryParams t =
            form == kTrajectoryForm ? controller_->trajectory() : controller_->heading();
        t.set(key, value);
        t.check();
    }
}

// Validates an edit on a copy of the intended parameters; refused values stay in the form's error,
// accepted ones become one undo step (pushing it applies it).
bool TorusLab::requestEdit(int form, const QString& key, double newValue) {
    widgets::ParameterForm* f = forms_[std::size_t(form)];
    const std::string k = key.toStdString();
    double oldValue = 0;
    try {
        oldValue = form == kTorusForm        ? controller_->torusParams().get(k)
                   : form == kHd2dForm       ? controller_->hd2dParams().get(k)
                   : form == kTrajectoryForm ? controller_->trajectory().get(k)
                                             : controller_->heading().get(k);
        validated(form, k, newValue);
    } catch (const as::ParamError& e) {
        syncForms();
        f->showError(QString::fromUtf8(e.what()));
        emit statusMessage(tr("Refused: %1").arg(QString::fromUtf8(e.what())), 8000);
        return false;
    }
    if (oldValue == newValue) return true;
    const auto* spec =
        as::findSpec(form == kTorusForm || form == kHd2dForm ? as::TorusParams::specs()
                                                             : as::TrajectoryParams::specs(),
                     k);
    QString label = spec ? QString::fromStdString(spec->label) : key;
    if (form >= kHd2dForm) label = tr("%1 (head direction)").arg(label);
    undo_->push(new ParameterEditCommand(
        [this](const QString& group, const QString& k2, double v) {
            apply(int(std::find(std::begin(kFormGroups), std::end(kFormGroups), group) -
                      std::begin(kFormGroups)),
                  k2, v);
        },
        kFormGroups[form], key, oldValue, newValue, label));
    return true;
}

// Sets a value live (an undo command's redo or undo). Values were checked when the command was
// made; a refusal here (a later edit made them inconsistent) is shown under the form.
void TorusLab::apply(int form, const QString& key, double value) {
    const std::string k = key.toStdString();
    try {
        validated(form, k, value);
        if (form == kTorusForm || form == kHd2dForm) {
            as::TorusParams p =
                form == kTorusForm ? controller_->torusParams() : controller_->hd2dParams();
            p.set(k, value);
            if (form == kTorusForm)
                controller_->setTorusParams(p);
            else
                controller_->setHd2dParams(p);
        } else {
            as::TrajectoryParams t =
                form == kTrajectoryForm ? controller_->trajectory() : controller_->heading();
            t.set(k, value);
            if (form == kTrajectoryForm)
                controller_->setTrajectory(t);
            else
                controller_->setHeading(t);
        }
        syncForms();
    } catch (const as::ParamError& e) {
        syncForms();
        forms_[std::size_t(form)]->showError(QString::fromUtf8(e.what()));
    }
}

QString TorusLab::applySetting(const QString& section, const QString& key, const QString& value) {
    const bool grid = section == "torus";
    if (!grid && section != "hd2d") return tr("lab 'torus' has no part '%1'").arg(section);
    const std::string k = key.toStdString();
    const int modelForm = grid ? kTorusForm : kHd2dForm,
              pathForm = grid ? kTrajectoryForm : kHeadingForm;
    int form = -1;
    if (forms_[std::size_t(modelForm)]->keys().contains(key))
        form = modelForm;
    else if (forms_[std::size_t(pathForm)]->keys().contains(key))
        form = pathForm;
    if (form < 0) {
        QStringList known =
            forms_[std::size_t(modelForm)]->keys() + forms_[std::size_t(pathForm)]->keys();
        return tr("unknown parameter '%1' for lab '%2' (known: %3)")
            .arg(key, section, known.join(", "));
    }
    double v = 0;
    try {
        v = form == modelForm ? as::TorusParams::parse(k, value.toStdString())
                              : as::TrajectoryParams::parse(k, value.toStdString());
    } catch (const as::ParamError& e) {
        return tr("--set %1=%2 for lab '%3': %4")
            .arg(key, value, section, QString::fromUtf8(e.what()));
    }
    try {
        validated(
            form, k,
            v);  // the rule in words (the form's error line is hidden before the lab is shown)
    } catch (const as::ParamError& e) {
        return tr("--set %1=%2 refused by lab '%3': %4")
            .arg(key, value, section, QString::fromUtf8(e.what()));
    }
    requestEdit(form, key, v);
    return {};
}

bool TorusLab::showSection(const QString& id) {
    if (id != "torus" && id != "hd2d") return false;
    showPage(id == "torus" ? 0 : 1);
    return true;
}

}  // namespace as::gui
