#include "data/ImageSet.h"

#include <algorithm>
#include <stdexcept>

#include "data/IdxReader.h"
#include "data/IdxWriter.h"

namespace as::data {
namespace {

void checkIndex(int i, int count, const char* where) {
    if (i < 0 || i >= count)
        throw std::out_of_range(std::string("ImageSet::") + where + ": index " + std::to_string(i) +
                                " outside [0, " + std::to_string(count) + ")");
}

}  // namespace

Eigen::MatrixXf ImageSet::floats(int first, int n) const {
    if (n < 0 || first < 0 || first + n > count())
        throw std::out_of_range("ImageSet::floats: columns [" + std::to_string(first) + ", " +
                                std::to_string(first + n) + ") outside [0, " +
                                std::to_string(count()) + ")");
    return pixels.middleCols(first, n).cast<float>() * (1.0f / 255.0f);
}

Eigen::MatrixXf ImageSet::floats(const std::vector<int>& idx) const {
    Eigen::MatrixXf out(dim(), Eigen::Index(idx.size()));
    for (std::size_t k = 0; k < idx.size(); ++k) {
        checkIndex(idx[k], count(), "floats");
        out.col(Eigen::Index(k)) = pixels.col(idx[k]).cast<float>() * (1.0f / 255.0f);
    }
    return out;
}

ImageSet ImageSet::subset(const std::vector<int>& idx) const {
    ImageSet s;
    s.rows = rows;
    s.cols = cols;
    s.pixels.resize(dim(), Eigen::Index(idx.size()));
    s.labels.resize(Eigen::Index(idx.size()));
    for (std::size_t k = 0; k < idx.size(); ++k) {
        checkIndex(idx[k], count(), "subset");
        s.pixels.col(Eigen::Index(k)) = pixels.col(idx[k]);
        s.labels(Eigen::Index(k)) = labels(idx[k]);
    }
    return s;
}

ImageSet ImageSet::withLabels(const std::vector<int>& keep, int perClassMax) const {
    std::vector<int> taken(10, 0), idx;
    for (int b = 0; b < count(); ++b) {
        const int l = labels(b);
        if (std::find(keep.begin(), keep.end(), l) == keep.end()) continue;
        if (perClassMax >= 0) {
            if (l < 0 || l >= int(taken.size())) taken.resize(std::size_t(std::max(l, 0)) + 1, 0);
            if (taken[std::size_t(l)] >= perClassMax) continue;
            ++taken[std::size_t(l)];
        }
        idx.push_back(b);
    }
    return subset(idx);
}

ImageSet readIdxPair(const std::string& imagesPath, const std::string& labelsPath, int maxCount) {
    const IdxImages im = readIdxImages(imagesPath, maxCount);
    const std::vector<std::uint8_t> lab = readIdxLabels(labelsPath, maxCount);
    if (lab.size() != std::size_t(im.count))
        throw IdxError(imagesPath + " holds " + std::to_string(im.count) + " images but " +
                       labelsPath + " holds " + std::to_string(lab.size()) +
                       " labels (count mismatch)");
    ImageSet s;
    s.rows = im.rows;
    s.cols = im.cols;
    s.pixels.resize(Eigen::Index(im.rows) * im.cols, im.count);
    std::copy(im.pixels.begin(), im.pixels.end(), s.pixels.data());
    s.labels.resize(im.count);
    for (int b = 0; b < im.count; ++b) {
        if (lab[std::size_t(b)] > 9)
            throw IdxError(labelsPath + ": label " + std::to_string(int(lab[std::size_t(b)])) +
                           " of item " + std::to_string(b) + " is not a digit 0..9");
        s.labels(b) = lab[std::size_t(b)];
    }
    return s;
}

void writeIdxPair(const ImageSet& set, const std::string& imagesPath,
                  const std::string& labelsPath) {
    if (set.labels.size() != set.count())
        throw IdxError(imagesPath + ": refusing to write " + std::to_string(set.count()) +
                       " images with " + std::to_string(set.labels.size()) + " labels");
    IdxImages im;
    im.count = set.count();
    im.rows = set.rows;
    im.cols = set.cols;
    im.pixels.assign(set.pixels.data(), set.pixels.data() + set.pixels.size());
    std::vector<std::uint8_t> lab(std::size_t(set.count()));
    for (int b = 0; b < set.count(); ++b) lab[std::size_t(b)] = std::uint8_t(set.labels(b));
    writeIdxImages(imagesPath, im);
    writeIdxLabels(labelsPath, lab);
}

void normaliseToMax(Eigen::MatrixXf& states) {
    for (Eigen::Index b = 0; b < states.cols(); ++b) {
        if (states.rows() == 0) return;
        const float m = states.col(b).maxCoeff();
        if (m > 0.0f) states.col(b) /= m;
    }
}

}  // namespace as::data
