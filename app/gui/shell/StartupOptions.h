#pragma once
// Command-line options of attractor-studio, so documentation screenshots and rate measurements are
// scriptable: a session file, --no-play, --theme, --set key=value, --screenshot/--after-ms,
// --stats,
// --lab, --tour [n], --presentation, --record (an animation of the Torus lab), --figure/--out
// (a paper figure rendered headless, shell/FigureRunner).
#include <QSize>
#include <QString>
#include <QStringList>

namespace as::gui {

class MainWindow;

struct StartupOptions {
    QString session;  ///< file to open; empty: the embedded example
    bool play = true;
    QString theme;       ///< "light", "dark" or empty (QSettings)
    QStringList sets;    ///< key=value parameter overrides for the --lab lab (or the session's)
    QString screenshot;  ///< render the window to this PNG, then quit
    int afterMs = 3000;
    int stepsPerFrame = 0;  ///< > 0: overrides the toolbar value
    bool stats = false;     ///< print t, steps/s and frames/s once a second to stderr
    QString lab;  ///< lab id whose tab to show ("ring", "torus", "hd2d", ...); empty: the session's
    QSize size;   ///< --size: the window's size (invalid: the saved geometry)
    int tourStep = 0;           ///< > 0: start the guided tour at this step (1-based)
    bool presentation = false;  ///< large fonts
    QString record;  ///< Torus lab: record its page into this .mp4 or .gif (else a PNG folder),
                     ///< then quit
    int recordFrames = 100;
    QString figure;     ///< --figure: render this paper figure headless ("list": name them all)
    QString figureOut;  ///< --out: the figure's file (.png, .svg or .pdf)

    /// Parses arguments; returns an error message or "".
    QString parse(const QStringList& args);
    /// Opens the session, applies overrides and schedules the screenshot. Non-zero: exit code.
    int apply(MainWindow& w) const;
};

}  // namespace as::gui
