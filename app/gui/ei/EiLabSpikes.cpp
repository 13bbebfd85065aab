// EiLab's File → Export Spikes: the spikes the raster shows (the last second of each population)
// through the engine's writers, the same as `attractor-cli ei --sonata` and `--spikes-csv`.
// (The rest of the lab: EiLab.cpp.)
#include <QFile>
#include <QFileInfo>
#include <exception>

#include "app/gui/ei/EiController.h"
#include "app/gui/ei/EiLab.h"
#include "export/SonataSpikes.h"
#include "spiking/EiNetwork.h"

namespace as::gui {

std::vector<as::SpikeRecord> EiLab::recordedSpikes() const {
    std::vector<as::SpikeRecord> recs(3);
    const auto s = controller_->latest();
    for (int pop = 0; pop < 3; ++pop) {
        recs[std::size_t(pop)].population = as::eiPopName(pop);
        if (!s) continue;
        recs[std::size_t(pop)].size = s->sizes[pop];
        recs[std::size_t(pop)].times = s->spikeTimes[pop];
        recs[std::size_t(pop)].ids = s->spikeIds[pop];
    }
    return recs;
}

QString EiLab::exportSpikes(const QString& path) {
    const std::vector<as::SpikeRecord> recs = recordedSpikes();
    std::vector<const as::SpikeRecord*> ptrs;
    for (const auto& r : recs) ptrs.push_back(&r);
    const std::string file = QFile::encodeName(path).toStdString();
    try {
        if (QFileInfo(path).suffix().compare("csv", Qt::CaseInsensitive) == 0)
            as::writeSpikesCsv(file, ptrs);
        else
            as::writeSonataSpikes(file, ptrs);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace as::gui
