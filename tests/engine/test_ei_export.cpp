// E-I lab exports: SONATA spike files read back (layout, units, sorting), CSV, and the /ei session
// group round trip through SessionWriter / SessionReader.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/EiSession.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"
#include "io/SonataSpikes.h"
#include "spiking/EiSimulation.h"

using namespace as;
namespace fs = std::filesystem;

namespace {
std::string tmpPath(const std::string& name) {
    return (fs::temp_directory_path() / ("as_ei_" + std::to_string(::getpid()) + "_" + name))
        .string();
}
}  // namespace

TEST(EiExport, SonataSpikesReadBack) {
    EiParams p;
    p.NE = 160;
    EiStimulus s;
    EiSimulation sim(p, s);
    sim.run(60);
    const std::string path = tmpPath("spikes.h5");
    std::vector<const SpikeRecord*> recs{&sim.spikes(kPopE), &sim.spikes(kPopIp),
                                         &sim.spikes(kPopId)};
    ASSERT_GT(sim.spikes(kPopE).times.size(), 10u);
    writeSonataSpikes(path, recs);
    const auto back = readSonataSpikes(path);
    ASSERT_EQ(back.size(), 3u);
    for (const SpikeRecord& r : back) {
        const SpikeRecord* orig = nullptr;
        for (auto* o : recs)
            if (o->population == r.population) orig = o;
        ASSERT_NE(orig, nullptr) << r.population;
        EXPECT_EQ(r.times, orig->times);
        EXPECT_EQ(r.ids, orig->ids);
        EXPECT_TRUE(std::is_sorted(r.times.begin(), r.times.end()));
        EXPECT_EQ(sonataSorting(path, r.population), "by_time");
    }
    {
        h5::Handle f = h5::openFileReadOnly(path);
        h5::Handle ds(H5Dopen2(f, "/spikes/E/timestamps", H5P_DEFAULT));
        EXPECT_EQ(h5::readStringAttribute(ds, "units"), "ms");
    }
    const std::string csv = tmpPath("spikes.csv");
    writeSpikesCsv(csv, recs);
    std::ifstream in(csv);
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header, "population,node_id,timestamp_ms");
    std::size_t lines = 0;
    for (std::string l; std::getline(in, l);) ++lines;
    EXPECT_EQ(lines, recs[0]->times.size() + recs[1]->times.size() + recs[2]->times.size());
    std::remove(path.c_str());
    std::remove(csv.c_str());
    EXPECT_THROW(readSonataSpikes(csv), h5::Error);
}

TEST(EiExport, SessionGroupRoundTrip) {
    const std::string path = tmpPath("session.h5");
    EiSessionState st;
    st.params.NE = 1600;
    st.params.mode = EiMode::FastCann;
    st.params.seed = 99;
    st.params.kappa = 0.5;
    st.protocol = "jump";
    st.timeMs = 123.5;
    {
        SessionWriter w(path, "ei");
        w.write([&](hid_t root) { writeEiGroup(root, st); });
        w.commit();
    }
    SessionReader r(path);
    EXPECT_EQ(r.lab(), "ei");
    ASSERT_TRUE(r.hasGroup("ei"));
    const EiSessionState back = r.read([](hid_t root) { return readEiGroup(root); });
    EXPECT_EQ(back.params, st.params);
    EXPECT_EQ(back.protocol, "jump");
    EXPECT_DOUBLE_EQ(back.timeMs, 123.5);
    std::remove(path.c_str());
}
