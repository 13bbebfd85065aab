// Sweep specs (app/cli/SweepSpec): reading, refusing malformed specs with the line and the field,
// expansion (grid with the last parameter fastest, zipped groups, list rows inline and from a CSV),
// the spec hash, each job's arguments; the job file (/sweep group around a copied session) and the
// merge (CSV, group statistics, missing and failed jobs) on hand-made job files.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "CliCommand.h"
#include "JsonLineMap.h"
#include "SweepJobFile.h"
#include "SweepMerge.h"
#include "SweepProcess.h"
#include "SweepSpec.h"
#include "io/Hdf5Handle.h"

using namespace as::cli;
namespace fs = std::filesystem;

namespace {

const char* kRing = R"({
  "label": "lag",
  "command": ["ring", "--protocol", "moving", "--duration", "50"],
  "params": [
    {"label": "v", "key": "v", "values": [0.01, 0.02]},
    {"label": "seed", "flag": "--seed", "values": {"start": 1, "stop": 3, "step": 1}}
  ]
})";

/// The CliError message of reading `text`, or "" if it reads.
std::string refusal(const std::string& text) {
    try {
        SweepSpec::fromText(text, "spec.json");
    } catch (const CliError& e) {
        EXPECT_EQ(e.code(), kExitUsage);
        return e.what();
    }
    return "";
}

fs::path scratch(const std::string& name) {
    const fs::path p =
        fs::temp_directory_path() / ("as_sweep_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

}  // namespace

TEST(SweepSpec, GridIsTheCartesianProductWithTheLastParameterFastest) {
    const SweepSpec s = SweepSpec::fromText(kRing, "spec.json");
    ASSERT_EQ(s.jobCount(), 6u);
    const std::vector<std::vector<std::string>> expected = {
        {"0.01", "1"}, {"0.01", "2"}, {"0.01", "3"}, {"0.02", "1"}, {"0.02", "2"}, {"0.02", "3"}};
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(s.jobs()[i].index, int(i));
        EXPECT_EQ(s.jobs()[i].values, expected[i]);
    }
    EXPECT_EQ(s.output(), "lag");  // default folder: the label
    EXPECT_TRUE(s.skipExisting());
    EXPECT_EQ(s.seedParam(), 1);  // the --seed flag
    EXPECT_EQ(s.jobName(4), "lag_4");
    EXPECT_EQ(s.describe(s.jobs()[4]), "v=0.02, seed=2");
}

TEST(SweepSpec, RangesGiveCleanNumbers) {
    const SweepSpec s = SweepSpec::fromText(R"({"label": "r", "command": ["ring"], "params": [
        {"label": "a", "key": "A", "values": {"start": 0, "stop": 0.3, "step": 0.1}},
        {"label": "b", "key": "k", "values": {"start": 1, "stop": 2, "num": 3}}]})",
                                            "s");
    ASSERT_EQ(s.jobCount(), 12u);
    const std::vector<std::string> a = {"0", "0.1", "0.2",
                                        "0.3"};  // 0.1 * 3 is not written 0.30000000000000004
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(s.jobs()[i * 3].values[0], a[i]);
    EXPECT_EQ(s.jobs()[0].values[1], "1");
    EXPECT_EQ(s.jobs()[1].values[1], "1.5");
    EXPECT_EQ(s.jobs()[2].values[1], "2");
}

TEST(SweepSpec, GroupedParametersVaryTogether) {
    const SweepSpec s = SweepSpec::fromText(R"({"label": "z", "command": ["ring"], "params": [
        {"label": "v", "key": "v", "values": [0.01, 0.02, 0.04], "group": "speed"},
        {"label": "seed", "flag": "--seed", "values": [1, 2]},
        {"label": "T", "flag": "--duration", "values": [400, 200, 100], "group": "speed"}]})",
                                            "s");
    ASSERT_EQ(s.jobCount(), 6u);  // 3 zipped (v, T) x 2 seeds
    EXPECT_EQ(s.jobs()[0].values, (std::vector<std::string>{"0.01", "1", "400"}));
    EXPECT_EQ(s.jobs()[1].values, (std::vector<std::string>{"0.01", "2", "400"}));
    EXPECT_EQ(s.jobs()[5].values, (std::vector<std::string>{"0.04", "2", "100"}));
}

TEST(SweepSpec, ListMethodTakesRowsInlineOrFromACsv) {
    const SweepSpec s = SweepSpec::fromText(R"({"label": "l", "command": ["ring"], "method": "list",
        "params": [{"label": "v", "key": "v"}, {"label": "seed", "flag": "--seed"}],
        "rows": [[0.01, 7], [0.03, "8"]]})",
                                            "s");
    ASSERT_EQ(s.jobCount(), 2u);
    EXPECT_EQ(s.jobs()[1].values, (std::vector<std::string>{"0.03", "8"}));

    const fs::path dir = scratch("csv");
    std::ofstream(dir / "rows.csv") << "seed, v\n1, 0.5\n\n2, 0.25\n";
    std::ofstream(dir / "spec.json") << R"({"label": "l", "command": ["ring"], "method": "list",
        "params": [{"label": "v", "key": "v"}, {"label": "seed", "flag": "--seed"}], "csv": "rows.csv"})";
    const SweepSpec c =
        SweepSpec::fromFile((dir / "spec.json").string());  // csv relative to the spec
    ASSERT_EQ(c.jobCount(), 2u);
    EXPECT_EQ(c.jobs()[1].values, (std::vector<std::string>{"0.25", "2"}));
    std::ofstream(dir / "rows.csv") << "seed,v\n1,0.5,9\n";
    try {
        SweepSpec::fromFile((dir / "spec.json").string());
        FAIL() << "a row with too many values must be refused";
    } catch (const CliError& e) {
        EXPECT_NE(std::string(e.what()).find("rows.csv:2: has 3 values, expected 2"),
                  std::string::npos)
            << e.what();
    }
    fs::remove_all(dir);
}

TEST(SweepSpec, MalformedSpecsNameTheLineAndTheField) {
    // Not JSON: the line and column of the syntax error.
    EXPECT_NE(refusal("{\n  \"label\": \"x\",\n  \"command\": [\"ring\",]\n}").find("spec.json:3:"),
              std::string::npos);
    // A field of the wrong type: its line and its path.
    const std::string wrongType = refusal(
        "{\"label\": \"x\",\n \"command\": [\"ring\"],\n \"params\": [\n  {\"label\": \"v\", "
        "\"key\": \"v\",\n"
        "   \"values\": \"fast\"}\n ]\n}");
    EXPECT_NE(wrongType.find("spec.json:5: params[0].values: must be a list of values or a range"),
              std::string::npos)
        << wrongType;
    const std::string unknown = refusal("{\"label\": \"x\",\n \"comand\": [\"ring\"]}");
    EXPECT_NE(unknown.find("spec.json:2: comand: unknown field"), std::string::npos) << unknown;
    const std::string missing = refusal("{\"label\": \"x\", \"params\": []}");
    EXPECT_NE(missing.find("spec.json:1: command: missing (required)"), std::string::npos)
        << missing;
    const std::string both = refusal(
        "{\"label\": \"x\", \"command\": [\"ring\"],\n \"params\": [{\"label\": \"v\", \"key\": "
        "\"v\", \"flag\": \"--v\", \"values\": [1]}]}");
    EXPECT_NE(both.find("spec.json:2: params[0]: needs exactly one of key"), std::string::npos)
        << both;
    const std::string zip = refusal(
        "{\"label\": \"x\", \"command\": [\"ring\"], \"params\": [\n{\"label\": \"a\", \"key\": "
        "\"v\", \"values\": [1, 2], \"group\": true},\n"
        "{\"label\": \"b\", \"key\": \"A\", \"values\": [1, 2, 3], \"group\": true}]}");
    EXPECT_NE(zip.find("spec.json:3: params[1].values: group 'group' zips"), std::string::npos)
        << zip;
    EXPECT_NE(refusal("{\"label\": \"x\", \"command\": [\"ring\"], \"params\": [{\"label\": \"a\", "
                      "\"key\": \"v\", "
                      "\"values\": [1]}, {\"label\": \"a\", \"key\": \"A\", \"values\": [2]}]}")
                  .find("'a' is used twice"),
              std::string::npos);
    EXPECT_NE(refusal("{\"label\": \"x\", \"command\": [\"--protocol\"], \"params\": [{\"label\": "
                      "\"a\", \"key\": \"v\", "
                      "\"values\": [1]}]}")
                  .find("command: must start with a lab subcommand"),
              std::string::npos);
    EXPECT_NE(refusal("{\"label\": \"x\", \"command\": [\"ring\"], \"params\": [{\"label\": \"a\", "
                      "\"key\": \"v\", "
                      "\"values\": {\"start\": 0, \"stop\": 1, \"step\": -0.1}}]}")
                  .find("params[0].values.step: must be non-zero and lead from start to stop"),
              std::string::npos);
}

TEST(SweepSpec, HashCoversTheJobsOnly) {
    const SweepSpec a = SweepSpec::fromText(kRing, "a");
    std::string moved = kRing;
    moved.insert(1,
                 "\n  \"output\": \"elsewhere\", \"skip_existing\": false, \"slurm\": "
                 "{\"partition\": \"p\"},");
    const SweepSpec b = SweepSpec::fromText(moved, "b");
    EXPECT_EQ(a.hash(), b.hash());  // folder, skip and Slurm options do not change the jobs
    EXPECT_EQ(b.output(), "elsewhere");
    EXPECT_FALSE(b.skipExisting());
    EXPECT_EQ(b.slurm().partition, "p");
    std::string other = kRing;
    other.replace(other.find("0.02"), 4, "0.03");
    EXPECT_NE(SweepSpec::fromText(other, "c").hash(), a.hash());
    EXPECT_EQ(a.hash().rfind("fnv1a64:", 0), 0u);
    EXPECT_EQ(a.hash().size(), 8u + 16u);
}

TEST(SweepSpec, JobArgumentsPassKeysAsSetAndFlagsAsOptions) {
    const SweepSpec s = SweepSpec::fromText(kRing, "s");
    const auto args = s.jobArgs(s.jobs()[5], "d/lag_5.h5");
    ASSERT_EQ(args.size(), 1u);
    EXPECT_EQ(args[0], (std::vector<std::string>{"ring", "--protocol", "moving", "--duration", "50",
                                                 "--set", "v=0.02", "--seed", "3", "--out",
                                                 "d/lag_5.h5", "--quiet"}));
    EXPECT_EQ(s.stageArgs(s.jobs()[5], 0, 0, "o.h5"),
              (std::vector<std::string>{"ring", "--protocol", "moving", "--duration", "50", "--set",
                                        "v=0.02", "--out", "o.h5", "--quiet"}));
    // Two commands: {out} names the first one's file; parameters go to their stage.
    const SweepSpec t = SweepSpec::fromText(R"({"label": "tab", "command": [
        ["sde", "train", "--out", "{out}"], ["sde", "eval", "--model", "{out}", "--csv", "{label}_{index}.csv"]],
        "params": [{"label": "eps", "flag": "--eps", "values": [0.1]}, {"label": "s", "flag": "--seed", "values": [4], "stage": 1}]})",
                                            "t");
    const auto two = t.jobArgs(t.jobs()[0], "w/tab_0.h5");
    EXPECT_EQ(two[0], (std::vector<std::string>{"sde", "train", "--out", "w/tab_0.h5", "--eps",
                                                "0.1", "--quiet"}));
    EXPECT_EQ(two[1], (std::vector<std::string>{"sde", "eval", "--model", "w/tab_0.h5", "--csv",
                                                "tab_0.csv", "--seed", "4", "--quiet"}));
    EXPECT_EQ(t.seedParam(), 1);
}

TEST(JsonLineMap, FindsTheLineOfEveryValue) {
    const std::string text = "{\n \"a\": 1,\n \"b\": [\n  {\"c\": \"x\\\"y\"},\n  2\n ]\n}";
    const JsonLineMap m(text);
    EXPECT_EQ(m.line("/a"), 2);
    EXPECT_EQ(m.line("/b"), 3);
    EXPECT_EQ(m.line("/b/0/c"), 4);
    EXPECT_EQ(m.line("/b/1"), 5);
    EXPECT_EQ(m.line("/b/0/missing"), 4);  // the enclosing object
    EXPECT_EQ(lineColumnAt(text, text.find("2")), std::make_pair(5, 3));
}

TEST(SweepJobFile, KeepsTheSessionAndAddsTheSweepGroup) {
    const fs::path dir = scratch("jobfile");
    const std::string payload = (dir / "payload.h5").string(), job = (dir / "job.h5").string();
    as::h5::writeFileAtomically(payload, "test payload", [](hid_t f) {
        as::h5::writeAttribute(f, "format", std::string("attractor-studio-session"));
        as::h5::writeAttribute(f, "format_version", std::int64_t(2));
        as::h5::Handle g = as::h5::createGroup(f, "ring");
        as::h5::writeDataset(g, "u", std::vector<double>{1, 2, 3}, {3});
        const hsize_t three = 3;  // a numeric array attribute is copied as stored
        as::h5::Handle space(H5Screate_simple(1, &three, nullptr));
        as::h5::Handle a(H5Acreate2(f, "shape", H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT));
        const int shape[3] = {28, 28, 10};
        H5Awrite(a, H5T_NATIVE_INT, shape);
    });
    SweepRecord r;
    r.specHash = "fnv1a64:0123456789abcdef";
    r.label = "lag";
    r.index = 4;
    r.paramLabels = {"v", "seed"};
    r.values = {"0.02", "2"};
    r.seed = 2;
    r.exitCode = 0;
    r.wallSeconds = 0.25;
    r.summaryJson = R"({"lag_rad":0.5})";
    r.log = "lag_4.log";
    writeSweepJobFile(job, payload, r);
    EXPECT_FALSE(fs::exists(job + ".part"));
    const SweepRecord back = readSweepRecord(job);  // verifies the checksums
    EXPECT_EQ(back.specHash, r.specHash);
    EXPECT_EQ(back.index, 4);
    EXPECT_EQ(back.values, r.values);
    EXPECT_EQ(back.paramLabels, r.paramLabels);
    EXPECT_EQ(back.seed, 2);
    EXPECT_EQ(back.wallSeconds, 0.25);
    EXPECT_EQ(back.summaryJson, r.summaryJson);
    as::h5::Handle f = as::h5::openFileReadOnly(job);
    EXPECT_EQ(as::h5::readStringAttribute(f, "format"), "attractor-studio-session");
    as::h5::Handle g = as::h5::openGroup(f, "ring");
    EXPECT_EQ(as::h5::readDoubles(g, "u"), (std::vector<double>{1, 2, 3}));
    as::h5::Handle a(H5Aopen(f, "shape", H5P_DEFAULT));
    int shape[3] = {0, 0, 0};
    ASSERT_GE(H5Aread(a, H5T_NATIVE_INT, shape), 0);
    EXPECT_EQ(shape[0] * 10000 + shape[1] * 100 + shape[2], 282810);
    fs::remove_all(dir);
}

TEST(SweepMerge, OneRowPerJobGroupStatisticsAndTheMissingAndFailedListed) {
    const fs::path dir = scratch("merge");
    const SweepSpec s = SweepSpec::fromText(kRing, "s");
    // Jobs 0..4 ran (job 2 failed), job 5 is missing. lag = v * seed.
    for (int i = 0; i < 5; ++i) {
        const SweepJob& job = s.jobs()[std::size_t(i)];
        SweepRecord r;
        r.specHash = s.hash();
        r.label = s.label();
        r.index = i;
        r.paramLabels = {"v", "seed"};
        r.values = job.values;
        r.seed = std::stoll(job.values[1]);
        r.exitCode = i == 2 ? 3 : 0;
        r.log = (dir / (s.jobName(i) + ".log")).string();
        r.summaryJson = "{\"lab\":\"ring\",\"lag\":" +
                        std::to_string(std::stod(job.values[0]) * double(r.seed)) +
                        ",\"halted\":" + (i == 2 ? "true" : "false") + ",\"t95_ms\":null}";
        writeSweepJobFile((dir / (s.jobName(i) + ".h5")).string(), "", r);
    }
    const SweepMergeReport rep = mergeSweep(s, dir.string(), {{"v"}});
    EXPECT_EQ(rep.ok, 4);
    EXPECT_EQ(rep.failed, 1);
    EXPECT_EQ(rep.missing, 1);
    ASSERT_EQ(rep.problems.size(), 2u);
    EXPECT_NE(rep.problems[0].find("lag_2 (v=0.01, seed=3): failed with exit code 3, log "),
              std::string::npos);
    EXPECT_NE(rep.problems[1].find("lag_5 (v=0.02, seed=3): missing, no log"), std::string::npos);
    EXPECT_EQ(rep.resultFields,
              (std::vector<std::string>{"lag", "halted", "t95_ms"}));  // strings are left out

    const std::string csv = readText(rep.csv);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "index,v,seed,status,exit_code,wall_s,log,lag,halted,t95_ms");
    EXPECT_NE(csv.find("\n2,0.01,3,failed,3,0,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\n5,0.02,3,missing,,,"), std::string::npos) << csv;
    // Groups over the finished jobs: v = 0.01 has seeds 1, 2 (job 2 failed): lag 0.01, 0.02.
    const std::string g = readText(rep.groupedCsv);
    EXPECT_NE(g.find("\n0.01,0.015,0.007071067811865475,2,"), std::string::npos) << g;
    // v = 0.02: seeds 1, 2 -> 0.02, 0.04.
    EXPECT_NE(g.find("\n0.02,0.03,0.01414213562373095,2,"), std::string::npos) << g;

    as::h5::Handle f = as::h5::openFileReadOnly(rep.h5);
    EXPECT_EQ(as::h5::readIntAttribute(f, "missing"), 1);
    as::h5::Handle res = as::h5::openGroup(as::h5::openGroup(f, "jobs"), "results");
    const auto lag = as::h5::readDoubles(res, "lag");
    ASSERT_EQ(lag.size(), 6u);
    EXPECT_DOUBLE_EQ(lag[4], 0.04);
    EXPECT_TRUE(std::isnan(lag[5]));
    as::h5::Handle groups = as::h5::openGroup(f, "groups");
    EXPECT_EQ(as::h5::readDoubles(groups, "lag_n"), (std::vector<double>{2, 2}));
    EXPECT_THROW(mergeSweep(s, dir.string(), {{"speed"}}), CliError);  // not a parameter label
    fs::remove_all(dir);
}
