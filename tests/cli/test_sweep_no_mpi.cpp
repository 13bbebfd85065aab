// `sweep run --mpi` in a build without MPI: SweepMpi.cpp compiled here without AS_WITH_MPI must
// refuse with exit code 2 and say why and what to do instead (docs/sweeps.md).
#include <gtest/gtest.h>

#include <string>

#include "CliCommand.h"
#include "SweepMpi.h"

TEST(SweepMpiWithoutMpi, RefusesWithExitTwoAndTheReason) {
    EXPECT_FALSE(as::cli::SweepMpi::available());
    try {
        as::cli::SweepMpi mpi;
        FAIL() << "a build without MPI must refuse --mpi";
    } catch (const as::cli::CliError& e) {
        EXPECT_EQ(e.code(), as::cli::kExitUsage);
        const std::string what = e.what();
        EXPECT_NE(what.find("built without MPI"), std::string::npos) << what;
        EXPECT_NE(what.find("--jobs N"), std::string::npos) << what;
    }
}
