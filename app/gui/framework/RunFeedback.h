#pragma once
// The run controls of a simulation lab (Ring, Torus) and how they show its controller's run:
// addRunActions() puts Play (Space), Step and Reset on the lab's toolbar; the Play action says Play
// or Pause (text, icon, checked), the halt banner hides on play and shows the watchdog's reason on
// a halt (the status bar says it too), and a refused edit is said in the status bar before
// `refused` puts the forms back. The controller has the signals playingChanged(bool),
// halted(QString) and rejected(QString).
#include <QAction>
#include <QString>
#include <QStyle>
#include <QToolBar>
#include <functional>

#include "app/gui/framework/HaltBanner.h"
#include "app/gui/framework/Lab.h"
#include "widgets/common/ThemedIcons.h"

namespace as::gui {

/// Play (checkable, on Space in `spaceContext`), Step and Reset on `tb`, driving the controller's
/// togglePlay(), stepOnce() and reset(); `resetTip` says what a reset clears. Returns Play.
template <class Controller>
QAction* addRunActions(QToolBar* tb, Controller* controller, Qt::ShortcutContext spaceContext,
                       const QString& resetTip) {
    QAction* play = as::widgets::addThemedAction(tb, QStyle::SP_MediaPlay, Lab::tr("Play"));
    play->setCheckable(true);
    play->setShortcut(Qt::Key_Space);
    play->setShortcutContext(spaceContext);
    play->setToolTip(Lab::tr("Play / pause the simulation (Space)"));
    QObject::connect(play, &QAction::triggered, tb, [controller] { controller->togglePlay(); });
    QAction* step = as::widgets::addThemedAction(tb, QStyle::SP_MediaSkipForward, Lab::tr("Step"));
    step->setToolTip(Lab::tr("Advance one time step dt"));
    QObject::connect(step, &QAction::triggered, tb, [controller] { controller->stepOnce(); });
    QAction* reset = as::widgets::addThemedAction(tb, QStyle::SP_BrowserReload, Lab::tr("Reset"));
    reset->setToolTip(resetTip);
    QObject::connect(reset, &QAction::triggered, tb, [controller] { controller->reset(); });
    return play;
}

template <class Controller>
void showRunFeedback(Lab* lab, Controller* controller, QAction* play, HaltBanner* banner,
                     std::function<void()> refused) {
    QObject::connect(controller, &Controller::playingChanged, lab, [play, banner](bool on) {
        play->setText(on ? Lab::tr("Pause") : Lab::tr("Play"));
        as::widgets::setThemedIcon(play, on ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay);
        play->setChecked(on);
        if (on) banner->hide();
    });
    QObject::connect(controller, &Controller::halted, lab, [lab, banner](const QString& m) {
        banner->showMessage(m);
        emit lab->statusMessage(Lab::tr("Simulation stopped: %1").arg(m), 0);
    });
    QObject::connect(controller, &Controller::rejected, lab,
                     [lab, refused = std::move(refused)](const QString& m) {
                         emit lab->statusMessage(Lab::tr("Refused: %1").arg(m), 8000);
                         refused();
                     });
}

}  // namespace as::gui
