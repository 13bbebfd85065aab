#include "FuzzTempFile.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "io/Hdf5Handle.h"

namespace as::fuzz {

namespace {
std::string tempDir() {
    std::error_code ec;
    if (std::filesystem::is_directory("/dev/shm", ec)) return "/dev/shm";
    return std::filesystem::temp_directory_path().string();
}

struct Cleanup {
    std::string path;
    ~Cleanup() {
        if (!path.empty()) std::remove(path.c_str());
    }
};
}  // namespace

const std::string& writeTempFile(const std::uint8_t* data, std::size_t size, const char* name) {
    static Cleanup file = [name] {
        h5::silenceErrors();
        return Cleanup{tempDir() + "/as-fuzz-" + std::to_string(::getpid()) + "-" + name};
    }();
    std::FILE* f = std::fopen(file.path.c_str(), "wb");
    if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
        std::perror(file.path.c_str());
        std::abort();
    }
    return file.path;
}

}  // namespace as::fuzz
