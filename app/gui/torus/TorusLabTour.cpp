// TorusLab's guided tour: the 3D grid-cell torus (the bump, its slices, the decoded path), the
// trajectories, steering by hand, and the 2D head-direction page. Edits are undo steps. (The rest
// of the lab: TorusLab.cpp.)
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"
#include "cann/TrajectoryParams.h"

namespace as::gui {

std::vector<TourStep> TorusLab::tourSteps() {
    auto trajectory = [this](int page, as::TrajectoryKind kind) {
        return [this, page, kind] {
            showPage(page);
            requestEdit(page == 0 ? kTrajectoryForm : kHeadingForm, "trajectory",
                        double(int(kind)));
            playWhenShown();
        };
    };
    return {
        {tr("A torus of grid cells"),
         tr("32³ neurons tile a 3D torus: each prefers one position in a periodic space, so a cell "
            "fires on a lattice of places (grid cells). The left cube draws the neurons above a "
            "fifth of the peak: one <b>bump</b> of activity, cut by the cube's faces where the "
            "torus wraps."),
         trajectory(0, as::TrajectoryKind::Random)},
        {tr("Slices and the decoded path"),
         tr("Below, three slices through the bump centre. The right cube draws the true path "
            "(orange) and the path decoded from the bump (blue); the charts show the x-y "
            "projection and the decode error, a fraction of the 30 cm grid spacing."),
         {}},
        {tr("A helix"),
         tr("The input now circles in x-y while rising in z. The bump follows it around the torus; "
            "where the path leaves the cube it comes back on the opposite face."),
         trajectory(0, as::TrajectoryKind::Helix)},
        {tr("Steer it yourself"),
         tr("The input is now yours: the arrow keys move it in x and y, Page Up and Page Down in "
            "z, and a click on a slice puts it there. Let go: the bump stays where it is, a "
            "memory of the last position."),
         trajectory(0, as::TrajectoryKind::External)},
        {tr("Memory without input"),
         tr("Input off: nothing drives the network now, yet the bump holds its place. A "
            "<b>continuous attractor</b> keeps any position on the torus equally well."),
         trajectory(0, as::TrajectoryKind::Off)},
        {tr("Head direction in 2D"),
         tr("The second page decodes a heading (azimuth and pitch) twice: with two independent "
            "rings, and with one coupled sheet drawn flat and on a donut. Their errors and costs "
            "run side by side."),
         trajectory(1, as::TrajectoryKind::Random)},
        {tr("Your turn"),
         tr("Edit the Parameters dock (Ctrl+Z undoes), record the page as a GIF with Record, and "
            "export a figure (Ctrl+E). Headless: <tt>attractor-cli torus --help</tt>."),
         trajectory(0, as::TrajectoryKind::Random)},
    };
}

}  // namespace as::gui
