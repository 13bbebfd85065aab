#include "surrogate/LstmLayer.h"

namespace as::surrogate {

template <class T>
const Mat<T>& LstmLayer<T>::forward(const Mat<T>& x, const Mat<T>& s0, int batch) {
    this->projectInput(x, batch);
    const int H = this->hidden_, B = this->batch_;
    const Eigen::Index TB = x.cols();
    G_.resize(4 * H, TB);
    C_.resize(H, TB);
    Cprev_.resize(H, TB);
    TC_.resize(H, TB);
    Mat<T> p(4 * H, B);
    for (int t = 0; t < this->steps_; ++t) {
        const Eigen::Index c0 = Eigen::Index(t) * B;
        if (t == 0) {
            this->Hprev_.middleCols(c0, B) = s0.topRows(H);
            Cprev_.middleCols(c0, B) = s0.bottomRows(H);
        } else {
            this->Hprev_.middleCols(c0, B) = this->H_.middleCols(c0 - B, B);
            Cprev_.middleCols(c0, B) = C_.middleCols(c0 - B, B);
        }
        p.noalias() = this->Wh * this->Hprev_.middleCols(c0, B);
        p.colwise() += this->bh.col(0);
        p += this->A_.middleCols(c0, B);
        auto g = G_.middleCols(c0, B);
        g.topRows(2 * H) = sigmoid(p.topRows(2 * H).array()).matrix();
        g.middleRows(2 * H, H) = p.middleRows(2 * H, H).array().tanh().matrix();
        g.bottomRows(H) = sigmoid(p.bottomRows(H).array()).matrix();
        C_.middleCols(c0, B) = (g.middleRows(H, H).array() * Cprev_.middleCols(c0, B).array() +
                                g.topRows(H).array() * g.middleRows(2 * H, H).array())
                                   .matrix();
        TC_.middleCols(c0, B) = C_.middleCols(c0, B).array().tanh().matrix();
        this->H_.middleCols(c0, B) =
            (g.bottomRows(H).array() * TC_.middleCols(c0, B).array()).matrix();
    }
    this->sT_.resize(2 * H, B);
    this->sT_.topRows(H) = this->H_.rightCols(B);
    this->sT_.bottomRows(H) = C_.rightCols(B);
    return this->H_;
}

template <class T>
const Mat<T>& LstmLayer<T>::backward(const Mat<T>& dh) {
    const int H = this->hidden_, B = this->batch_;
    dP_.resize(4 * H, dh.cols());
    Mat<T> dhn = Mat<T>::Zero(H, B), dcn = Mat<T>::Zero(H, B), gh(H, B), dc(H, B);
    for (int t = this->steps_ - 1; t >= 0; --t) {
        const Eigen::Index c0 = Eigen::Index(t) * B;
        auto gate = G_.middleCols(c0, B);
        auto i = gate.topRows(H).array();
        auto f = gate.middleRows(H, H).array();
        auto g = gate.middleRows(2 * H, H).array();
        auto o = gate.bottomRows(H).array();
        auto tc = TC_.middleCols(c0, B).array();
        gh = dh.middleCols(c0, B) + dhn;
        dc = (dcn.array() + gh.array() * o * (T(1) - tc.square())).matrix();
        auto dP = dP_.middleCols(c0, B);
        dP.topRows(H) = (dc.array() * g * i * (T(1) - i)).matrix();
        dP.middleRows(H, H) =
            (dc.array() * Cprev_.middleCols(c0, B).array() * f * (T(1) - f)).matrix();
        dP.middleRows(2 * H, H) = (dc.array() * i * (T(1) - g.square())).matrix();
        dP.bottomRows(H) = (gh.array() * tc * o * (T(1) - o)).matrix();
        dcn = (dc.array() * f).matrix();
        dhn.noalias() = this->Wh.transpose() * dP;
    }
    return this->finishBackward(dP_, dP_);
}

template <class T>
void LstmLayer<T>::step(const Vec<T>& a, Vec<T>& s) {
    const int H = this->hidden_;
    p1_.noalias() = this->Wh * s.head(H);
    p1_ += a + this->bh;
    auto i = sigmoid(p1_.head(H).array());
    auto f = sigmoid(p1_.segment(H, H).array());
    auto g = p1_.segment(2 * H, H).array().tanh();
    auto o = sigmoid(p1_.tail(H).array());
    s.tail(H) = (f * s.tail(H).array() + i * g).matrix();
    s.head(H) = (o * s.tail(H).array().tanh()).matrix();
}

template class LstmLayer<float>;
template class LstmLayer<double>;

}  // namespace as::surrogate
