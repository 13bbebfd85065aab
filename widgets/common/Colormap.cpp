#include "widgets/common/Colormap.h"

#include <cmath>

namespace as::widgets {

Colormap::Colormap() {
    static const QRgb anchors[5] = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    for (int i = 0; i < 256; ++i) {
        const double x = i / 255.0 * 4.0;
        const int k = std::min(3, int(x));
        const double f = x - k;
        auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
        const QRgb a = anchors[k], b = anchors[k + 1];
        table_[i] = qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
    }
}

const Colormap& Colormap::viridis() {
    static const Colormap map;
    return map;
}

QRgb Colormap::rgb(double t) const {
    if (!(t > 0.0)) return table_[0];
    if (t >= 1.0) return table_[255];
    return table_[std::size_t(t * 255.0 + 0.5)];
}

}  // namespace as::widgets
