// Writes the seed inputs of every fuzz target into <dir>/<target>/ with the product's own writers
// (session files, model files, datasets, IDX, robustness CSV, --set lines), kept small (a few KB)
// so libFuzzer mutates them quickly. scripts/fuzz.sh runs it before fuzzing; the saved regression
// corpus in tests/fuzz/corpus/ started from its output. Usage: fuzz-make-seeds <dir>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "cann/Hd2dSession.h"
#include "cann/Hd2dSimulation.h"
#include "cann/RingSession.h"
#include "cann/RingSimulation.h"
#include "cann/TorusSession.h"
#include "cann/TorusSimulation.h"
#include "data/IdxWriter.h"
#include "io/SessionFile.h"
#include "sde/RobustnessRecords.h"
#include "sde/SdeModelFile.h"
#include "spiking/EiSession.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateModel.h"
#include "tests/engine/cann/SmallTorus.h"

namespace fs = std::filesystem;
using namespace as;

namespace {

fs::path dirOf(const fs::path& root, const char* target) {
    fs::create_directories(root / target);
    return root / target;
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

void ringSeeds(const fs::path& dir) {
    CannParams p;
    p.N = 32;
    StimulusParams s;
    s.protocol = Protocol::Moving;
    RingSimulation sim(p, s, 64, 8, 4);
    sim.step(20);
    saveRingSession((dir / "ring_moving.h5").string(), sim);
    s.protocol = Protocol::Persistent;
    RingSimulation fresh(p, s, 16, 4, 4);
    saveRingSession((dir / "ring_fresh.h5").string(), fresh, "torus");
}

void torusSeeds(const fs::path& torusDir, const fs::path& hd2dDir) {
    const TorusParams p = test::smallUnevenTorus();
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::Helix;
    TorusSimulation torus(p, tp, 32);
    torus.step(10);
    saveTorusSession((torusDir / "torus_helix.h5").string(), torus);
    tp.kind = TrajectoryKind::Static;
    Hd2dSimulation hd(p, tp, 32);
    hd.step(10);
    saveHd2dSession((hd2dDir / "hd2d_static.h5").string(), hd);
}

void eiSeeds(const fs::path& dir) {
    EiSessionState st;
    st.params.NE = 80;
    st.protocol = "jump";
    st.timeMs = 12.5;
    SessionWriter w((dir / "ei_jump.h5").string(), "ei");
    w.write([&](hid_t root) { writeEiGroup(root, st); });
    w.commit();
}

void sdeSeeds(const fs::path& dir) {
    sde::SdeParams p;
    p.n = 12;
    p.classes = 3;
    p.noise = sde::NoiseKind::Trained;
    sde::SdeModel m(p);
    std::mt19937_64 rng(7);
    std::normal_distribution<float> d(0.0f, 0.3f);
    Eigen::MatrixXf a(p.n, p.n), g(p.n, p.n);
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        a.data()[i] = d(rng);
        g.data()[i] = d(rng);
    }
    m.setAtilde(a);
    m.setTrainedG(g);
    sde::TrainingMeta meta;
    meta.iterations = 3;
    meta.lossCurve = {2.0, 1.5, 1.2};
    meta.commandLine = "fuzz-make-seeds";
    meta.outcome = "finished";
    sde::saveSdeModel((dir / "sde_trained.h5").string(), m, meta);
    p.noise = sde::NoiseKind::Identity;
    sde::saveSdeModel((dir / "sde_untrained.h5").string(), sde::SdeModel(p));
}

void surrogateSeeds(const fs::path& modelDir, const fs::path& dataDir) {
    surrogate::DatasetParams dp;
    dp.sequences = 5;
    dp.steps = 10;
    dp.teacher.N = 32;
    dp.settleMs = 2;
    const surrogate::SurrogateDataset data = surrogate::SurrogateDataset::generate(dp);
    data.save((dataDir / "dataset_ring.h5").string());
    surrogate::TrainParams tp;
    tp.bins = 4;
    tp.features = 4;
    tp.hidden = 4;
    tp.head = 4;
    surrogate::SurrogateModel::create(surrogate::SurrogateCase::Ring, tp, data)
        .save((modelDir / "model_ring_gru.h5").string());
    tp.cell = surrogate::CellType::Lstm;
    surrogate::SurrogateModel::create(surrogate::SurrogateCase::Ring, tp, data)
        .save((modelDir / "model_ring_lstm.h5").string());
}

void idxSeeds(const fs::path& dir) {
    data::IdxImages images;
    images.count = 3;
    images.rows = 4;
    images.cols = 5;
    for (int i = 0; i < 60; ++i) images.pixels.push_back(std::uint8_t(i * 4));
    data::writeIdxImages((dir / "images.idx3").string(), images);
    data::writeIdxLabels((dir / "labels.idx1").string(), {7, 2, 1});
}

void csvSeeds(const fs::path& dir) {
    std::vector<sde::RobustnessRecord> records{{"eps0", "clean", 1, 0.9735, 10000},
                                               {"eps0", "gauss05", 2, 0.6521, 1000},
                                               {"gtrained", "fog", 1, 0.5, 100}};
    writeText(dir / "table.csv", "# Table 1\n" + sde::formatRobustnessCsv(records));
    writeText(
        dir / "cli_eval.csv",
        "corruption,label,accuracy,n_test\nclean,MNIST,0.98,1000\n\"shot\",Shot noise,0.9,1000\n");
}

void setSeeds(const fs::path& dir) {
    writeText(dir / "ring.txt", "ring\nN=256\ntau=10\nprotocol=moving\nv=0.03\nintegrator=rk4\n");
    writeText(dir / "torus.txt", "torus\nn=16\ntrajectory=helix\nradius=4\n");
    writeText(dir / "sde.txt", "sde\nn=784\nclasses=10\neps=0.05\nlr=1e-3\nepochs=2\n");
    writeText(dir / "ei.txt", "ei\nNE=1600\nseed=99\nkappa=0.5\n");
    writeText(dir / "surrogate.txt", "surrogate\ncell=lstm\nhidden=16\nbins=8\n");
    writeText(dir / "bad.txt", "ring\n=5\ntau\ndt=1e-9\nN=1e300\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz-make-seeds <dir>\n";
        return 2;
    }
    const fs::path root = argv[1];
    try {
        ringSeeds(dirOf(root, "fuzz_ring_session"));
        torusSeeds(dirOf(root, "fuzz_torus_session"), dirOf(root, "fuzz_hd2d_session"));
        eiSeeds(dirOf(root, "fuzz_ei_session"));
        sdeSeeds(dirOf(root, "fuzz_sde_model"));
        surrogateSeeds(dirOf(root, "fuzz_surrogate_model"), dirOf(root, "fuzz_surrogate_dataset"));
        idxSeeds(dirOf(root, "fuzz_idx"));
        csvSeeds(dirOf(root, "fuzz_robustness_csv"));
        setSeeds(dirOf(root, "fuzz_set"));
    } catch (const std::exception& e) {
        std::cerr << "fuzz-make-seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
