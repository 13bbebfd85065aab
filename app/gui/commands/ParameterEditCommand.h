#pragma once
// One undo step: a parameter of a group ("cann" or "stimulus") changed from old to new value.
#include <QString>
#include <QUndoCommand>
#include <functional>

namespace as::gui {

class ParameterEditCommand : public QUndoCommand {
  public:
    /// apply(group, key, value) sets the value live; it is called by redo() and undo().
    using Apply = std::function<void(const QString& group, const QString& key, double value)>;
    ParameterEditCommand(Apply apply, QString group, QString key, double oldValue, double newValue,
                         const QString& label);
    void undo() override;
    void redo() override;

  private:
    Apply apply_;
    QString group_, key_;
    double old_, new_;
};

}  // namespace as::gui
