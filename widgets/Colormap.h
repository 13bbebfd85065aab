#pragma once
// A perceptual, viridis-like colour map: linear RGB interpolation between five anchor colours
// (#440154, #3b528b, #21918c, #5ec962, #fde725), tabulated in 256 entries.
#include <QColor>
#include <array>

namespace as::widgets {

class Colormap {
  public:
    /// The shared viridis-like map.
    static const Colormap& viridis();
    /// Colour for t in [0, 1] (clamped; NaN maps to 0).
    QRgb rgb(double t) const;
    QColor color(double t) const { return QColor::fromRgb(rgb(t)); }
    const std::array<QRgb, 256>& table() const { return table_; }

  private:
    Colormap();
    std::array<QRgb, 256> table_{};
};

}  // namespace as::widgets
