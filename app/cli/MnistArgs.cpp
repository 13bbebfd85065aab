#include "MnistArgs.h"

#include <sstream>

#include "CliCommand.h"
#include "data/IdxReader.h"

namespace as::cli {

std::string findMnistOrThrow(const std::string& userPath) {
    const std::string dir = data::findMnistDir(userPath);
    if (!userPath.empty() && dir != userPath)
        throw CliError("--mnist '" + userPath + "' does not hold the four MNIST IDX files; " +
                       data::mnistMissingMessage(userPath));
    if (dir.empty()) throw CliError(data::mnistMissingMessage(userPath));
    return dir;
}

std::vector<int> parseDigits(const std::string& text, int classes) {
    std::vector<int> out;
    if (text.empty()) {
        for (int d = 0; d < (classes > 0 ? classes : 10); ++d) out.push_back(d);
        return out;
    }
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        std::size_t used = 0;
        int d = -1;
        try {
            d = std::stoi(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size() || d < 0 || d > 9)
            throw CliError("--digits must be a comma-separated list of digits 0..9 (got '" + text +
                           "')");
        for (int e : out)
            if (e == d) throw CliError("--digits lists " + std::to_string(d) + " twice");
        out.push_back(d);
    }
    if (out.empty()) throw CliError("--digits is empty");
    if (classes > 0 && int(out.size()) != classes)
        throw CliError("--digits lists " + std::to_string(out.size()) +
                       " digits but the model has " + std::to_string(classes) + " classes");
    return out;
}

Eigen::VectorXi classIndices(const Eigen::VectorXi& labels, const std::vector<int>& digits) {
    Eigen::VectorXi out(labels.size());
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        out[i] = -1;
        for (std::size_t k = 0; k < digits.size(); ++k)
            if (digits[k] == labels[i]) out[i] = int(k);
    }
    return out;
}

data::ImageSet loadMnistSplit(const std::string& dir, data::MnistSplit split) {
    try {
        return data::loadMnist(dir, split);
    } catch (const data::IdxError& e) {
        throw CliError(std::string("cannot read MNIST: ") + e.what());
    }
}

}  // namespace as::cli
