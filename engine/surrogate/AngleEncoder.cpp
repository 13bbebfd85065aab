#include "surrogate/AngleEncoder.h"

#include <cmath>
#include <stdexcept>

namespace as::surrogate {

namespace {
constexpr double kTwoPi = 6.283185307179586476925;
}

AngleEncoder::AngleEncoder(int bins) : bins_(bins) {
    if (bins < 2) throw std::invalid_argument("the encoder needs at least 2 bins");
}

AngleEncoder::Code AngleEncoder::code(double angle) const {
    // Position in bin units from bin 0's centre (-pi), in [0, M).
    double pos = (angle + kTwoPi / 2) / kTwoPi;
    pos -= std::floor(pos);
    pos *= bins_;
    double base = std::floor(pos);
    double f = pos - base;
    int lo = int(base);
    if (lo >= bins_) {  // pos rounded up to M
        lo = 0;
        f = 0.0;
    }
    Code c;
    c.lo = lo;
    c.hi = (lo + 1) % bins_;
    c.wLo = 1.0 - f;
    c.wHi = f;
    return c;
}

std::vector<double> AngleEncoder::encode(double angle) const {
    std::vector<double> v(std::size_t(bins_), 0.0);
    const Code c = code(angle);
    v[std::size_t(c.lo)] += c.wLo;
    v[std::size_t(c.hi)] += c.wHi;
    return v;
}

template <class T>
Mat<T> AngleEncoder::encodeChunk(const std::vector<float>& angles, int axes) const {
    if (axes < 1 || angles.size() % std::size_t(axes) != 0)
        throw std::invalid_argument("encodeChunk: the angles do not split into the axes");
    const std::size_t cols = angles.size() / std::size_t(axes);
    Mat<T> x = Mat<T>::Zero(Eigen::Index(axes) * bins_, Eigen::Index(cols));
    for (std::size_t j = 0; j < cols; ++j)
        for (int a = 0; a < axes; ++a) {
            const Code c = code(angles[j * std::size_t(axes) + std::size_t(a)]);
            x(a * bins_ + c.lo, Eigen::Index(j)) += T(c.wLo);
            x(a * bins_ + c.hi, Eigen::Index(j)) += T(c.wHi);
        }
    return x;
}

template Mat<float> AngleEncoder::encodeChunk<float>(const std::vector<float>&, int) const;
template Mat<double> AngleEncoder::encodeChunk<double>(const std::vector<float>&, int) const;

}  // namespace as::surrogate
