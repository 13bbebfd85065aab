#include "commands/ParameterEditCommand.h"

namespace as::gui {

ParameterEditCommand::ParameterEditCommand(Apply apply, QString group, QString key, double oldValue,
                                           double newValue, const QString& label)
    : apply_(std::move(apply)),
      group_(std::move(group)),
      key_(std::move(key)),
      old_(oldValue),
      new_(newValue) {
    setText(QObject::tr("Set %1 to %2").arg(label).arg(newValue, 0, 'g', 6));
}

void ParameterEditCommand::undo() {
    apply_(group_, key_, old_);
}
void ParameterEditCommand::redo() {
    apply_(group_, key_, new_);
}

}  // namespace as::gui
