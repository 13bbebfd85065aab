// attractor-studio: the desktop application. With no argument it opens the embedded example
// session and starts playing, so a bump is already moving when the window appears.
//   attractor-studio [session.h5] [--no-play] [--theme light|dark] [--set key=value ...]
//                    [--screenshot out.png [--after-ms N]] [--stats] [--steps-per-frame n]
#include <QApplication>
#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

#include "MainWindow.h"
#include "StartupOptions.h"

namespace {

void nameApplication() {
    QCoreApplication::setOrganizationName("AttractorStudio");
    QCoreApplication::setApplicationName("attractor-studio");
    QCoreApplication::setApplicationVersion(AS_VERSION);
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
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName("Attractor Studio");
    as::gui::MainWindow w;
    if (int rc = opts.apply(w); rc != 0) return rc;
    w.show();
    return app.exec();
}
