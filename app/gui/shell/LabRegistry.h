#pragma once
// The labs of the main window, in tab order. Adding a lab: its folder under app/gui/<lab>/ and one
// line (plus its #include) in LabRegistry.cpp. Every lab has the same constructor, Lab(undo,
// parent).
#include <functional>
#include <vector>

class QUndoStack;

namespace as::gui {

class Lab;

using LabFactory = std::function<Lab*(QUndoStack* undo)>;

/// One factory per lab, in tab order; each makes a lab that pushes its edits onto `undo`.
std::vector<LabFactory> registeredLabs();

}  // namespace as::gui
