#include "io/Hdf5Matrix.h"

#include <vector>

namespace as::h5 {
namespace {

template <class M, class V>
void write(hid_t loc, const std::string& name, const M& m) {
    std::vector<V> v(std::size_t(m.size()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c) v[std::size_t(r * m.cols() + c)] = m(r, c);
    writeDataset(loc, name, v, {hsize_t(m.rows()), hsize_t(m.cols())});
}

template <class M, class V>
M read(const std::vector<V>& v, Eigen::Index rows, Eigen::Index cols, const std::string& name,
       const std::string& where) {
    M m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = v[std::size_t(r * cols + c)];
    if (!m.allFinite()) throw Error(where + ": field '" + name + "' holds a non-finite value");
    return m;
}

void checkShape(hid_t loc, const std::string& name, Eigen::Index rows, Eigen::Index cols,
                const std::string& where) {
    const auto shape = datasetShape(loc, name);
    if (shape.size() != 2 || shape[0] != hsize_t(rows) || shape[1] != hsize_t(cols)) {
        const std::string got = shape.size() == 2
                                    ? std::to_string(shape[0]) + " x " + std::to_string(shape[1])
                                    : "rank " + std::to_string(shape.size());
        throw Error(where + ": field '" + name + "' has shape " + got + ", expected " +
                    std::to_string(rows) + " x " + std::to_string(cols));
    }
}

}  // namespace

void writeMatrix(hid_t loc, const std::string& name, const Eigen::MatrixXf& m) {
    write<Eigen::MatrixXf, float>(loc, name, m);
}
void writeMatrix(hid_t loc, const std::string& name, const Eigen::MatrixXd& m) {
    write<Eigen::MatrixXd, double>(loc, name, m);
}

Eigen::MatrixXf readMatrixF(hid_t loc, const std::string& name, Eigen::Index rows,
                            Eigen::Index cols, const std::string& where) {
    checkShape(loc, name, rows, cols, where);
    return read<Eigen::MatrixXf>(readFloats(loc, name), rows, cols, name, where);
}

Eigen::MatrixXd readMatrixD(hid_t loc, const std::string& name, Eigen::Index rows,
                            Eigen::Index cols, const std::string& where) {
    checkShape(loc, name, rows, cols, where);
    return read<Eigen::MatrixXd>(readDoubles(loc, name), rows, cols, name, where);
}

}  // namespace as::h5
