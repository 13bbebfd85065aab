// The E-I lab's guided tour (Help → Guided Tour): the paper's story in eight steps, each setting
// the running network up through undoable edits (mode, bump, position) and picking the protocol
// that measures what the step shows. (The rest of the lab: EiLab.cpp.)
#include "app/gui/ei/EiController.h"
#include "app/gui/ei/EiLab.h"

namespace as::gui {

std::vector<TourStep> EiLab::tourSteps() {
    // One step's set-up: the mode, the bump on/off at a position (degrees), the protocol to try.
    auto setUp = [this](as::EiMode mode, bool bump, int positionDeg, const char* protocol) {
        return [this, mode, bump, positionDeg, protocol] {
            setValue("mode", int(mode));
            setValue("position_deg", positionDeg);
            setValue("bump", bump ? 1 : 0);
            setProtocol(QString::fromLatin1(protocol));
            playWhenShown();
        };
    };
    return {
        {tr("Irregular firing"),
         tr("The bump is off: every neuron gets the same background input. Each neuron fires at "
            "its own times with no common rhythm: spike counts of pairs are uncorrelated (~0.01) "
            "and the power spectrum of the population rate (bottom right) is flat above ~10 Hz, "
            "with no oscillation peak (Fig. 2A\u2013C; the <i>irregular</i> protocol). With the "
            "reference code's defaults single neurons are more regular than in the paper (ISI CV "
            "~0.15)."),
         setUp(as::EiMode::Coupled, false, 0, "irregular")},
        {tr("Balance"),
         tr("The input bump is on at 0\u00b0, over the centre neuron whose currents are drawn: its "
            "excitatory (red) and inhibitory (blue, with shunting) inputs are each of order "
            "\u221aK and cancel in part; their sum (grey) stays of order 1 and fluctuates around "
            "threshold, so spikes come at irregular times: the E-I balance (Fig. 5)."),
         setUp(as::EiMode::Coupled, true, 0, "currents")},
        {tr("Without balance"),
         tr("Mode <b>unbalanced</b>: the fast weights scale as 1/K instead of 1/\u221aK. The "
            "inhibition no longer cancels the excitation as the network grows (the total input "
            "grows with N). The <i>response</i> protocol compares how fast the population follows "
            "an input step with and without balance (Fig. 2D). Ctrl+Z switches back."),
         setUp(as::EiMode::Unbalanced, true, 0, "response")},
        {tr("A bump"),
         tr("Back to the coupled network with the localised input at 0\u00b0: the E neurons "
            "preferring 0\u00b0 fire more, the slow structured E\u2192E synapses hold this bump "
            "together, and the decoded position R(t) sits on the stimulus, drawn dark where the "
            "readout is confident (Fig. 4A; the <i>readout</i> protocol)."),
         setUp(as::EiMode::Coupled, true, 0, "readout")},
        {tr("Memory without input"),
         tr("The stimulus is switched off. The bump (the denser band of E spikes) stays where it "
            "was: the weak, slow CANN synapses keep it alive inside the balanced network, a "
            "persistent memory of the last position (Fig. 3A; the <i>persistent</i> protocol)."),
         setUp(as::EiMode::Coupled, false, 0, "persistent")},
        {tr("Coupled vs CANN only"),
         tr("Mode <b>CANN only</b> (no fast E-I synapses) and the stimulus jumps to 90\u00b0. The "
            "bump creeps over; with the fast balanced synapses it moves sooner. The <i>jump</i> "
            "protocol measures the time to 95% of the new position for both (Fig. 4B), <i>lag</i> "
            "the tracking lag."),
         setUp(as::EiMode::CannOnly, true, 90, "jump")},
        {tr("Fast CANN synapses fail"),
         tr("Mode <b>fast CANN</b>: the structured synapses get a 5 ms time constant, the input "
            "is off. The bump dissolves into the fluctuations: the CANN synapses must be slow "
            "(Fig. 3C; the <i>fastcann</i> protocol)."),
         setUp(as::EiMode::FastCann, false, 90, "fastcann")},
        {tr("Your turn"),
         tr("Back to the coupled network with the bump at 0\u00b0. Drag the position slider, "
            "switch modes (Ctrl+Z undoes every switch), run any protocol from the dock and export "
            "its table (File \u2192 Export CSV). The same runs work headless: <tt>attractor-cli "
            "ei --list-protocols</tt>."),
         setUp(as::EiMode::Coupled, true, 0, "persistent")},
    };
}

}  // namespace as::gui
