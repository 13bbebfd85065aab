// SdeLab's startup `--set key=value` (attractor-studio --lab sde --set beta=0.5): an SdeParams key
// applied as the parameter dock's edit would be.
#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/sde/SdeLab.h"

namespace as::gui {

QString SdeLab::applySetting(const QString& section, const QString& key, const QString& value) {
    (void)section;
    if (!binding_->has(key)) return unknownParameter(key, labId(), binding_->keys());
    return binding_->applySetting(key, value, labId());
}

}  // namespace as::gui
