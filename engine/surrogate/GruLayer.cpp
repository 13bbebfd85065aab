#include "surrogate/GruLayer.h"

#include <omp.h>

#include <stdexcept>
#include <utility>

namespace as::surrogate {
namespace {
/// First batch column and count of thread k's block of n.
std::pair<int, int> batchBlock(int batch, int k, int n) {
    const int b0 = batch * k / n, b1 = batch * (k + 1) / n;
    return {b0, b1 - b0};
}
}  // namespace

template <class T>
const Mat<T>& GruLayer<T>::forward(const Mat<T>& x, const Mat<T>& s0, int batch) {
    this->prepareChunk(x, batch);
    const int H = this->hidden_, B = this->batch_;
    if (s0.rows() != H || s0.cols() != B)
        throw std::invalid_argument("gru: the start state has the wrong shape");
    const Eigen::Index TB = x.cols();
    Z_.resize(H, TB);
    R_.resize(H, TB);
    N_.resize(H, TB);
    Cn_.resize(H, TB);
    const int nt = this->threadsFor(B, this->steps_);
    usedThreads_ = nt;
    if (int(scratch_.size()) < nt) scratch_.resize(std::size_t(nt));
        // One fork a chunk: the input projection split by columns, then each thread's recurrence.
#pragma omp parallel num_threads(nt) if (nt > 1)
    {
        const int k = nt > 1 ? omp_get_thread_num() : 0;
        this->projectInputPart(k, nt);
#pragma omp barrier
        const auto [b0, nb] = batchBlock(B, k, nt);
        forwardColumns(s0, b0, nb, scratch_[std::size_t(k)]);
    }
    this->sT_ = this->H_.rightCols(B);
    return this->H_;
}

template <class T>
void GruLayer<T>::forwardColumns(const Mat<T>& s0, int b0, int nb, Scratch& s) {
    const int H = this->hidden_, B = this->batch_;
    s.C.resize(3 * H, nb);
    for (int t = 0; t < this->steps_; ++t) {
        const Eigen::Index c0 = Eigen::Index(t) * B + b0;
        auto hp = this->Hprev_.middleCols(c0, nb);
        if (t == 0)
            hp = s0.middleCols(b0, nb);
        else
            hp = this->H_.middleCols(c0 - B, nb);
        // The bias first, a column at a time (vectorised; replicate() is a scalar loop): the
        // product then adds in place.
        for (int j = 0; j < nb; ++j) s.C.col(j) = this->bh.col(0);
        s.C.noalias() += this->Wh * hp;
        auto A = this->A_.middleCols(c0, nb);
        auto z = Z_.middleCols(c0, nb);
        auto r = R_.middleCols(c0, nb);
        auto n = N_.middleCols(c0, nb);
        z = sigmoid((A.topRows(H) + s.C.topRows(H)).array()).matrix();
        r = sigmoid((A.middleRows(H, H) + s.C.middleRows(H, H)).array()).matrix();
        Cn_.middleCols(c0, nb) = s.C.bottomRows(H);
        n = (A.bottomRows(H).array() + r.array() * s.C.bottomRows(H).array()).tanh().matrix();
        this->H_.middleCols(c0, nb) =
            ((T(1) - z.array()) * n.array() + z.array() * hp.array()).matrix();
    }
}

template <class T>
const Mat<T>& GruLayer<T>::backward(const Mat<T>& dh) {
    const int H = this->hidden_, B = this->batch_;
    const Eigen::Index TB = dh.cols();
    if (dh.rows() != H || TB != Eigen::Index(this->steps_) * B)
        throw std::invalid_argument("gru: dh does not match the last forward pass");
    dA_.resize(3 * H, TB);
    dC_.resize(3 * H, TB);
    this->dx_.resize(this->inputs_, TB);
    const int nt = usedThreads_;
    // Each thread back-propagates its own sequences, then the weight gradients (rows) and dx
    // (columns) are split between the threads: no reduction, no two threads write one element.
#pragma omp parallel num_threads(nt) if (nt > 1)
    {
        const int k = nt > 1 ? omp_get_thread_num() : 0;
        const auto [b0, nb] = batchBlock(B, k, nt);
        backwardColumns(dh, b0, nb, scratch_[std::size_t(k)]);
#pragma omp barrier
        this->finishBackwardPart(dA_, dC_, k, nt);
    }
    return this->dx_;
}

template <class T>
void GruLayer<T>::backwardColumns(const Mat<T>& dh, int b0, int nb, Scratch& s) {
    const int H = this->hidden_, B = this->batch_;
    // g = dL/dh_t: the loss gradient at step t plus what step t+1 sends back; each step leaves
    // g.z + dh_{t-1} in dnext and the recurrent product adds Wh^T dC in place (no temporaries).
    const Eigen::Index last = Eigen::Index(this->steps_ - 1) * B + b0;
    s.g = dh.middleCols(last, nb);
    for (int t = this->steps_ - 1; t >= 0; --t) {
        const Eigen::Index c0 = Eigen::Index(t) * B + b0;
        auto g = s.g.array();
        auto z = Z_.middleCols(c0, nb).array();
        auto r = R_.middleCols(c0, nb).array();
        auto n = N_.middleCols(c0, nb).array();
        auto hp = this->Hprev_.middleCols(c0, nb).array();
        auto cn = Cn_.middleCols(c0, nb).array();
        auto dA = dA_.middleCols(c0, nb);
        auto dC = dC_.middleCols(c0, nb);
        auto dnPre = dA.bottomRows(H).array();
        dnPre = g * (T(1) - z) * (T(1) - n.square());
        dA.topRows(H).array() = g * (hp - n) * z * (T(1) - z);
        dA.middleRows(H, H).array() = dnPre * cn * r * (T(1) - r);
        dC.topRows(2 * H) = dA.topRows(2 * H);
        dC.bottomRows(H).array() = dnPre * r;
        if (t == 0) break;
        s.dnext = (g * z).matrix() + dh.middleCols(c0 - B, nb);
        s.dnext.noalias() += this->Wh.transpose() * dC;
        s.g.swap(s.dnext);
    }
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
