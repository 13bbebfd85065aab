#include "generator/GeneratedImagesFile.h"

#include <stdexcept>

#include "io/Hdf5Handle.h"
#include "io/Hdf5Matrix.h"

namespace as::generator {

void writeGeneratedImages(const std::string& path, const GeneratedImages& g) {
    const Eigen::Index n = g.images.cols();
    if (g.latent.cols() != n || Eigen::Index(g.digits.size()) != n ||
        g.images.rows() != Eigen::Index(g.rows) * g.cols)
        throw std::invalid_argument("generated images: images, latent states and digits disagree");
    h5::silenceErrors();
    h5::writeFileAtomically(path, "generated images", [&](hid_t f) {
        h5::Handle grp = h5::createGroup(f, "generated");
        h5::writeAttribute(grp, "what", g.what);
        h5::writeAttribute(grp, "model", g.model);
        h5::writeAttribute(grp, "seed", g.seed);
        h5::writeAttribute(grp, "rows", std::int64_t(g.rows));
        h5::writeAttribute(grp, "cols", std::int64_t(g.cols));
        h5::writeMatrix(grp, "images", Eigen::MatrixXf(g.images.transpose()));  // N x pixels
        h5::writeMatrix(grp, "latent", Eigen::MatrixXf(g.latent.transpose()));  // N x d
        std::vector<double> dv(g.digits.begin(), g.digits.end());
        h5::writeDataset(grp, "digits", dv, {hsize_t(dv.size())});
        for (const auto& [name, values] : g.extra)
            h5::writeDataset(grp, name, values, {hsize_t(values.size())});
    });
}

}  // namespace as::generator
