#include "surrogate/SurrogateStream.h"

#include <cmath>
#include <stdexcept>

#include "surrogate/SurrogateTrainer.h"

namespace as::surrogate {

SurrogateStream::SurrogateStream(SurrogateNet<float>& net, double componentScale)
    : net_(net), enc_(net.shape().bins), scale_(componentScale) {
    f_.resize(net.shape().features);
    a_.resize(net.rnn().Wx.rows());
    k_.resize(net.shape().head);
    y_.resize(net.shape().outputs());
    singleThreadedEigen();
    reset();
}

void SurrogateStream::reset() {
    state_ = Vec<float>::Zero(net_.stateRows());
}

StreamDecode SurrogateStream::step(double angle) {
    if (net_.shape().axes != 1)
        throw std::invalid_argument("SurrogateStream::step(angle) needs a single-angle net");
    StreamDecode d;
    step(&angle, &d);
    return d;
}

void SurrogateStream::step(const double* angles, StreamDecode* out) {
    auto& fe = net_.feature();
    const int M = net_.shape().bins, A = net_.shape().axes;
    f_ = fe.b.col(0);
    for (int a = 0; a < A; ++a) {
        const AngleEncoder::Code c = enc_.code(angles[a]);
        f_ += fe.W.col(a * M + c.lo) * float(c.wLo) + fe.W.col(a * M + c.hi) * float(c.wHi);
    }
    f_ = f_.array().tanh().matrix();
    auto& rnn = net_.rnn();
    a_.noalias() = rnn.Wx * f_;
    a_ += rnn.bx.col(0);
    rnn.step(a_, state_);
    const int H = rnn.hidden();
    k_.noalias() = net_.head().W * state_.head(H);
    k_ = (k_ + net_.head().b.col(0)).array().tanh().matrix();
    y_.noalias() = net_.out().W * k_;
    y_ += net_.out().b.col(0);
    for (int a = 0; a < A; ++a) {
        StreamDecode& d = out[a];
        d.sumCos = double(y_(2 * a)) * scale_;
        d.sumSin = double(y_(2 * a + 1)) * scale_;
        d.angle = std::atan2(d.sumSin, d.sumCos);
    }
}

}  // namespace as::surrogate
