// attractor-studio: the desktop application. With no argument it opens the embedded example
// session and starts playing, so a bump is already moving when the window appears.
//   attractor-studio [session.h5] [--no-play] [--theme light|dark] [--set key=value ...]
//                    [--screenshot out.png [--after-ms N]] [--stats] [--steps-per-frame n]
//   attractor-studio --figure NAME|list [--out file.png|svg|pdf] [--set key=value ...]
#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

#include "app/gui/shell/FigureRunner.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/StartupOptions.h"

namespace {

void nameApplication() {
    QCoreApplication::setOrganizationName("AttractorStudio");
    QCoreApplication::setApplicationName("attractor-studio");
    QCoreApplication::setApplicationVersion(AS_VERSION);
}

/// --figure: offscreen, with settings of its own (a user's theme, fonts or window geometry never
/// reach a figure, and the run writes none of them back).
int renderFigure(int argc, char** argv, const as::gui::StartupOptions& opts) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    nameApplication();
    as::gui::MainWindow w;
    if (opts.figure == "list") {
        std::fputs(qPrintable(as::gui::FigureRunner::listing(w)), stdout);
        return 0;
    }
    const as::gui::FigureOutcome r =
        as::gui::FigureRunner::render(w, opts.figure, opts.figureOut, opts.sets);
    if (r.code == 0)
        std::fprintf(stderr, "%s (%.1f s)\n", qPrintable(r.message), r.seconds);
    else
        std::fprintf(stderr, "attractor-studio: %s\n", qPrintable(r.message));
    return r.code;
}

}  // namespace

int main(int argc, char** argv) {
    // The options are parsed under a display-less QCoreApplication first, so --help, --version and
    // a bad option answer on a machine with no display (a QApplication would abort there with
    // "could not connect to display"). Only then is the GUI application made.
    as::gui::StartupOptions opts;
    {
        QCoreApplication cli(argc, argv);
        nameApplication();
        if (QString err = opts.parse(QCoreApplication::arguments()); !err.isEmpty()) {
            std::fprintf(stderr, "attractor-studio: %s\n", qPrintable(err));
            return 2;
        }
    }
    if (!opts.figure.isEmpty()) return renderFigure(argc, argv, opts);
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName("Attractor Studio");
    as::gui::MainWindow w;
    if (int rc = opts.apply(w); rc != 0) return rc;
    w.show();
    return app.exec();
}
