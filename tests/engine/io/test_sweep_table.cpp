// The merged sweep file (io/SweepTable, docs/sweeps.md "Merge"): what is written reads back, text
// parameter values included; a foreign, damaged or inconsistent file is refused naming the file.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/Hdf5Handle.h"
#include "io/SweepTable.h"

namespace fs = std::filesystem;
using as::SweepTable;

namespace {

SweepTable sample() {
    SweepTable t;
    t.label = "lag";
    t.specHash = "fnv1a64:00000000deadbeef";
    t.ok = 2;
    t.failed = 1;
    t.missing = 0;
    t.index = {0, 1, 2};
    t.exitCode = {0, 0, 3};
    t.wallSeconds = {0.5, 0.25, 0.125};
    t.seed = {1, 2, NAN};
    t.status = {"ok", "ok", "failed"};
    t.log = {"d/lag_0.log", "d/lag_1.log", "d/lag_2.log"};
    t.paramLabels = {"protocol", "seed"};
    t.paramValues = {{"jump", "jump", "lag"}, {"1", "2", "1"}};
    t.resultFields = {"t95_ms"};
    t.results = {{150, 160, NAN}};
    t.groupBy = {"protocol"};
    t.groupKeys = {{"jump", "lag"}};
    t.groupMean = {{155, NAN}};
    t.groupStd = {{7.0710678118654755, NAN}};
    t.groupN = {{2, 0}};
    return t;
}

std::string scratch(const std::string& name) {
    return (fs::temp_directory_path() /
            ("as_sweep_table_" + name + "_" + std::to_string(::getpid()) + ".h5"))
        .string();
}

std::string refusal(const std::string& path) {
    try {
        as::readSweepTable(path);
    } catch (const as::h5::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(SweepTable, ReadsBackWhatWasWritten) {
    const std::string path = scratch("roundtrip");
    const SweepTable t = sample();
    as::writeSweepTable(path, t);
    EXPECT_FALSE(fs::exists(path + ".part"));
    const SweepTable r = as::readSweepTable(path);
    EXPECT_EQ(r.label, t.label);
    EXPECT_EQ(r.specHash, t.specHash);
    EXPECT_EQ(r.jobCount(), 3u);
    EXPECT_EQ(r.failed, 1);
    EXPECT_EQ(r.exitCode, t.exitCode);
    EXPECT_EQ(r.wallSeconds, t.wallSeconds);
    EXPECT_TRUE(std::isnan(r.seed[2]));
    EXPECT_EQ(r.status, t.status);
    EXPECT_EQ(r.log, t.log);
    EXPECT_EQ(r.paramLabels, t.paramLabels);
    EXPECT_EQ(r.paramValues, t.paramValues);  // text values ("jump") survive
    EXPECT_EQ(r.resultFields, t.resultFields);
    EXPECT_EQ(r.results[0][1], 160);
    EXPECT_TRUE(std::isnan(r.results[0][2]));
    EXPECT_EQ(r.groupBy, t.groupBy);
    EXPECT_EQ(r.groupKeys, t.groupKeys);
    EXPECT_EQ(r.groupMean[0][0], 155);
    EXPECT_EQ(r.groupStd[0][0], t.groupStd[0][0]);
    EXPECT_EQ(r.groupN, t.groupN);
    // The numeric view of a parameter: NaN for text.
    as::h5::Handle f = as::h5::openFileReadOnly(path);
    const auto seed =
        as::h5::readDoubles(as::h5::openGroup(as::h5::openGroup(f, "jobs"), "params"), "seed");
    EXPECT_EQ(seed, (std::vector<double>{1, 2, 1}));
    EXPECT_TRUE(std::isnan(SweepTable::number("jump")));
    EXPECT_EQ(SweepTable::number("0.25"), 0.25);
    fs::remove(path);
}

TEST(SweepTable, WithoutGroupsAndWithoutResults) {
    const std::string path = scratch("plain");
    SweepTable t = sample();
    t.groupBy.clear();
    t.groupKeys.clear();
    t.groupMean.clear();
    t.groupStd.clear();
    t.groupN.clear();
    t.resultFields.clear();
    t.results.clear();
    as::writeSweepTable(path, t);
    const SweepTable r = as::readSweepTable(path);
    EXPECT_TRUE(r.groupBy.empty());
    EXPECT_TRUE(r.resultFields.empty());
    EXPECT_EQ(r.paramValues, t.paramValues);
    fs::remove(path);
}

TEST(SweepTable, RefusesForeignDamagedAndInconsistentFiles) {
    const std::string text = scratch("text");
    std::ofstream(text) << "index,v\n0,1\n";
    EXPECT_NE(refusal(text).find("merged sweep '" + text + "': not an HDF5 file"),
              std::string::npos)
        << refusal(text);
    EXPECT_NE(refusal(scratch("absent")).find("not an HDF5 file (or missing)"), std::string::npos);

    const std::string foreign = scratch("foreign");
    as::h5::writeFileAtomically(foreign, "test", [](hid_t f) {
        as::h5::writeAttribute(f, "format", std::string("attractor-studio-session"));
    });
    EXPECT_NE(refusal(foreign).find("not a merged sweep"), std::string::npos) << refusal(foreign);

    const std::string shortColumn = scratch("short");
    as::h5::writeFileAtomically(shortColumn, "test", [](hid_t f) {  // says 3 jobs, holds 2
        as::h5::writeAttribute(f, "format", std::string(as::kSweepTableFormat));
        as::h5::writeAttribute(f, "format_version", std::int64_t(1));
        for (const char* a : {"label", "spec_hash"}) as::h5::writeAttribute(f, a, std::string("x"));
        for (const char* a : {"ok", "failed", "missing"})
            as::h5::writeAttribute(f, a, std::int64_t(0));
        as::h5::writeAttribute(f, "jobs", std::int64_t(3));
        as::h5::Handle jobs = as::h5::createGroup(f, "jobs");
        as::h5::writeDataset(jobs, "index", std::vector<double>{0, 1}, {2});
    });
    EXPECT_NE(refusal(shortColumn).find("dataset 'index' has 2 values, not 3"), std::string::npos)
        << refusal(shortColumn);

    // A flipped byte in the middle of a good file: refused by the checksums, never read silently.
    const std::string damaged = scratch("damaged");
    as::writeSweepTable(damaged, sample());
    std::string bytes;
    {
        std::ifstream in(damaged, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    int refused = 0;
    for (std::size_t at = 512; at < bytes.size(); at += bytes.size() / 40) {
        std::string copy = bytes;
        copy[at] = char(copy[at] ^ 0x20);
        std::ofstream(damaged, std::ios::binary | std::ios::trunc) << copy;
        try {
            const SweepTable r = as::readSweepTable(damaged);
            EXPECT_EQ(r.paramValues, sample().paramValues)
                << "byte " << at << " changed what was read";
        } catch (const as::h5::Error& e) {
            EXPECT_NE(std::string(e.what()).find(damaged), std::string::npos);
            ++refused;
        }
    }
    EXPECT_GT(refused, 0);
    for (const auto& p : {text, foreign, shortColumn, damaged}) fs::remove(p);
}
