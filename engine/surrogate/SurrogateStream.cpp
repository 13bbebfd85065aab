#include "surrogate/SurrogateStream.h"

#include <cmath>

#include "surrogate/SurrogateTrainer.h"

namespace as::surrogate {

SurrogateStream::SurrogateStream(SurrogateNet<float>& net, double componentScale)
    : net_(net), enc_(net.shape().bins), scale_(componentScale) {
    f_.resize(net.shape().features);
    a_.resize(net.rnn().Wx.rows());
    k_.resize(net.shape().head);
    y_.resize(2);
    singleThreadedEigen();
    reset();
}

void SurrogateStream::reset() {
    state_ = Vec<float>::Zero(net_.stateRows());
}

StreamDecode SurrogateStream::step(double angle) {
    const AngleEncoder::Code c = enc_.code(angle);
    auto& fe = net_.feature();
    f_ = (fe.W.col(c.lo) * float(c.wLo) + fe.W.col(c.hi) * float(c.wHi) + fe.b.col(0))
             .array()
             .tanh()
             .matrix();
    auto& rnn = net_.rnn();
    a_.noalias() = rnn.Wx * f_;
    a_ += rnn.bx.col(0);
    rnn.step(a_, state_);
    const int H = rnn.hidden();
    k_.noalias() = net_.head().W * state_.head(H);
    k_ = (k_ + net_.head().b.col(0)).array().tanh().matrix();
    y_.noalias() = net_.out().W * k_;
    y_ += net_.out().b.col(0);
    StreamDecode d;
    d.sumCos = double(y_(0)) * scale_;
    d.sumSin = double(y_(1)) * scale_;
    d.angle = std::atan2(d.sumSin, d.sumCos);
    return d;
}

}  // namespace as::surrogate
