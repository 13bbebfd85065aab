#pragma once
// What the shell tests start from: their own settings file and a shown main window. Header-only.
#include <QCoreApplication>
#include <QTest>
#include <memory>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"

namespace as::test {

/// The test's QSettings go to a file of its own: organisation "AttractorStudioTest", application
/// `name`.
inline void useTestSettings(const char* name) {
    QCoreApplication::setOrganizationName("AttractorStudioTest");
    QCoreApplication::setApplicationName(name);
}

struct WindowStart {
    bool defaultSession = false;  ///< open the embedded default session
    bool play = true;             ///< labs play when first shown (false: nothing needs to run)
};

/// A main window of 1400 x 900, shown (the caller waits until it is exposed or active).
inline std::unique_ptr<gui::MainWindow> showMainWindow(WindowStart start = {}) {
    auto w = std::make_unique<gui::MainWindow>();
    if (!start.play)
        for (gui::Lab* lab : w->labs()) lab->setPlayWhenFirstShown(false);
    if (start.defaultSession) w->openDefaultSession();
    w->resize(1400, 900);
    w->show();
    return w;
}

/// showMainWindow(start), once the window is exposed; nullptr if it never is.
inline std::unique_ptr<gui::MainWindow> exposedMainWindow(WindowStart start = {}) {
    auto w = showMainWindow(start);
    if (!QTest::qWaitForWindowExposed(w.get())) return nullptr;
    return w;
}

/// What most shell tests' initTestCase does: the test's own settings (useTestSettings(name)), then
/// exposedMainWindow(start).
inline std::unique_ptr<gui::MainWindow> openMainWindow(const char* name, WindowStart start = {}) {
    useTestSettings(name);
    return exposedMainWindow(start);
}

}  // namespace as::test
