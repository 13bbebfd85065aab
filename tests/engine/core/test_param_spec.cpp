// One description per parameter (core/ParamSpec.h): every struct's table agrees with the struct
// (the member defaults are the specs' defaults, each default is inside its range, the form's limits
// are inside it too), and the range checker refuses with a message that names the key, the range
// with its ends, the unit and the value.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "cann/CannParams.h"
#include "cann/StimulusParams.h"
#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"
#include "sde/SdeParams.h"
#include "sde/TrainParams.h"
#include "spiking/EiParams.h"
#include "surrogate/TrainParams.h"

using namespace as;

namespace {

std::string refusal(const ParamSpec& s, double v) {
    try {
        s.checkValue(v);
    } catch (const ParamError& e) {
        return e.what();
    }
    return {};
}

template <class P>
void expectTableMatchesStruct() {
    const P p{};
    EXPECT_NO_THROW(p.check());
    for (const ParamSpec& s : P::specs()) {
        SCOPED_TRACE(s.key);
        EXPECT_FALSE(s.label.empty());
        EXPECT_EQ(p.get(s.key), s.defaultValue);  // the member's default is the spec's
        EXPECT_EQ(refusal(s, s.defaultValue), "");
        EXPECT_EQ(refusal(s, s.formLow()), "");
        EXPECT_EQ(refusal(s, s.formHigh()), "");
        EXPECT_LE(s.formLow(), s.defaultValue);
        EXPECT_GE(s.formHigh(), s.defaultValue);
        EXPECT_NE(refusal(s, std::numeric_limits<double>::quiet_NaN()), "");
        if (s.choices.empty()) {
            EXPECT_NE(refusal(s, std::numeric_limits<double>::infinity()), "");
            EXPECT_NE(s.help().find("Range " + s.rangeText()), std::string::npos) << s.help();
        }
    }
}

}  // namespace

TEST(ParamSpec, EveryTableAgreesWithItsStruct) {
    expectTableMatchesStruct<CannParams>();
    expectTableMatchesStruct<StimulusParams>();
    expectTableMatchesStruct<TorusParams>();
    expectTableMatchesStruct<TrajectoryParams>();
    expectTableMatchesStruct<EiParams>();
    expectTableMatchesStruct<sde::SdeParams>();
    expectTableMatchesStruct<sde::TrainParams>();
    expectTableMatchesStruct<surrogate::TrainParams>();
}

TEST(ParamSpec, RangeEndsAndMessages) {
    const ParamSpec tau{.key = "tau",
                        .unit = "ms",
                        .defaultValue = 1,
                        .min = 0,
                        .max = 1000,
                        .minOpen = true,
                        .decimals = 3};
    EXPECT_EQ(tau.rangeText(), "(0, 1000]");
    EXPECT_EQ(refusal(tau, 2000), "tau must be in (0, 1000] ms (got 2000)");
    EXPECT_EQ(refusal(tau, 0), "tau must be in (0, 1000] ms (got 0)");  // the open end
    EXPECT_EQ(refusal(tau, 1000), "");                                  // the closed end
    EXPECT_DOUBLE_EQ(tau.formLow(), 0.001);  // one shown digit inside the open end
    EXPECT_EQ(tau.formHigh(), 1000);
    const ParamSpec t{.key = "t_off", .unit = "ms", .max = ParamSpec::kInf};
    EXPECT_EQ(refusal(t, -1), "t_off must be >= 0 ms (got -1)");
    const ParamSpec n{.key = "N", .min = 16, .max = 16384, .integer = true};
    EXPECT_EQ(refusal(n, 8), "N must be in [16, 16384] (got 8)");
    EXPECT_EQ(refusal(n, 20.5), "N must be in [16, 16384], a whole number (got 20.5)");
    const ParamSpec mode{.key = "integrator", .choices = {"euler", "rk4"}};
    EXPECT_EQ(refusal(mode, 2), "integrator must be euler or rk4 (got 2)");
    EXPECT_EQ(mode.rangeText(), "euler|rk4");
}

TEST(ParamSpec, CrossFieldRulesStayNamed) {
    CannParams p;
    p.k = -1;  // the field's own range, in the words of the cross-field rule
    try {
        p.check();
        FAIL() << "k = -1 accepted";
    } catch (const ParamError& e) {
        EXPECT_EQ(std::string(e.what()), "k must be in (0, k_c) (got -1)");
    }
    p.k = 8.1;
    p.dt = 6;  // within its own (0, 5000] but not (0, 5 tau]
    try {
        p.check();
        FAIL() << "dt > 5 tau accepted";
    } catch (const ParamError& e) {
        EXPECT_EQ(std::string(e.what()), "dt must be in (0, 5 tau] = (0, 5] ms (got 6)");
    }
}
