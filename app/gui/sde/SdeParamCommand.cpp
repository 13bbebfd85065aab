#include "app/gui/sde/SdeParamCommand.h"

namespace as::gui {

SdeParamCommand::SdeParamCommand(Apply apply, Before before, const as::sde::SdeParams& after,
                                 const QString& text)
    : apply_(std::move(apply)), before_(std::move(before)), after_(after) {
    setText(text);
}

void SdeParamCommand::undo() {
    apply_(before_.params, before_.model ? &before_ : nullptr);
}
void SdeParamCommand::redo() {
    apply_(after_, nullptr);
}

}  // namespace as::gui
