// File integrity (docs/reliability.md, "File integrity"): every kind of file the engine writes is
// checksummed; 50 single-byte flips spread across each file either load bit-identical data (the
// flip hit unused space) or are refused with a message naming the file, never different numbers.
// Files written before checksums (tests/engine/data/legacy) still load, unverified.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cann/Hd2dSession.h"
#include "cann/RingSession.h"
#include "cann/TorusSession.h"
#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"
#include "io/SessionFile.h"
#include "sde/SdeModelFile.h"
#include "sde/SdeSession.h"
#include "spiking/EiSession.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateSession.h"
#include "tests/engine/TempPath.h"
#include "tests/engine/cann/SmallTorus.h"
#include "tests/engine/io/FlipVariants.h"

using namespace as;
namespace fs = std::filesystem;

namespace {

constexpr int kVariants = 50;

/// Runs the flip test on the file `write` makes; `loadAndResave(in, out)` loads `in` as the kind
/// and saves what it loaded to `out`. Prints and checks the counts.
void flipTest(const std::string& kind, const std::function<void(const std::string&)>& write,
              const std::function<void(const std::string&, const std::string&)>& loadAndResave,
              std::uint64_t seed) {
    const std::string original = as::test::tempPath(kind + ".h5"),
                      resaved = as::test::tempPath(kind + "_ref.h5");
    write(original);
    loadAndResave(original, resaved);
    const test::FileContent reference = test::fileContent(resaved);
    ASSERT_FALSE(reference.empty());
    const test::FlipCounts c =
        test::flipVariants(original, reference, kVariants, seed, loadAndResave);
    std::printf("%s (%ju bytes): %d variants, %d identical, %d refused, %d silently different\n",
                kind.c_str(), std::uintmax_t(fs::file_size(original)), c.variants, c.identical,
                c.refused, c.different);
    for (const auto& p : c.problems) std::printf("  %s\n", p.c_str());
    EXPECT_EQ(c.variants, kVariants);
    EXPECT_EQ(c.different, 0) << kind;
    EXPECT_EQ(c.unnamed, 0) << kind;
    EXPECT_GT(c.refused, 0) << kind;
    fs::remove(original);
    fs::remove(resaved);
}

std::unique_ptr<RingSimulation> ringRun() {
    CannParams p;
    p.N = 128;
    StimulusParams s;
    s.protocol = Protocol::Moving;
    auto sim = std::make_unique<RingSimulation>(p, s, 2000, 100, 5);
    sim->step(200);
    return sim;
}

using test::smallTorus;

sde::SdeModel sdeModel() {
    sde::SdeParams p;
    p.n = 24;
    p.classes = 3;
    sde::SdeModel m(p);
    Eigen::MatrixXf g = Eigen::MatrixXf::Identity(24, 24) * 0.5f;
    m.setTrainedG(g);
    return m;
}

surrogate::SurrogateDataset tinyDataset() {
    surrogate::DatasetParams p;
    p.sequences = 5;
    p.steps = 20;
    p.teacher.N = 64;
    p.settleMs = 5;
    return surrogate::SurrogateDataset::generate(p);
}

surrogate::SurrogateModel tinyModel(const surrogate::SurrogateDataset& d) {
    surrogate::TrainParams p;
    p.bins = 8;
    p.features = 6;
    p.hidden = 6;
    p.head = 4;
    return surrogate::SurrogateModel::create(surrogate::SurrogateCase::Ring, p, d);
}

void saveEi(const std::string& path, const EiSessionState& st) {
    SessionWriter w(path, "ei");
    w.write([&](hid_t root) { writeEiGroup(root, st); });
    w.commit();
}

EiSessionState loadEi(const std::string& path) {
    SessionReader r(path);
    return r.read([](hid_t root) { return readEiGroup(root); });
}

}  // namespace

TEST(FileIntegrity, ChunksAreBoundedAndSplitAlongTheSlowestAxis) {
    EXPECT_EQ(h5::chunkShape({100}, 8), (std::vector<hsize_t>{100}));
    EXPECT_EQ(h5::chunkShape({200000}, 8), (std::vector<hsize_t>{100000}));  // two equal chunks
    EXPECT_EQ(h5::chunkShape({784, 784}, 4),
              (std::vector<hsize_t>{262, 784}));  // 3 x 262 >= 784 rows
    EXPECT_EQ(h5::chunkShape({600, 512}, 4), (std::vector<hsize_t>{300, 512}));
    EXPECT_EQ(h5::chunkShape({1, 100, 1000, 6}, 4), (std::vector<hsize_t>{1, 34, 1000, 6}));
    EXPECT_EQ(h5::chunkShape({4, 1000, 1000}, 8), (std::vector<hsize_t>{1, 125, 1000}));
}

TEST(FileIntegrity, WrittenFilesCarryChecksums) {
    const std::string path = as::test::tempPath("sealed.h5");
    saveRingSession(path, *ringRun());
    h5::Handle f = h5::openFileReadOnly(path);
    EXPECT_TRUE(h5::hasChecksums(f));
    h5::Handle set(H5Dopen2(f, "/ring/state/u", H5P_DEFAULT));
    h5::Handle dcpl(H5Dget_create_plist(set));
    EXPECT_EQ(H5Pget_layout(dcpl), H5D_CHUNKED);
    unsigned flags = 0, config = 0;
    std::size_t n = 0;
    EXPECT_GE(
        H5Pget_filter_by_id2(dcpl, H5Z_FILTER_FLETCHER32, &flags, &n, nullptr, 0, nullptr, &config),
        0);
    EXPECT_EQ(SessionReader(path).formatVersion(), kSessionFormatVersion);
    fs::remove(path);
}

TEST(FileIntegrity, DamagedDatasetIsRefusedNamingFileAndDataset) {
    const std::string path = as::test::tempPath("damaged_u.h5");
    auto sim = ringRun();
    saveRingSession(path, *sim);
    // Find u's bytes in the file and change one of them.
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const std::vector<double>& u = sim->captureState().u;
    const auto* needle = reinterpret_cast<const char*>(u.data());
    const auto it = std::search(bytes.begin(), bytes.end(), needle, needle + 64);
    ASSERT_NE(it, bytes.end());
    f.seekp(std::streamoff(it - bytes.begin()) + 3);
    f.put(char(*(it + 3) ^ 0x10));
    f.close();
    try {
        loadRingSession(path);
        FAIL() << "a damaged dataset was loaded";
    } catch (const SessionError& e) {
        const std::string msg = e.what();
        EXPECT_EQ(msg, "cannot load session '" + path +
                           "': dataset '/ring/state/u' failed its checksum (the file is damaged)");
    }
    fs::remove(path);
}

TEST(FileIntegrity, AlteredAttributeIsRefused) {
    // An attribute changed by another program (HDF5's own checksums are then valid): the digest
    // catches it.
    const std::string path = as::test::tempPath("altered_k.h5");
    saveRingSession(path, *ringRun());
    {
        h5::Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        h5::Handle g = h5::openGroup(f, "ring");
        h5::Handle p = h5::openGroup(g, "parameters");
        ASSERT_GE(H5Adelete(p, "k"), 0);
        h5::writeAttribute(p, "k", 8.2);
    }
    // Loading must fail with `fragment` in the message.
    const auto refused = [&](const std::string& fragment) {
        try {
            loadRingSession(path);
            ADD_FAILURE() << "loaded, expected: " << fragment;
        } catch (const SessionError& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    // The whole-file seal refuses it first, before libhdf5 reads the file ...
    refused("does not match its whole-file seal");
    // ... and with the seal written again (as a program that rewrote it would), the digest does.
    h5::sealFile(path);
    refused("cannot load session '" + path +
            "': attributes do not match their checksum (the file is damaged)");
    // A version-2 file stripped of its digest is refused too.
    {
        h5::Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        ASSERT_GE(H5Adelete(f, h5::kChecksumAttribute), 0);
    }
    h5::sealFile(path);
    refused("must carry attribute '/metadata_checksum'");
    fs::remove(path);
}

TEST(FileIntegrity, FlippedRingSession) {
    const auto sim = ringRun();
    flipTest(
        "ring session", [&](const std::string& p) { saveRingSession(p, *sim); },
        [](const std::string& in, const std::string& out) {
            const RingSessionData d = loadRingSession(in);
            saveRingSession(out, *d.simulation, d.lab);
        },
        11);
}

TEST(FileIntegrity, FlippedTorusSession) {
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Helix;
    TorusSimulation sim(smallTorus(), tp);
    sim.step(40);
    flipTest(
        "torus session", [&](const std::string& p) { saveTorusSession(p, sim); },
        [](const std::string& in, const std::string& out) {
            saveTorusSession(out, *loadTorusSession(in));
        },
        12);
}

TEST(FileIntegrity, FlippedHd2dSession) {
    TorusParams p = smallTorus();
    p.dims = 2;
    Hd2dSimulation sim(p, TrajectoryParams{});
    sim.step(40);
    flipTest(
        "hd2d session", [&](const std::string& path) { saveHd2dSession(path, sim); },
        [](const std::string& in, const std::string& out) {
            saveHd2dSession(out, *loadHd2dSession(in));
        },
        13);
}

TEST(FileIntegrity, FlippedEiSession) {
    EiSessionState st;
    st.params.NE = 400;
    st.protocol = "tracking";
    st.timeMs = 123.5;
    flipTest(
        "E-I session", [&](const std::string& p) { saveEi(p, st); },
        [](const std::string& in, const std::string& out) { saveEi(out, loadEi(in)); }, 14);
}

TEST(FileIntegrity, FlippedSdeModel) {
    const sde::SdeModel m = sdeModel();
    sde::TrainingMeta meta;
    meta.iterations = 3;
    meta.lossCurve = {2.0, 1.5, 1.25};
    meta.validationCurve = {0.5};
    meta.commandLine = "attractor-cli sde train --quiet";
    meta.date = "2026-01-01T00:00:00Z";
    flipTest(
        "SDE model", [&](const std::string& p) { sde::saveSdeModel(p, m, meta); },
        [](const std::string& in, const std::string& out) {
            const sde::LoadedSdeModel l = sde::loadSdeModel(in);
            sde::saveSdeModel(out, l.model, l.meta);
        },
        15);
}

TEST(FileIntegrity, FlippedSdeSession) {
    sde::SdeSessionState st;
    st.model = std::make_shared<const sde::SdeModel>(sdeModel());
    st.meta.iterations = 2;
    st.modelName = "trained here";
    st.trained = true;
    st.image.assign(784, 0.25f);
    st.label = 3;
    st.corruption = data::Corruption::Shot;
    st.robustness = {{"eps0", "clean", 1, 0.98, 1000}};
    st.robustnessCaption = "measured";
    flipTest(
        "SDE session", [&](const std::string& p) { sde::saveSdeSession(p, st); },
        [](const std::string& in, const std::string& out) {
            sde::saveSdeSession(out, sde::loadSdeSession(in));
        },
        19);
}

TEST(FileIntegrity, FlippedSurrogateSession) {
    const surrogate::SurrogateSessionState st{"/opt/models/hd2d_gru.h5",
                                              surrogate::LiveSource::OrnsteinUhlenbeck};
    flipTest(
        "Surrogate session", [&](const std::string& p) { surrogate::saveSurrogateSession(p, st); },
        [](const std::string& in, const std::string& out) {
            surrogate::saveSurrogateSession(out, surrogate::loadSurrogateSession(in));
        },
        20);
}

TEST(FileIntegrity, FlippedSurrogateModelAndDataset) {
    const surrogate::SurrogateDataset d = tinyDataset();
    flipTest(
        "surrogate dataset", [&](const std::string& p) { d.save(p); },
        [](const std::string& in, const std::string& out) {
            surrogate::SurrogateDataset::load(in).save(out);
        },
        16);
    const surrogate::SurrogateModel m = tinyModel(d);
    flipTest(
        "surrogate model", [&](const std::string& p) { m.save(p); },
        [](const std::string& in, const std::string& out) {
            surrogate::SurrogateModel::load(in).save(out);
        },
        17);
}

// The flip test itself sees silent damage: on a file written before checksums (legacy ring
// session) some flipped variants load different numbers.
TEST(FileIntegrity, FlipTestSeesSilentDamageInFilesWithoutChecksums) {
    const std::string original = as::test::tempPath("legacy_ring.h5"),
                      resaved = as::test::tempPath("legacy_ring_ref.h5");
    fs::copy_file(fs::path(AS_TEST_DATA_DIR) / "legacy" / "ring_v1.h5", original,
                  fs::copy_options::overwrite_existing);
    auto loadAndResave = [](const std::string& in, const std::string& out) {
        const RingSessionData d = loadRingSession(in);
        saveRingSession(out, *d.simulation, d.lab);
    };
    loadAndResave(original, resaved);
    const test::FlipCounts c =
        test::flipVariants(original, test::fileContent(resaved), kVariants, 21, loadAndResave);
    std::printf(
        "ring session without checksums (%ju bytes): %d variants, %d identical, %d refused, %d "
        "silently "
        "different\n",
        std::uintmax_t(fs::file_size(original)), c.variants, c.identical, c.refused, c.different);
    EXPECT_GT(c.different, 0);
    fs::remove(original);
    fs::remove(resaved);
}

// Files written before checksums (format 1; made with the build before this change, see
// tests/engine/data/legacy/README.md) load, unverified, and give what they held.
TEST(FileIntegrity, FilesWithoutChecksumsStillLoad) {
    const fs::path dir = fs::path(AS_TEST_DATA_DIR) / "legacy";
    {
        SessionReader r((dir / "ring_v1.h5").string());
        EXPECT_EQ(r.formatVersion(), 1);
        h5::Handle f = h5::openFileReadOnly((dir / "ring_v1.h5").string());
        EXPECT_FALSE(h5::hasChecksums(f));
    }
    const RingSessionData ring = loadRingSession((dir / "ring_v1.h5").string());
    EXPECT_EQ(ring.simulation->params().N, 64);
    EXPECT_GT(ring.simulation->steps(), 0);
    EXPECT_GT(ring.simulation->traces().size(), 0u);
    const auto torus = loadTorusSession((dir / "torus_v1.h5").string());
    EXPECT_GT(torus->steps(), 0);
    const auto hd2d = loadHd2dSession((dir / "hd2d_v1.h5").string());
    EXPECT_GT(hd2d->steps(), 0);
    const EiSessionState ei = loadEi((dir / "ei_v1.h5").string());
    EXPECT_GE(ei.timeMs, 0.0);
    const sde::LoadedSdeModel sdeModel = sde::loadSdeModel((dir / "sde_model_v1.h5").string());
    EXPECT_EQ(sdeModel.model.params().n, 12);
    const auto data = surrogate::SurrogateDataset::load((dir / "surrogate_dataset_v1.h5").string());
    EXPECT_EQ(data.sequences, 5);
    const auto model = surrogate::SurrogateModel::load((dir / "surrogate_model_v1.h5").string());
    EXPECT_EQ(model.nets.size(), 1u);
    // Re-saved with this build, each carries checksums and holds the same numbers.
    const std::string resaved = as::test::tempPath("ring_v1_resaved.h5");
    saveRingSession(resaved, *ring.simulation, ring.lab);
    const RingSessionData again = loadRingSession(resaved);
    EXPECT_EQ(again.simulation->captureState().u, ring.simulation->captureState().u);
    EXPECT_EQ(again.simulation->traces().channel("decoded"),
              ring.simulation->traces().channel("decoded"));
    EXPECT_EQ(SessionReader(resaved).formatVersion(), 2);
    fs::remove(resaved);
}
