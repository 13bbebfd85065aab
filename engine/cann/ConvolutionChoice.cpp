#include "cann/ConvolutionChoice.h"

#include <cmath>

#include "cann/SeparableConvolver.h"

namespace as {

std::string ConvolutionChoice::name() const {
    switch (method) {
        case ConvolutionMethod::Separable:
            return "separable";
        case ConvolutionMethod::Pruned:
            return "pruned M=" + std::to_string(bandLimit);
        default:
            return "fft";
    }
}

ConvolutionChoice convolutionChoice(const std::vector<int>& shape,
                                    const std::vector<std::vector<double>>& factors,
                                    ConvolutionMethod requested) {
    double points = 1;
    for (int n : shape) points *= n;
    ConvolutionChoice fft{ConvolutionMethod::Fft, -1, 0.0,
                          kFftCostPerPointLog2 * points * std::log2(points)};
    if (requested == ConvolutionMethod::Fft ||
        (requested == ConvolutionMethod::Auto && shape.size() == 1))
        return fft;
    ConvolutionChoice sep{ConvolutionMethod::Separable, -1, 0.0,
                          SeparableConvolver<float>::flops(shape, -1)};
    if (requested == ConvolutionMethod::Separable) return sep;
    const int M = SeparableConvolver<float>::bandLimitFor(factors, kBandTolerance);
    ConvolutionChoice pruned{ConvolutionMethod::Pruned, M,
                             SeparableConvolver<float>::bandErrorBound(factors, M),
                             SeparableConvolver<float>::flops(shape, M)};
    if (requested == ConvolutionMethod::Pruned) return pruned;
    ConvolutionChoice best = fft;
    for (const ConvolutionChoice& c : {sep, pruned})
        if (c.flops < best.flops) best = c;
    return best;
}

}  // namespace as
