#pragma once
// How a simulation lab (Ring, Torus) shows its controller's run: the Play action says Play or
// Pause (text, icon, checked), the halt banner hides on play and shows the watchdog's reason on a
// halt (the status bar says it too), and a refused edit is said in the status bar before
// `refused` puts the forms back. The controller has the signals playingChanged(bool),
// halted(QString) and rejected(QString).
#include <QAction>
#include <QString>
#include <QStyle>
#include <functional>

#include "app/gui/framework/HaltBanner.h"
#include "app/gui/framework/Lab.h"
#include "widgets/common/ThemedIcons.h"

namespace as::gui {

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
