#pragma once
// `attractor-studio --figure NAME --out FILE`: finds the figure among the labs' figures()
// (framework/FigureSpec.h), shows its lab, applies the --set overrides, drives the lab to the
// figure's state, waits until it is ready and exports the view through MainWindow::exportFigure
// (the File → Export Figure path: light theme, the view's own aspect, PNG/SVG/PDF).
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

#include "app/gui/framework/FigureSpec.h"

namespace as::gui {

class Lab;
class MainWindow;

struct FigureOutcome {
    int code = 0;  ///< 0: written; 1: the render failed or timed out; 2: a bad name, path or --set
    QString message;     ///< what was written, or what was wrong (naming the figure, file or key)
    double seconds = 0;  ///< wall time from the lab's start to the written file
};

namespace FigureRunner {
/// Every figure of every lab of `w`, in tab order.
std::vector<std::pair<Lab*, FigureSpec>> all(const MainWindow& w);
/// One line per figure: name, the paper figure it reproduces, "[sweep]" when it is one, the note.
QString listing(const MainWindow& w);
/// Renders the figure `name` into `out` (.png, .svg or .pdf); `sets` are key=value overrides
/// applied to the figure's lab section before its recipe runs. Runs a local event loop.
FigureOutcome render(MainWindow& w, const QString& name, const QString& out,
                     const QStringList& sets = {});
}  // namespace FigureRunner

}  // namespace as::gui
