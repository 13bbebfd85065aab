#pragma once
// One figure of `attractor-studio --figure NAME`: a lab's view, driven to a fixed state by a
// deterministic recipe and exported through the same path as File → Export Figure (light theme).
// Each lab lists its own figures (Lab::figures()), so adding a lab touches no shared file.
#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>
#include <utility>

namespace as::gui {

struct FigureSpec {
    FigureSpec() = default;
    FigureSpec(QString name_, QString paper_, QString section_, QString view_, QString note_ = {})
        : name(std::move(name_)),
          paper(std::move(paper_)),
          section(std::move(section_)),
          view(std::move(view_)),
          note(std::move(note_)) {}

    QString name;     ///< the --figure name, e.g. "ring-bump"
    QString paper;    ///< the paper figure it reproduces, e.g. "seed 001 Fig. 3A: persistent bump"
    QString section;  ///< the lab id or a showSection() id ("hd2d", "generator-gallery")
    QString view;     ///< the export target's name (Lab::exportTargets())
    QString note;     ///< how the view differs from the paper's figure ("" if it does not)
    QStringList settings;     ///< the recipe's key=value settings of `section` (before any --set)
    bool sweep = false;       ///< needs many runs: exempt from the 30 s budget
    QSize window{1500, 920};  ///< the main window's size while rendering (the view's aspect)
    int widthPixels = 1600;   ///< PNG width; the height follows the view's aspect
    std::function<void()> start;  ///< drives the lab to the figure's state (after any --set)
    std::function<bool()> ready;  ///< polled until true (empty: ready once start() returned)
    double timeoutSeconds = 60;   ///< give up (exit 1) if not ready by then
};

}  // namespace as::gui
