// attractor-studio: the desktop application. With no argument it opens the embedded example
// session and starts playing, so a bump is already moving when the window appears.
//   attractor-studio [session.h5] [--no-play] [--theme light|dark] [--set key=value ...]
//                    [--screenshot out.png [--after-ms N]] [--stats] [--steps-per-frame n]
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "StartupOptions.h"
#include "MainWindow.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("AttractorStudio");
    QApplication::setApplicationName("attractor-studio");
    QApplication::setApplicationDisplayName("Attractor Studio");
    QApplication::setApplicationVersion(AS_VERSION);

    as::gui::StartupOptions opts;
    if (QString err = opts.parse(QApplication::arguments()); !err.isEmpty()) {
        fprintf(stderr, "attractor-studio: %s\n", qPrintable(err));
        return 2;
    }
    as::gui::MainWindow w;
    if (int rc = opts.apply(w); rc != 0) return rc;
    w.show();
    return app.exec();
}
