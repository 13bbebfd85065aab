#include "surrogate/RnnLayer.h"

namespace as::surrogate {

template <class T>
const Mat<T>& RnnLayer<T>::forward(const Mat<T>& x, const Mat<T>& s0, int batch) {
    this->projectInput(x, batch);
    const int B = this->batch_;
    Mat<T> c(this->hidden_, B);
    for (int t = 0; t < this->steps_; ++t) {
        const Eigen::Index c0 = Eigen::Index(t) * B;
        if (t == 0)
            this->Hprev_.middleCols(c0, B) = s0;
        else
            this->Hprev_.middleCols(c0, B) = this->H_.middleCols(c0 - B, B);
        c.noalias() = this->Wh * this->Hprev_.middleCols(c0, B);
        c.colwise() += this->bh.col(0);
        this->H_.middleCols(c0, B) = (this->A_.middleCols(c0, B) + c).array().tanh().matrix();
    }
    this->sT_ = this->H_.rightCols(B);
    return this->H_;
}

template <class T>
const Mat<T>& RnnLayer<T>::backward(const Mat<T>& dh) {
    const int B = this->batch_;
    dP_.resize(this->hidden_, dh.cols());
    Mat<T> dnext = Mat<T>::Zero(this->hidden_, B);
    for (int t = this->steps_ - 1; t >= 0; --t) {
        const Eigen::Index c0 = Eigen::Index(t) * B;
        auto h = this->H_.middleCols(c0, B).array();
        dP_.middleCols(c0, B) =
            ((dh.middleCols(c0, B) + dnext).array() * (T(1) - h.square())).matrix();
        dnext.noalias() = this->Wh.transpose() * dP_.middleCols(c0, B);
    }
    return this->finishBackward(dP_, dP_);
}

template <class T>
void RnnLayer<T>::step(const Vec<T>& a, Vec<T>& h) {
    c1_.noalias() = this->Wh * h;
    h = (a + c1_ + this->bh).array().tanh().matrix();
}

template class RnnLayer<float>;
template class RnnLayer<double>;

}  // namespace as::surrogate
