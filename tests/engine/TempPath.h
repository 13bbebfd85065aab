#pragma once
// A file in the system's temporary folder that no other test writes:
// "<tmp>/as_<program>_<pid>_<name>", with the test program's name and the process id (ctest runs
// the tests of one program in parallel processes). Header-only.
#include <errno.h>  // program_invocation_short_name (glibc)
#include <unistd.h>

#include <filesystem>
#include <string>

namespace as::test {

inline std::string tempPath(const std::string& name) {
    return (std::filesystem::temp_directory_path() /
            ("as_" + std::string(program_invocation_short_name) + "_" + std::to_string(::getpid()) +
             "_" + name))
        .string();
}

}  // namespace as::test
