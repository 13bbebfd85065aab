// SDE model files: round trip of parameters, Atilde, G and training metadata; refusal of a shape
// mismatch, an invalid parameter, a non-finite weight, a truncated file and a non-HDF5 file, each
// with a message that names the file (and the field).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"
#include "sde/SdeModelFile.h"
#include "tests/engine/TempPath.h"

using namespace as::sde;
namespace fs = std::filesystem;

namespace {

SdeModel trainedModel() {
    SdeParams p;
    p.n = 30;
    p.classes = 4;
    p.pattern = Pattern::BlocksMinus;
    p.eps = 0.05;
    p.noise = NoiseKind::Trained;
    p.steps = 50;
    p.averageSteps = 7;
    p.seed = 123456;
    SdeModel m(p);
    std::mt19937_64 rng(3);
    std::normal_distribution<float> d(0.0f, 0.3f);
    Eigen::MatrixXf a(30, 30), g(30, 30);
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        a.data()[i] = d(rng);
        g.data()[i] = d(rng);
    }
    m.setAtilde(a);
    m.setTrainedG(g);
    return m;
}

/// Rewrites /sde_model/<name> in an existing file with a matrix of the given shape and value (and
/// seals the file again, as if it had been written so: checksums are tested in
/// test_file_integrity.cpp).
void replaceDataset(const std::string& path, const std::string& name, int rows, int cols,
                    float value) {
    as::h5::silenceErrors();
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    {
        as::h5::Handle g = as::h5::openGroup(f, "sde_model");
        H5Ldelete(g, name.c_str(), H5P_DEFAULT);
        as::h5::writeDataset(g, name, std::vector<float>(std::size_t(rows * cols), value),
                             {hsize_t(rows), hsize_t(cols)});
    }
    as::h5::writeChecksums(f);
    H5Fclose(f);
    as::h5::sealFile(path);
}

void expectRefused(const std::string& path, const std::string& field) {
    try {
        loadSdeModel(path);
        FAIL() << "loaded a bad file (" << field << ")";
    } catch (const as::h5::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(path), std::string::npos) << msg;
        if (!field.empty()) EXPECT_NE(msg.find(field), std::string::npos) << msg;
    }
}

}  // namespace

TEST(SdeModelFile, RoundTrip) {
    const SdeModel m = trainedModel();
    TrainingMeta meta;
    meta.train.batch = 64;
    meta.train.trainG = true;
    meta.train.alpha = 2.5;
    meta.iterations = 1234;
    meta.finalLoss = 0.125;
    meta.validationAccuracy = 0.975;
    meta.secondsPerIteration = 0.29;
    meta.lossCurve = {3.0, 2.0, 1.0};
    meta.validationCurve = {0.5, 0.9};
    meta.commandLine = "attractor-cli sde-train --set eps=0.05";
    meta.outcome = "finished";
    const std::string path = as::test::tempPath("roundtrip.h5");
    saveSdeModel(path, m, meta);
    EXPECT_FALSE(fs::exists(path + ".part"));
    const LoadedSdeModel l = loadSdeModel(path);
    for (const auto& s : SdeParams::specs())
        EXPECT_EQ(l.model.params().get(s.key), m.params().get(s.key)) << s.key;
    EXPECT_EQ(l.model.atilde(), m.atilde());
    ASSERT_TRUE(l.model.hasTrainedG());
    EXPECT_EQ(l.model.trainedG(), m.trainedG());
    EXPECT_EQ(l.model.A(), m.A());
    EXPECT_EQ(l.meta.train.batch, 64);
    EXPECT_TRUE(l.meta.train.trainG);
    EXPECT_DOUBLE_EQ(l.meta.train.alpha, 2.5);
    EXPECT_EQ(l.meta.iterations, 1234);
    EXPECT_DOUBLE_EQ(l.meta.finalLoss, 0.125);
    EXPECT_DOUBLE_EQ(l.meta.validationAccuracy, 0.975);
    EXPECT_DOUBLE_EQ(l.meta.secondsPerIteration, 0.29);
    EXPECT_EQ(l.meta.lossCurve, meta.lossCurve);
    EXPECT_EQ(l.meta.validationCurve, meta.validationCurve);
    EXPECT_EQ(l.meta.commandLine, meta.commandLine);
    EXPECT_EQ(l.meta.outcome, "finished");
    EXPECT_EQ(l.meta.date.size(), 20u);  // filled in: YYYY-MM-DDTHH:MM:SSZ

    // An untrained model (no G) round-trips too.
    SdeParams p;
    p.n = 12;
    p.classes = 3;
    saveSdeModel(path, SdeModel(p));
    const LoadedSdeModel u = loadSdeModel(path);
    EXPECT_FALSE(u.model.hasTrainedG());
    EXPECT_EQ(u.model.atilde(), Eigen::MatrixXf::Zero(12, 12));
    EXPECT_EQ(u.meta.iterations, 0);
    fs::remove(path);
}

TEST(SdeModelFile, RefusesShapeMismatchAndBadValues) {
    const std::string path = as::test::tempPath("bad.h5");
    saveSdeModel(path, trainedModel());
    replaceDataset(path, "atilde", 30, 29, 0.0f);
    expectRefused(path, "atilde");

    saveSdeModel(path, trainedModel());
    replaceDataset(path, "g", 30, 30, std::numeric_limits<float>::quiet_NaN());
    expectRefused(path, "'g'");

    saveSdeModel(path, trainedModel());
    {
        const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        as::h5::Handle g = as::h5::openGroup(f, "sde_model");
        H5Adelete(g, "dt");
        as::h5::writeAttribute(g, "dt", 5.0);  // outside (0, 1]
        g.reset();
        as::h5::writeChecksums(f);
        H5Fclose(f);
        as::h5::sealFile(path);
    }
    expectRefused(path, "dt");
    fs::remove(path);
}

TEST(SdeModelFile, RefusesTruncatedAndForeignFiles) {
    const std::string path = as::test::tempPath("trunc.h5");
    saveSdeModel(path, trainedModel());
    const auto size = fs::file_size(path);
    for (double keep : {0.9, 0.5, 0.1}) {
        saveSdeModel(path, trainedModel());
        fs::resize_file(path, std::uintmax_t(double(size) * keep));
        expectRefused(path, "");
    }
    { std::ofstream(path) << "not an HDF5 file\n"; }
    expectRefused(path, "HDF5");
    fs::remove(path);
    expectRefused(path, "does not exist");
    // An HDF5 file without /sde_model.
    as::h5::createFile(path).close();
    expectRefused(path, "sde_model");
    fs::remove(path);
}
