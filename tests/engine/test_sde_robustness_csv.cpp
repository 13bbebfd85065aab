// The robustness CSV (engine/sde/RobustnessRecords.h): both forms, every refusal naming the source
// and the line, and the writer's output read back.
#include <gtest/gtest.h>

#include "sde/RobustnessRecords.h"

using namespace as::sde;

TEST(RobustnessCsv, ReadsTheTableFormWithCommentsQuotesAndCrlf) {
    std::vector<RobustnessRecord> r;
    const std::string text =
        "# comment\r\n\r\nModel,Corruption,Seed,Accuracy,N\r\n"
        "eps0,clean,1,0.985,1000\r\n\"g,\"\"x\"\"\", \"gauss08\" ,+2,1e-1,10\n";
    ASSERT_EQ(parseRobustnessCsv(text, "t.csv", r), "");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].model, "eps0");
    EXPECT_EQ(r[0].n, 1000);
    EXPECT_EQ(r[1].model, "g,\"x\"");
    EXPECT_EQ(r[1].corruption, "gauss08");
    EXPECT_EQ(r[1].seed, 2);
    EXPECT_DOUBLE_EQ(r[1].accuracy, 0.1);
}

TEST(RobustnessCsv, ReadsTheCliEvalFormUnderTheGivenName) {
    std::vector<RobustnessRecord> r;
    ASSERT_EQ(
        parseRobustnessCsv("corruption,label,accuracy,n_test\ncanny,\"Canny edges\",0.5001,1000\n",
                           "sde_eps01.csv", r, "sde_eps01"),
        "");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].model, "sde_eps01");
    EXPECT_EQ(r[0].corruption, "canny");
    EXPECT_EQ(r[0].seed, 1);
}

TEST(RobustnessCsv, RefusalsNameTheSourceAndLine) {
    const std::string h = "model,corruption,seed,accuracy,n\n";
    const std::pair<std::string, std::string> cases[] = {
        {"", "b.csv: empty, expected the header 'model,corruption,seed,accuracy,n'"},
        {"a,b,c\n", "b.csv, line 1: expected the header"},
        {h + "\neps0,clean,1\n", "b.csv, line 3: 3 fields, expected 5"},
        {h + "eps0,blur,1,0.5,10\n", "b.csv, line 2: unknown corruption 'blur'"},
        {h + ",clean,1,0.5,10\n", "b.csv, line 2: the model name is empty"},
        {h + "m,clean,-1,0.5,10\n", "b.csv, line 2: seed '-1' is not an integer >= 0"},
        {h + "m,clean,1x,0.5,10\n", "b.csv, line 2: seed '1x'"},
        {h + "m,clean,99999999999,0.5,10\n", "b.csv, line 2: seed '99999999999'"},
        {h + "m,clean,1,abc,10\n", "b.csv, line 2: accuracy 'abc' is not a number"},
        {h + "m,clean,1,nan,10\n", "b.csv, line 2: accuracy 'nan' is not a number"},
        {h + "m,clean,1,98.5,10\n", "b.csv, line 2: accuracy 98.5 is outside [0, 1]"},
        {h + "m,clean,1,0.5,0\n", "b.csv, line 2: n '0' is not an integer > 0"},
        {h + "m,clean,1,0.5,+-3\n", "b.csv, line 2: n '+-3'"},
    };
    for (const auto& [text, message] : cases) {
        std::vector<RobustnessRecord> r{{"kept", "clean", 1, 1.0, 1}};
        const std::string error = parseRobustnessCsv(text, "b.csv", r);
        EXPECT_EQ(error.rfind(message, 0), 0u) << text << " -> " << error;
        EXPECT_TRUE(r.empty());
    }
}

TEST(RobustnessCsv, WrittenRecordsReadBack) {
    const std::vector<RobustnessRecord> in{{"a,b", "clean", 3, 0.1234567, 10},
                                           {"eps0", "fog", 0, 1.0, 10000}};
    const std::string text = formatRobustnessCsv(in);
    EXPECT_EQ(
        text,
        "model,corruption,seed,accuracy,n\na;b,clean,3,0.123457,10\neps0,fog,0,1.000000,10000\n");
    std::vector<RobustnessRecord> out;
    ASSERT_EQ(parseRobustnessCsv(text, "w.csv", out), "");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].model, "a;b");
    EXPECT_EQ(out[1].corruption, "fog");
    EXPECT_EQ(out[1].n, 10000);
    EXPECT_EQ(robustnessColumnKeys().size(), 9u);
}
