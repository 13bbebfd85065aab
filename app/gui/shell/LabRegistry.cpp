#include "app/gui/shell/LabRegistry.h"

#include "app/gui/ei/EiLab.h"
#include "app/gui/generator/GeneratorLab.h"
#include "app/gui/ring/RingLab.h"
#include "app/gui/sde/SdeLab.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "app/gui/torus/TorusLab.h"

namespace as::gui {

namespace {
template <class L>
Lab* make(QUndoStack* undo) {
    return new L(undo);
}
}  // namespace

std::vector<LabFactory> registeredLabs() {
    return {
        make<RingLab>,  make<SurrogateLab>, make<EiLab>,
        make<TorusLab>, make<SdeLab>,       make<GeneratorLab>,
    };
}

}  // namespace as::gui
