#pragma once
// How many distinct colours a rendering has, sampled every `stride` pixels in x and y: a blank
// view has one or two. Header-only, for the widget and app tests.
#include <QImage>
#include <QSet>

namespace as::test {

inline int distinctColours(const QImage& img, int stride = 2) {
    QSet<QRgb> seen;
    for (int y = 0; y < img.height(); y += stride)
        for (int x = 0; x < img.width(); x += stride) seen.insert(img.pixel(x, y));
    return int(seen.size());
}

}  // namespace as::test
