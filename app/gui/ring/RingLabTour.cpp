// RingLab's guided tour: each step sets parameters as undo steps and restarts a protocol. (The rest
// of the lab: RingLab.cpp.)
#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/ring/RingController.h"
#include "app/gui/ring/RingLab.h"

namespace as::gui {

void RingLab::setValue(const QString& group, const QString& key, double value) {
    (group == "cann" ? cann_ : stim_)->edit(key, value);
}

std::vector<TourStep> RingLab::tourSteps() {
    const double protocolMoving = double(int(as::Protocol::Moving));
    auto restartWith = [this](as::Protocol p) {
        return [this, p] {
            setValue("stimulus", "protocol", double(int(p)));
            controller_->reset();
            controller_->play();
        };
    };
    return {
        {tr("A ring of neurons"),
         tr("Each of the N neurons prefers one direction on the ring. The orange shape is their "
            "firing "
            "rate r(x): a <b>bump</b> of activity, held in shape by excitation between neighbours "
            "and "
            "global inhibition."),
         [this, protocolMoving] {
             setValue("cann", "k", 8.1);
             setValue("stimulus", "protocol", protocolMoving);
             controller_->play();
         }},
        {tr("Tracking a moving stimulus"),
         tr("The teal dot is the stimulus, moving at v = 0.02 rad/ms. The bump follows with a "
            "small lag; "
            "the red diamond is where a population vector decodes it. The heatmap draws the bump "
            "over "
            "time as a diagonal band: the <i>bump transition diagram</i>."),
         {}},
        {tr("Drag it yourself"),
         tr("Drag the teal dot around the ring with the mouse. The protocol switches to "
            "<i>external</i> and the bump follows your hand."),
         {}},
        {tr("Memory without input"),
         tr("The stimulus is now switched off at t = 20 ms (the dot turns hollow). The bump stays "
            "where "
            "it was: a <b>continuous attractor</b> holds the last position with no input at all, "
            "like "
            "working memory."),
         restartWith(as::Protocol::Persistent)},
        {tr("A big jump"),
         tr("At t = 20 ms the stimulus jumps by \u03c0/2, three times the bump's width a. The old "
            "bump "
            "fades while a new one grows at the new place: the heatmap shows a break, and the bump "
            "height (max r) halves during the switch."),
         [this, restartWith] {
             setValue("stimulus", "dz", 1.5707963267948966);
             restartWith(as::Protocol::Jump)();
         }},
        {tr("A small jump slides"),
         tr("Now the jump is only 0.5 rad, about a. The bump <b>slides</b> along the ring to the "
            "new "
            "position, keeping its height: moving along the attractor costs nothing, so the "
            "network "
            "follows small changes smoothly."),
         [this, restartWith] {
             setValue("stimulus", "dz", 0.5);
             restartWith(as::Protocol::Jump)();
         }},
        {tr("Global inhibition and k<sub>c</sub>"),
         tr("Global inhibition k is raised from 8.1 to 100: the bump gets lower (compare the bump "
            "height "
            "chart with r<sub>0</sub> in the dock). Beyond k<sub>c</sub> = 130.03 no bump can "
            "exist, "
            "and the dock refuses such values."),
         [this] { setValue("cann", "k", 100.0); }},
        {tr("Your turn"),
         tr("Edit any parameter in the dock (Ctrl+Z undoes), save the session (Ctrl+S) and export "
            "a "
            "figure (Ctrl+E). The same runs work headless: <tt>attractor-cli ring --help</tt>."),
         [this, protocolMoving] {
             setValue("cann", "k", 8.1);
             setValue("stimulus", "dz", 1.5707963267948966);
             setValue("stimulus", "protocol", protocolMoving);
             controller_->play();
         }},
    };
}

}  // namespace as::gui
