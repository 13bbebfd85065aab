// EiLab's parameters: the toolbar's mode, N_E, bump and position as checked, undoable edits
// (ParameterBinding), and startup --set overrides that rebuild the network. (The rest of the lab:
// EiLab.cpp.)
#include <QCheckBox>
#include <QComboBox>
#include <QSlider>
#include <QSpinBox>
#include <numbers>

#include "app/gui/ei/EiController.h"
#include "app/gui/ei/EiLab.h"
#include "app/gui/framework/ParameterBinding.h"

namespace as::gui {
void EiLab::setMode(as::EiMode m) {
    setValue("mode", int(m));
}

// One undo step from the current value to `v` (pushing applies it); no step if nothing changes.
// The controls call this after they already show the new value, so the old one is the model's.
void EiLab::setValue(const QString& key, double v) {
    binding_->edit(key, v);
}

// The toolbar's mode, N_E, bump and position as checked, undoable edits: the EiParams keys with
// their description, the stimulus (not a parameter of the network) with its own two.
void EiLab::bindControls() {
    as::ParamSpec mode = *as::findSpec(as::EiParams::specs(), "mode");
    as::ParamSpec ne = *as::findSpec(as::EiParams::specs(), "NE");
    mode.label = tr("E-I mode").toStdString();
    ne.label = "N_E";
    ParameterBinding::Access a;
    a.specs = {mode,
               ne,
               {.key = "bump", .label = "bump", .choices = {"off", "on"}},
               {.key = "position_deg",
                .label = tr("bump position (deg)").toStdString(),
                .unit = "deg",
                .min = -180,
                .max = 180,
                .integer = true}};
    a.get = [this](const std::string& k) {
        return k == "bump" ? lastBump_ : k == "position_deg" ? lastPositionDeg_ : params_.get(k);
    };
    a.check = [this, specs = a.specs](const std::string& k, double v) {
        const as::ParamSpec* spec = as::findSpec(specs, k);
        if (!spec) throw as::ParamError("unknown control '" + k + "'");
        spec->checkValue(v);
    };
    a.apply = [this, check = a.check](const std::string& k, double v) {
        check(k, v);
        if (k == "bump" || k == "position_deg") {
            (k == "bump" ? lastBump_ : lastPositionDeg_) = v;
            controller_->setBump(lastBump_ != 0, lastPositionDeg_ * std::numbers::pi / 180.0);
        } else {
            params_.set(k, v);
            if (k == "mode") controller_->setMode(params_.mode);
        }
    };
    a.parse = [](const std::string& k, const std::string& text) {
        return as::EiParams::parse(k, text);
    };
    binding_ = new ParameterBinding("ei", a, nullptr, undo_, this);
    binding_->setUndoText([this](const QString& key, double v) {
        if (key == "mode") return tr("Switch E-I mode to %1").arg(modeCombo_->itemText(int(v)));
        if (key == "bump")
            return v != 0 ? tr("Switch the E-I bump on") : tr("Switch the E-I bump off");
        return QString();
    });
    connect(binding_, &ParameterBinding::applied, this, &EiLab::syncControls);
}

void EiLab::syncControls() {
    const QSignalBlocker b1(modeCombo_), b2(neSpin_), b3(bumpCheck_), b4(positionSlider_);
    modeCombo_->setCurrentIndex(int(params_.mode));
    neSpin_->setValue(params_.NE);
    bumpCheck_->setChecked(lastBump_ != 0);
    positionSlider_->setValue(int(lastPositionDeg_));
}

void EiLab::applyParams(const as::EiParams& p) {
    params_ = p;
    syncControls();
    controller_->reset(params_);
}

QString EiLab::applySetting(const QString& section, const QString& key, const QString& value) {
    (void)section;
    const std::string k = key.toStdString();
    if (!as::findSpec(as::EiParams::specs(), k)) {
        QStringList known;
        for (const auto& sp : as::EiParams::specs()) known << QString::fromStdString(sp.key);
        return unknownParameter(key, labId(), known);
    }
    as::EiParams p = params_;
    try {
        p.set(k, as::EiParams::parse(k, value.toStdString()));
        p.check();
    } catch (const std::exception& e) {
        return tr("--set %1=%2 refused by lab 'ei': %3")
            .arg(key, value, QString::fromUtf8(e.what()));
    }
    applyParams(p);
    return {};
}

}  // namespace as::gui
