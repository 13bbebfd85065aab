#include "surrogate/GruLayer.h"

namespace as::surrogate {

template <class T>
const Mat<T>& GruLayer<T>::forward(const Mat<T>& x, const Mat<T>& s0, int batch) {
    this->projectInput(x, batch);
    const int H = this->hidden_, B = this->batch_;
    const Eigen::Index TB = x.cols();
    Z_.resize(H, TB);
    R_.resize(H, TB);
    N_.resize(H, TB);
    Cn_.resize(H, TB);
    C_.resize(3 * H, B);
    for (int t = 0; t < this->steps_; ++t) {
        const Eigen::Index c0 = Eigen::Index(t) * B;
        if (t == 0)
            this->Hprev_.middleCols(c0, B) = s0;
        else
            this->Hprev_.middleCols(c0, B) = this->H_.middleCols(c0 - B, B);
        auto hp = this->Hprev_.middleCols(c0, B);
        C_.noalias() = this->Wh * hp;
        C_.colwise() += this->bh.col(0);
        auto A = this->A_.middleCols(c0, B);
        auto z = Z_.middleCols(c0, B);
        auto r = R_.middleCols(c0, B);
        auto n = N_.middleCols(c0, B);
        z = sigmoid((A.topRows(H) + C_.topRows(H)).array()).matrix();
        r = sigmoid((A.middleRows(H, H) + C_.middleRows(H, H)).array()).matrix();
        Cn_.middleCols(c0, B) = C_.bottomRows(H);
        n = (A.bottomRows(H).array() + r.array() * C_.bottomRows(H).array()).tanh().matrix();
        this->H_.middleCols(c0, B) =
            ((T(1) - z.array()) * n.array() + z.array() * hp.array()).matrix();
    }
    this->sT_ = this->H_.rightCols(B);
    return this->H_;
}

template <class T>
const Mat<T>& GruLayer<T>::backward(const Mat<T>& dh) {
    const int H = this->hidden_, B = this->batch_;
    const Eigen::Index TB = dh.cols();
    dA_.resize(3 * H, TB);
    dC_.resize(3 * H, TB);
    Mat<T> dnext = Mat<T>::Zero(H, B), g(H, B), dnPre(H, B);
    for (int t = this->steps_ - 1; t >= 0; --t) {
        const Eigen::Index c0 = Eigen::Index(t) * B;
        g = dh.middleCols(c0, B) + dnext;
        auto z = Z_.middleCols(c0, B).array();
        auto r = R_.middleCols(c0, B).array();
        auto n = N_.middleCols(c0, B).array();
        auto hp = this->Hprev_.middleCols(c0, B).array();
        auto cn = Cn_.middleCols(c0, B).array();
        dnPre = (g.array() * (T(1) - z) * (T(1) - n.square())).matrix();
        auto dA = dA_.middleCols(c0, B);
        auto dC = dC_.middleCols(c0, B);
        dA.topRows(H) = (g.array() * (hp - n) * z * (T(1) - z)).matrix();
        dA.middleRows(H, H) = (dnPre.array() * cn * r * (T(1) - r)).matrix();
        dA.bottomRows(H) = dnPre;
        dC.topRows(2 * H) = dA.topRows(2 * H);
        dC.bottomRows(H) = (dnPre.array() * r).matrix();
        dnext = (g.array() * z).matrix();
        dnext.noalias() += this->Wh.transpose() * dC;
    }
    return this->finishBackward(dA_, dC_);
}

template <class T>
void GruLayer<T>::step(const Vec<T>& a, Vec<T>& h) {
    const int H = this->hidden_;
    c1_.noalias() = this->Wh * h;
    c1_ += this->bh;
    z1_ = sigmoid((a.head(H) + c1_.head(H)).array()).matrix();
    r1_ = sigmoid((a.segment(H, H) + c1_.segment(H, H)).array()).matrix();
    auto n = (a.tail(H).array() + r1_.array() * c1_.tail(H).array()).tanh();
    h = ((T(1) - z1_.array()) * n + z1_.array() * h.array()).matrix();
}

template class GruLayer<float>;
template class GruLayer<double>;

}  // namespace as::surrogate
