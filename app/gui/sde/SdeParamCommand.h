#pragma once
// One undo step of the SDE lab's parameter dock: the parameters before and after an edit. When the
// edit re-planted the attractors (a structural value: N, C, pattern, node, c, beta, lambda, r), the
// step also keeps the model that was running, so Undo brings the trained weights back.
#include <QString>
#include <QUndoCommand>
#include <functional>
#include <memory>

#include "sde/SdeModelFile.h"

namespace as::gui {

class SdeParamCommand : public QUndoCommand {
  public:
    /// apply(params, model, name, trained): with a model, run that model (its params are `params`);
    /// without, set the parameters on the running model.
    struct Before {
        as::sde::SdeParams params;
        std::shared_ptr<const as::sde::SdeModel> model;  ///< kept only for a structural edit
        QString name;
        bool trained = false;
        as::sde::TrainingMeta meta;
    };
    /// apply(params, before): before == nullptr sets the parameters on the running model; else
    /// runs before->model again (its params are `params`).
    using Apply = std::function<void(const as::sde::SdeParams& params, const Before* before)>;
    SdeParamCommand(Apply apply, Before before, const as::sde::SdeParams& after,
                    const QString& text);
    void undo() override;
    void redo() override;

  private:
    Apply apply_;
    Before before_;
    as::sde::SdeParams after_;
};

}  // namespace as::gui
