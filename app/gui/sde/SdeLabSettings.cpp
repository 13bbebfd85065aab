// SdeLab's startup `--set key=value` (attractor-studio --lab sde --set beta=0.5): an SdeParams key
// applied as the parameter dock's edit would be.
#include <QStringList>

#include "app/gui/sde/SdeLab.h"

namespace as::gui {

QString SdeLab::applySetting(const QString& section, const QString& key, const QString& value) {
    (void)section;
    const std::string k = key.toStdString();
    if (!as::findSpec(as::sde::SdeParams::specs(), k)) {
        QStringList known;
        for (const auto& sp : as::sde::SdeParams::specs()) known << QString::fromStdString(sp.key);
        return tr("unknown parameter '%1' for lab 'sde' (known: %2)").arg(key, known.join(", "));
    }
    double v = 0;
    try {
        v = as::sde::SdeParams::parse(k, value.toStdString());
    } catch (const std::exception& e) {
        return tr("--set %1=%2 for lab 'sde': %3").arg(key, value, QString::fromUtf8(e.what()));
    }
    try {  // the rule in words (the form's error line is hidden before the window is shown)
        as::sde::SdeParams p = params_;
        p.set(k, v);
        p.check();
    } catch (const std::exception& e) {
        return tr("--set %1=%2 refused by lab 'sde': %3")
            .arg(key, value, QString::fromUtf8(e.what()));
    }
    requestEdit(key, v);
    return {};
}

}  // namespace as::gui
