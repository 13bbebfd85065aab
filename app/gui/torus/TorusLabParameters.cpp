// TorusLab's parameter dock: the four forms (torus, trajectory, rings and sheet, heading), bound to
// the controller's parameters as checked, undoable edits (ParameterBinding), and startup --set
// overrides. (The rest of the lab: TorusLab.cpp.)
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"
#include "widgets/common/ParameterForm.h"

namespace as::gui {
namespace {

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
    auto* c = controller_.get();
    using B = ParameterBinding;
    B::Access hd2d = B::of<as::TorusParams>(
        [c] { return c->hd2dParams(); }, [c](const auto& p) { c->setHd2dParams(p); },
        [](const as::TorusParams& p) { as::Hd2dSimulation::checkParams(p); });
    hd2d.specs = hd2dSpecs();
    B::Access heading = B::of<as::TrajectoryParams>([c] { return c->heading(); },
                                                    [c](const auto& t) { c->setHeading(t); });
    heading.specs = headingSpecs();
    B::Access access[4] = {B::of<as::TorusParams>([c] { return c->torusParams(); },
                                                  [c](const auto& p) { c->setTorusParams(p); }),
                           B::of<as::TrajectoryParams>([c] { return c->trajectory(); },
                                                       [c](const auto& t) { c->setTrajectory(t); }),
                           hd2d, heading};
    static const char* groups[4] = {"torus", "trajectory", "hd2d", "heading"};
    for (int f = 0; f < 4; ++f) {
        auto* b = new ParameterBinding(groups[f], access[f], forms_[std::size_t(f)], undo_, this);
        if (f >= kHd2dForm) b->setLabelFormat(tr("%1 (head direction)"));
        connect(b, &ParameterBinding::refused, this, [this, b](const QString& rule) {
            syncForms();
            emit statusMessage(tr("Refused: %1").arg(rule), 8000);
        });
        connect(b, &ParameterBinding::applied, this, [this] { syncForms(); });
        bindings_.push_back(b);
    }
    dockPages_ = new QStackedWidget;
    for (int page = 0; page < 2; ++page) {
        auto* w = new QWidget;
        auto* lay = new QVBoxLayout(w);
        for (int f = 2 * page; f < 2 * page + 2; ++f) {
            lay->addWidget(titled(tr(titles[f]), forms_[std::size_t(f)]));
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
    for (auto* b : bindings_) b->sync();
    for (auto* f : forms_) f->showError({});
    trajectoryCombo_->setCurrentIndex(
        int(page() == 0 ? controller_->trajectory().kind : controller_->heading().kind));
}

bool TorusLab::requestEdit(int form, const QString& key, double newValue) {
    return bindings_[std::size_t(form)]->edit(key, newValue);
}

QString TorusLab::applySetting(const QString& section, const QString& key, const QString& value) {
    const bool grid = section == "torus";
    if (!grid && section != "hd2d") return tr("lab 'torus' has no part '%1'").arg(section);
    ParameterBinding* model = bindings_[grid ? kTorusForm : kHd2dForm];
    ParameterBinding* path = bindings_[grid ? kTrajectoryForm : kHeadingForm];
    for (auto* b : {model, path})
        if (b->has(key)) return b->applySetting(key, value, section);
    return unknownParameter(key, section, model->keys() + path->keys());
}

bool TorusLab::showSection(const QString& id) {
    if (id != "torus" && id != "hd2d") return false;
    showPage(id == "torus" ? 0 : 1);
    return true;
}

}  // namespace as::gui
