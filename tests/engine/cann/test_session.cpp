// Session files: exact round trip, exact continuation, refusal of every class of bad file with a
// message naming the file and the problem, atomic save, CSV export.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "cann/RingSession.h"
#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

namespace fs = std::filesystem;
using namespace as;

namespace {

class TempDir {
  public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("as_test_session_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

std::unique_ptr<RingSimulation> makeRun(Protocol protocol = Protocol::Moving, int steps = 300) {
    CannParams p;
    p.N = 256;
    p.integrator = Integrator::RK4;
    StimulusParams s;
    s.protocol = protocol;
    s.v = 0.03;
    s.z0 = 0.4;
    auto sim = std::make_unique<RingSimulation>(p, s, 200000, 600, 10);
    sim->step(steps);
    return sim;
}

/// Opens a saved file read-write and lets `edit` change it (for making bad files), then seals it
/// again with checksums, as if the product had written it that way (the checksums themselves are
/// tested in test_file_integrity.cpp).
void editFile(const std::string& path, const std::function<void(hid_t)>& edit) {
    h5::silenceErrors();
    h5::Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    ASSERT_TRUE(f.valid()) << path;
    edit(f);
    h5::writeChecksums(f);
    f.close();
    h5::sealFile(path);
}

void replaceAttribute(hid_t file, const std::string& group, const std::string& name, double value) {
    h5::Handle g = h5::openGroup(file, group);
    ASSERT_GE(H5Adelete(g, name.c_str()), 0);
    h5::writeAttribute(g, name, value);
}

/// Replaces dataset `name` of `group` by one of the given values and shape.
template <class T>
void replaceDataset(hid_t file, const std::string& group, const std::string& name,
                    const std::vector<T>& data, const std::vector<hsize_t>& dims) {
    h5::Handle g = h5::openGroup(file, group);
    ASSERT_GE(H5Ldelete(g, name.c_str(), H5P_DEFAULT), 0);
    h5::writeDataset(g, name, data, dims);
}

/// Expects loading `path` to fail with a message containing the file name and every fragment.
void expectRefused(const std::string& path, const std::vector<std::string>& fragments) {
    try {
        loadRingSession(path);
        FAIL() << "loading " << path << " should have failed";
    } catch (const SessionError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(path), std::string::npos) << msg;
        for (const auto& f : fragments)
            EXPECT_NE(msg.find(f), std::string::npos) << "missing '" << f << "' in: " << msg;
    }
}

std::string savedCopy(const TempDir& dir, const std::string& name) {
    const std::string path = dir.file(name);
    saveRingSession(path, *makeRun(Protocol::Moving, 50));
    return path;
}

}  // namespace

TEST(SessionFile, RoundTripIsExact) {
    TempDir dir;
    auto sim = makeRun();
    sim->setExternalTarget(1.25);
    const std::string path = dir.file("run.h5");
    saveRingSession(path, *sim, "ring");
    EXPECT_FALSE(fs::exists(path + ".tmp-" + std::to_string(::getpid())));

    RingSessionData data = loadRingSession(path);
    ASSERT_TRUE(data.simulation);
    EXPECT_EQ(data.lab, "ring");
    const RingSimulation& back = *data.simulation;
    EXPECT_EQ(back.params(), sim->params());
    EXPECT_EQ(back.stimulusParams(), sim->stimulusParams());
    const auto a = sim->captureState(), b = back.captureState();
    EXPECT_EQ(b.t, a.t);
    EXPECT_EQ(b.steps, a.steps);
    ASSERT_EQ(b.u.size(), a.u.size());
    EXPECT_EQ(std::memcmp(a.u.data(), b.u.data(), a.u.size() * sizeof(double)), 0)
        << "u not bitwise equal";
    EXPECT_EQ(b.stimulusClock, a.stimulusClock);
    EXPECT_EQ(b.stimulusZ, a.stimulusZ);
    EXPECT_EQ(b.externalTarget, a.externalTarget);
    EXPECT_EQ(b.stimulusUnwrapped, a.stimulusUnwrapped);
    EXPECT_EQ(b.decodedUnwrapped, a.decodedUnwrapped);

    ASSERT_EQ(back.traces().size(), sim->traces().size());
    ASSERT_EQ(back.traces().size(), 300u);
    for (const auto& name : RingSimulation::traceChannels())
        EXPECT_EQ(back.traces().channel(name), sim->traces().channel(name)) << name;
    EXPECT_EQ(back.activity().size(), sim->activity().size());
    EXPECT_EQ(back.activity().stride(), sim->activity().stride());
    EXPECT_EQ(back.activity().width(), sim->activity().width());
    EXPECT_EQ(back.activity().times(), sim->activity().times());
    EXPECT_EQ(back.activity().flattened(), sim->activity().flattened());
}

TEST(SessionFile, LoadedSimulationContinuesIdentically) {
    for (Protocol protocol : {Protocol::Moving, Protocol::Jump, Protocol::Persistent}) {
        TempDir dir;
        auto sim = makeRun(protocol, 150);
        const std::string path = dir.file("continue.h5");
        saveRingSession(path, *sim);
        auto loaded = loadRingSession(path).simulation;
        sim->step(100);
        loaded->step(100);
        EXPECT_EQ(loaded->steps(), sim->steps());
        EXPECT_EQ(loaded->time(), sim->time());
        const auto& u1 = sim->model().u();
        const auto& u2 = loaded->model().u();
        ASSERT_EQ(u1.size(), u2.size());
        double worst = 0;
        for (std::size_t i = 0; i < u1.size(); ++i)
            worst = std::max(worst, std::abs(u1[i] - u2[i]));
        EXPECT_LE(worst, 1e-12) << protocolName(protocol);
        EXPECT_EQ(loaded->traces().channel("decoded"), sim->traces().channel("decoded"));
    }
}

TEST(SessionFile, SavingTwiceReplacesTheFile) {
    TempDir dir;
    const std::string path = dir.file("twice.h5");
    saveRingSession(path, *makeRun(Protocol::Moving, 10));
    saveRingSession(path, *makeRun(Protocol::Moving, 20));
    EXPECT_EQ(loadRingSession(path).simulation->steps(), 20);
}

TEST(SessionFile, RefusesMissingFileAndDirectory) {
    TempDir dir;
    expectRefused(dir.file("nosuch.h5"), {"no such file"});
    expectRefused(dir.path().string(), {"not a regular file"});
}

TEST(SessionFile, RefusesTextAndEmptyFiles) {
    TempDir dir;
    const std::string text = dir.file("notes.h5");
    std::ofstream(text) << "this is not a session\n1,2,3\n";
    expectRefused(text, {"not an HDF5 file"});
    const std::string empty = dir.file("empty.h5");
    std::ofstream{empty};
    expectRefused(empty, {"empty"});
}

TEST(SessionFile, RefusesTruncatedCopy) {
    TempDir dir;
    const std::string good = savedCopy(dir, "good.h5");
    const auto size = fs::file_size(good);
    for (double fraction : {0.5, 0.9}) {
        const std::string cut = dir.file("cut" + std::to_string(int(fraction * 100)) + ".h5");
        fs::copy_file(good, cut);
        fs::resize_file(cut, std::uintmax_t(double(size) * fraction));
        expectRefused(cut, {"truncated"});
    }
}

TEST(SessionFile, RefusesForeignHdf5) {
    TempDir dir;
    const std::string bare = dir.file("bare.h5");
    {
        h5::Handle f = h5::createFile(bare);
        h5::writeDataset(f, "data", std::vector<double>{1, 2, 3}, {3});
        f.close();
    }
    expectRefused(bare, {"not an Attractor Studio session", "'format'"});
    const std::string other = dir.file("other.h5");
    {
        h5::Handle f = h5::createFile(other);
        h5::writeAttribute(f, "format", std::string("somebody-elses-format"));
        f.close();
    }
    expectRefused(other, {"not an Attractor Studio session", "somebody-elses-format"});
}

TEST(SessionFile, RefusesNewerFormatVersion) {
    TempDir dir;
    const std::string path = savedCopy(dir, "newer.h5");
    editFile(path, [](hid_t f) {
        ASSERT_GE(H5Adelete(f, "format_version"), 0);
        h5::writeAttribute(f, "format_version", std::int64_t(kSessionFormatVersion + 1));
    });
    expectRefused(path,
                  {"written by a newer Attractor Studio (format 3), this version reads up to 2"});
}

TEST(SessionFile, RefusesMissingGroupAttributeDataset) {
    TempDir dir;
    const std::string noState = savedCopy(dir, "nostate.h5");
    editFile(noState, [](hid_t f) { ASSERT_GE(H5Ldelete(f, "/ring/state", H5P_DEFAULT), 0); });
    expectRefused(noState, {"missing group", "/ring/state"});

    const std::string noT = savedCopy(dir, "not.h5");
    editFile(noT, [](hid_t f) {
        ASSERT_GE(H5Adelete_by_name(f, "/ring/state", "steps", H5P_DEFAULT), 0);
    });
    expectRefused(noT, {"missing attribute", "/ring/state/steps"});

    const std::string noTrace = savedCopy(dir, "notrace.h5");
    editFile(noTrace, [](hid_t f) {
        ASSERT_GE(H5Ldelete(f, "/ring/recording/traces/decoded", H5P_DEFAULT), 0);
    });
    expectRefused(noTrace, {"missing dataset", "/ring/recording/traces/decoded"});
}

TEST(SessionFile, RefusesWrongShapes) {
    TempDir dir;
    const std::string shortU = savedCopy(dir, "shortu.h5");
    editFile(shortU, [](hid_t f) {
        replaceDataset(f, "/ring/state", "u", std::vector<double>(100, 0.0), {100});
    });
    expectRefused(shortU, {"/ring/state/u", "100", "expected N = 256"});

    const std::string unequal = savedCopy(dir, "unequal.h5");
    editFile(unequal, [](hid_t f) {
        replaceDataset(f, "/ring/recording/traces", "height", std::vector<double>(7, 0.0), {7});
    });
    expectRefused(unequal, {"unequal length", "height"});

    const std::string activity = savedCopy(dir, "activity.h5");
    editFile(activity, [](hid_t f) {
        replaceDataset(f, "/ring/recording/activity", "activity", std::vector<float>(5 * 3, 0.f),
                       {5, 3});
    });
    expectRefused(activity, {"activity shape mismatch"});
}

TEST(SessionFile, RefusesInvalidParameter) {
    TempDir dir;
    const std::string path = savedCopy(dir, "bigk.h5");
    editFile(path, [](hid_t f) { replaceAttribute(f, "/ring/parameters", "k", 1e6); });
    expectRefused(path, {"/ring/parameters", "k must be in (0, k_c) = (0, "});

    const std::string unit = savedCopy(dir, "unit.h5");
    editFile(unit, [](hid_t f) {
        ASSERT_GE(H5Adelete_by_name(f, "/ring/parameters", "tau.unit", H5P_DEFAULT), 0);
        h5::Handle g = h5::openGroup(f, "/ring/parameters");
        h5::writeAttribute(g, "tau.unit", std::string("s"));
    });
    expectRefused(unit, {"tau", "unit 's'"});
}

TEST(SessionFile, UnknownKeysIgnoredMissingParamsTakeDefaults) {
    TempDir dir;
    const std::string path = savedCopy(dir, "compat.h5");
    editFile(path, [](hid_t f) {
        h5::Handle g = h5::openGroup(f, "/ring/parameters");
        h5::writeAttribute(g, "future_param", 42.0);
        h5::writeAttribute(g, "future_param.unit", std::string("ms"));
        ASSERT_GE(H5Adelete(g, "A"), 0);  // as if A had been added after this file was written
        ASSERT_GE(H5Adelete(g, "A.unit"), 0);
        h5::Handle extra = h5::createGroup(f, "/ring/future_group");
    });
    auto data = loadRingSession(path);
    EXPECT_EQ(data.simulation->params().A, CannParams{}.A);
    EXPECT_EQ(data.simulation->params().N, 256);
}

TEST(SessionFile, FailedSaveLeavesOldFileIntact) {
    TempDir dir;
    const std::string path = dir.file("keep.h5");
    saveRingSession(path, *makeRun(Protocol::Moving, 30));
    const auto before = fs::file_size(path);
    auto other = makeRun(Protocol::Jump, 60);

    // (a) A blocked temporary file (works for every user, root included).
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    fs::create_directory(tmp);
    try {
        saveRingSession(path, *other);
        FAIL() << "save should fail";
    } catch (const SessionError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot write session '" + path + "'"),
                  std::string::npos)
            << e.what();
    }
    fs::remove(tmp);
    EXPECT_EQ(fs::file_size(path), before);
    EXPECT_EQ(loadRingSession(path).simulation->steps(), 30);

    // (b) A read-only directory (root ignores permissions, so only checked for other users).
    if (::geteuid() != 0) {
        fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
        EXPECT_THROW(saveRingSession(path, *other), SessionError);
        fs::permissions(dir.path(), fs::perms::owner_all);
        EXPECT_EQ(loadRingSession(path).simulation->steps(), 30);
    }
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos)
            << "left behind: " << entry.path();
}

TEST(SessionFile, CsvExportHasHeaderAndOneRowPerStep) {
    TempDir dir;
    auto sim = makeRun(Protocol::Moving, 123);
    const std::string path = dir.file("traces.csv");
    exportTracesCsv(path, sim->traces());
    std::ifstream in(path);
    std::string header;
    std::getline(in, header);
    std::string expected;
    for (const auto& c : RingSimulation::traceChannels())
        expected += (expected.empty() ? "" : ",") + c;
    EXPECT_EQ(header, expected);
    std::string line;
    int rows = 0;
    std::string last;
    while (std::getline(in, line)) {
        ++rows;
        last = line;
    }
    EXPECT_EQ(rows, 123);
    std::stringstream first(last);
    std::string t;
    std::getline(first, t, ',');
    EXPECT_NEAR(std::stod(t), sim->time(), 1e-9);
    EXPECT_THROW(exportTracesCsv(dir.file("nosuchdir/x.csv"), sim->traces()), SessionError);
}

// The shipped start-up session is a version-1 file: every later version must keep loading it.
TEST(SessionFile, ShippedDefaultSessionLoads) {
    // AS_TEST_DATA_DIR is <repo>/tests/engine/data (which need not exist).
    const fs::path repo = fs::path(AS_TEST_DATA_DIR).parent_path().parent_path().parent_path();
    const std::string path = (repo / "resources" / "sessions" / "default_ring.h5").string();
    ASSERT_TRUE(fs::exists(path)) << path;
    RingSessionData data = loadRingSession(path);
    ASSERT_TRUE(data.simulation);
    EXPECT_EQ(data.lab, "ring");
    const RingSimulation& sim = *data.simulation;
    EXPECT_EQ(sim.stimulusParams().protocol, Protocol::Moving);
    EXPECT_GT(sim.steps(), 0);
    EXPECT_EQ(sim.traces().size(), std::size_t(sim.steps()));
    const auto& r = sim.model().r();
    EXPECT_GT(*std::max_element(r.begin(), r.end()), 0.5 * sim.params().analyticR0())
        << "no bump in the default session";
}

TEST(SessionFile, OneGroupPerLabAndUnknownGroupsAreIgnored) {
    TempDir dir;
    const std::string path = dir.file("multi_lab.h5");
    auto sim = std::make_unique<RingSimulation>(CannParams{}, StimulusParams{});
    sim->step(50);
    {
        SessionWriter w(path, "future-lab");
        w.write([&](hid_t root) {
            writeRingGroup(root, *sim);
            h5::Handle g = h5::createGroup(root, "future-lab");  // a later version's lab
            h5::writeAttribute(g, "anything", 1.0);
        });
        w.commit();
    }
    SessionReader r(path);
    EXPECT_EQ(r.lab(), "future-lab");
    EXPECT_TRUE(r.hasGroup("ring"));
    EXPECT_FALSE(r.hasGroup("torus"));
    EXPECT_EQ(loadRingSession(path).simulation->steps(), 50);
}

TEST(SessionFile, AnAbandonedWriterLeavesNoTemporaryFileAndTheOldFileIntact) {
    TempDir dir;
    const std::string path = dir.file("s.h5");
    auto sim = std::make_unique<RingSimulation>(CannParams{}, StimulusParams{});
    sim->step(7);
    saveRingSession(path, *sim);
    {
        SessionWriter w(path, "ring");
        EXPECT_THROW(w.write([](hid_t) { throw std::runtime_error("lab refused to save"); }),
                     SessionError);
    }
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        files += e.is_regular_file();
    EXPECT_EQ(files, 1u);
    EXPECT_EQ(loadRingSession(path).simulation->steps(), 7);
}
