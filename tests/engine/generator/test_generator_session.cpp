// The Generator lab's session group /generator and its settings: a group round-trips (settings,
// names, the model's weights and statistics), every damaged form is refused with a message naming
// the group and the attribute or subgroup, the settings' cross-field rules hold, and the generated
// images file keeps its arrays.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/BuildPaths.h"
#include "generator/GeneratedImagesFile.h"
#include "generator/GeneratorSession.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Matrix.h"
#include "tests/engine/TempPath.h"

using namespace as::generator;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<const GeneratorModel> shippedModel() {
    static const auto m = std::make_shared<const GeneratorModel>(
        loadGeneratorModel(as::buildResourcesDir() + "/models/gen_012.h5").model);
    return m;
}

GeneratorSessionState state() {
    GeneratorSessionState s;
    s.model = shippedModel();
    s.modelName = "gen_012.h5";
    s.modelSource = "/somewhere/gen_012.h5";
    s.view.seed = 42;
    s.view.perClass = 7;
    s.view.centre = 1;
    s.train.digits = 1;
    s.train.eps = 0.1;
    return s;
}

}  // namespace

TEST(GeneratorSession, RoundTrips) {
    const std::string p = as::test::tempPath("ok.h5");
    {
        as::h5::Handle f = as::h5::createFile(p);
        writeGeneratorGroup(f, state());
    }
    as::h5::Handle f = as::h5::openFileReadOnly(p);
    const GeneratorSessionState r = readGeneratorGroup(f);
    EXPECT_EQ(r.modelName, "gen_012.h5");
    EXPECT_EQ(r.modelSource, "/somewhere/gen_012.h5");
    EXPECT_EQ(r.view.seed, 42u);
    EXPECT_EQ(r.view.perClass, 7);
    EXPECT_EQ(r.view.centre, 1);
    EXPECT_EQ(r.train.digits, 1);
    EXPECT_DOUBLE_EQ(r.train.eps, 0.1);
    ASSERT_TRUE(r.model->hasStats());
    EXPECT_EQ(r.model->decoder().w.back(), shippedModel()->decoder().w.back());
    EXPECT_EQ(r.model->stats().at(2).aboutAttractor, shippedModel()->stats().at(2).aboutAttractor);
    fs::remove(p);
}

TEST(GeneratorSession, DamagedGroupsAreRefusedNamingWhat) {
    // The attribute rewritten, its new value, and what the message must name.
    struct Case {
        std::string attr;
        double value;
        std::string expect;
    };
    const std::vector<Case> cases = {
        {"format_version", 7, "format_version 7"},
        {"view.per_class", 0, "view.per_class"},
        {"view.centre", 2.5, "view.centre"},
        {"view.langevin_every", 1000, "langevin_every"},  // > langevin_steps (300)
        {"train.latent_dim", 1, "train.latent_dim"},
        {"train.eps", std::nan(""), "train.eps"},
    };
    for (const Case& c : cases) {
        const std::string p = as::test::tempPath("damaged.h5");
        {
            as::h5::Handle f = as::h5::createFile(p);
            writeGeneratorGroup(f, state());
            as::h5::Handle g = as::h5::openGroup(f, "generator");
            H5Adelete(g, c.attr.c_str());
            if (c.attr == "format_version")
                as::h5::writeAttribute(g, c.attr, std::int64_t(c.value));
            else
                as::h5::writeAttribute(g, c.attr, c.value);
        }
        as::h5::Handle f = as::h5::openFileReadOnly(p);
        try {
            readGeneratorGroup(f);
            ADD_FAILURE() << c.attr << " = " << c.value << " was accepted";
        } catch (const std::exception& e) {
            const std::string m = e.what();
            EXPECT_EQ(m.rfind("/generator", 0), 0u) << m;
            EXPECT_NE(m.find(c.expect), std::string::npos) << m;
        }
        fs::remove(p);
    }
    // No model subgroup; no group at all.
    const std::string p = as::test::tempPath("nomodel.h5");
    {
        as::h5::Handle f = as::h5::createFile(p);
        as::h5::Handle g = as::h5::createGroup(f, "generator");
        as::h5::writeAttribute(g, "format_version", std::int64_t(1));
    }
    as::h5::Handle f = as::h5::openFileReadOnly(p);
    EXPECT_THROW(readGeneratorGroup(f), std::runtime_error);
    fs::remove(p);
}

// Format 1 came before the Langevin target scale: its files lack view.langevin_target_scale, which
// then reads as its default (1) while the other settings load as written. A format-2 group without
// it is damaged and refused, naming it.
TEST(GeneratorSession, FormatOneWithoutTheTargetScaleLoadsWithItsDefault) {
    const std::string p = as::test::tempPath("v1.h5");
    // The group as written, then without the scale, and with format_version set to `version`.
    auto read = [&](bool dropScale, std::int64_t version) {
        GeneratorSessionState s = state();
        s.view.langevinTargetScale = 0.05;
        {
            as::h5::Handle f = as::h5::createFile(p);
            writeGeneratorGroup(f, s);
            as::h5::Handle g = as::h5::openGroup(f, "generator");
            if (dropScale) H5Adelete(g, "view.langevin_target_scale");
            H5Adelete(g, "format_version");
            as::h5::writeAttribute(g, "format_version", version);
        }
        as::h5::Handle f = as::h5::openFileReadOnly(p);
        return readGeneratorGroup(f);
    };
    EXPECT_DOUBLE_EQ(read(false, 2).view.langevinTargetScale, 0.05);
    try {
        read(true, 2);
        ADD_FAILURE() << "a format-2 group without view.langevin_target_scale was accepted";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("view.langevin_target_scale"), std::string::npos)
            << e.what();
    }
    const GeneratorSessionState r = read(true, 1);
    EXPECT_DOUBLE_EQ(r.view.langevinTargetScale, 1.0);
    EXPECT_EQ(r.view.seed, 42u);
    EXPECT_EQ(r.view.perClass, 7);
    fs::remove(p);
}

TEST(GeneratorSettings, RulesAndEngineParameters) {
    GeneratorViewSettings v;
    EXPECT_NO_THROW(v.check());
    v.langevinEvery = v.langevinSteps + 1;
    EXPECT_THROW(v.check(), as::ParamError);
    v.langevinSteps = 100000;
    v.langevinEvery = 50;  // exactly 2,000 decoded states after x(0)
    EXPECT_NO_THROW(v.check());
    v.langevinEvery = 49;
    EXPECT_THROW(v.check(), as::ParamError);
    GeneratorTrainSettings t;
    EXPECT_NO_THROW(t.check());
    t.horizon = 1.5;
    EXPECT_EQ(t.model().latent.steps, 50);  // T / dt with dt = 0.03
    EXPECT_EQ(t.digitList().size(), 3u);
    t.digits = 1;
    t.latentDim = 5;  // fewer latent nodes than the ten classes
    EXPECT_THROW(t.check(), std::invalid_argument);
    EXPECT_DOUBLE_EQ(t.training().wConv, 0.1);
}

TEST(GeneratedImagesFile, KeepsTheArrays) {
    GeneratedImages g;
    g.images = Eigen::MatrixXf::Random(784, 3).cwiseAbs();
    g.latent = Eigen::MatrixXf::Random(4, 3);
    g.digits = {0, 1, 2};
    g.what = "test";
    g.extra.push_back({"gallery_index", {5, 6, 7}});
    const std::string p = as::test::tempPath("images.h5");
    writeGeneratedImages(p, g);
    as::h5::Handle f = as::h5::openFileReadOnly(p);
    as::h5::Handle grp = as::h5::openGroup(f, "generated");
    EXPECT_EQ(as::h5::readMatrixF(grp, "images", 3, 784, "t"),
              Eigen::MatrixXf(g.images.transpose()));
    EXPECT_EQ(as::h5::readMatrixF(grp, "latent", 3, 4, "t"), Eigen::MatrixXf(g.latent.transpose()));
    EXPECT_EQ(as::h5::readDoubles(grp, "gallery_index"), (std::vector<double>{5, 6, 7}));
    g.digits.pop_back();
    EXPECT_THROW(writeGeneratedImages(p, g), std::invalid_argument);
    fs::remove(p);
}
