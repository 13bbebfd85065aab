#pragma once
// Edits of one parameter struct as undo steps, the same in every lab: a value typed in the form
// (or set by a toolbar control, the tour or a start-up --set) is checked on a copy with the
// struct's own check(). A refusal shows the rule under the form and leaves the running parameters
// alone; an accepted value becomes one undo step ("Set Global inhibition k to 20") whose redo and
// undo set it live. Labels, parsing and the rules come from the parameter description (ParamSpec).
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

class QUndoCommand;
class QUndoStack;

namespace as::widgets {
class ParameterForm;
}

namespace as::gui {

class ParameterBinding : public QObject {
    Q_OBJECT
  public:
    /// How the binding reaches the parameters. check and apply throw (ParamError or another
    /// std::exception) with the rule when the value is refused.
    struct Access {
        std::vector<as::ParamSpec> specs;  ///< the keys it edits, with labels
        std::function<double(const std::string& key)> get;
        /// Sets key on a copy of the parameters and runs the checks; the running ones are
        /// untouched.
        std::function<void(const std::string& key, double value)> check;
        /// Checks as above, then sets the value live.
        std::function<void(const std::string& key, double value)> apply;
        std::function<double(const std::string& key, const std::string& text)> parse;
    };
    /// The access to a parameter struct P (CannParams, ...) read by `current` and set live by
    /// `setLive`; `check` (default: P::check) may be a lab's own rule set.
    template <class P>
    static Access of(
        std::function<P()> current, std::function<void(const P&)> setLive,
        std::function<void(const P&)> check = [](const P& p) { p.check(); }) {
        Access a;
        a.specs = P::specs();
        a.get = [current](const std::string& k) { return current().get(k); };
        a.check = [current, check](const std::string& k, double v) {
            P p = current();
            p.set(k, v);
            check(p);
        };
        a.apply = [current, check, setLive](const std::string& k, double v) {
            P p = current();
            p.set(k, v);
            check(p);
            setLive(p);
        };
        a.parse = [](const std::string& k, const std::string& text) { return P::parse(k, text); };
        return a;
    }

    /// `group` names the binding in its undo steps; `form` (may be null) shows the values and
    /// the refusals, and its edited() signal becomes edit().
    ParameterBinding(QString group, Access access, widgets::ParameterForm* form, QUndoStack* undo,
                     QObject* parent = nullptr);

    QString group() const { return group_; }
    widgets::ParameterForm* form() const { return form_; }
    bool has(const QString& key) const;
    QStringList keys() const;
    double value(const QString& key) const;
    /// Checks `value` for key: accepted, one undo step (pushing it applies it; none when the value
    /// is already set) and true; refused, the rule under the form, refused(rule) and false.
    bool edit(const QString& key, double value);
    /// Sets a value live, as an undo step's redo and undo do; a refusal (a later edit made the
    /// values inconsistent) shows under the form. applied(key) follows either way.
    void apply(const QString& key, double value);
    /// A start-up `--set key=text` as an edit: "" when done, else why not (the form's error line
    /// is hidden before the window is shown, so the rule is returned in words).
    QString applySetting(const QString& key, const QString& text, const QString& lab);
    /// Shows the current values in the form (emits no edited()).
    void sync();

    /// How a label reads in undo texts: "%1 (head direction)"; default "%1".
    void setLabelFormat(const QString& format) { labelFormat_ = format; }
    /// The undo step's text for an edit ("" for the default "Set <label> to <value>").
    using UndoText = std::function<QString(const QString& key, double value)>;
    void setUndoText(UndoText text) { undoText_ = std::move(text); }
    /// Makes the undo step instead of a ParameterEditCommand (a step that carries more state).
    using MakeCommand = std::function<QUndoCommand*(const QString& key, double oldValue,
                                                    double value, const QString& text)>;
    void setCommandFactory(MakeCommand make) { makeCommand_ = std::move(make); }

  signals:
    /// An edit was refused; `rule` names the rule (for the status bar).
    void refused(const QString& rule);
    /// A value was set live (or refused by apply()); the lab refreshes what depends on it.
    void applied(const QString& key);

  private:
    QString label(const QString& key) const;

    QString group_;
    Access access_;
    widgets::ParameterForm* form_;
    QUndoStack* undo_;
    QString labelFormat_ = QStringLiteral("%1");
    UndoText undoText_;
    MakeCommand makeCommand_;
};

/// "unknown parameter 'x' for lab 'ring' (known: N, tau, ...)", for a lab's applySetting().
QString unknownParameter(const QString& key, const QString& lab, const QStringList& known);

}  // namespace as::gui
