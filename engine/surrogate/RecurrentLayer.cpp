#include "surrogate/RecurrentLayer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "core/EnumNames.h"
#include "sde/ThreadBudget.h"
#include "surrogate/GruLayer.h"
#include "surrogate/LstmLayer.h"
#include "surrogate/RnnLayer.h"

namespace as::surrogate {

namespace {
const std::vector<std::string>& cellNames() {
    static const std::vector<std::string> names = {"gru", "lstm", "rnn"};
    return names;
}
}  // namespace

const char* cellName(CellType c) {
    return nameAt(cellNames(), int(c));
}

CellType cellFromName(const std::string& name) {
    return enumFromName<CellType, std::invalid_argument>(cellNames(), name, "cell");
}

template <class T>
RecurrentLayer<T>::RecurrentLayer(int in, int hidden, int gates)
    : Wx(Mat<T>::Zero(gates * hidden, in)),
      Wh(Mat<T>::Zero(gates * hidden, hidden)),
      bx(Mat<T>::Zero(gates * hidden, 1)),
      bh(Mat<T>::Zero(gates * hidden, 1)),
      dWx(Mat<T>::Zero(gates * hidden, in)),
      dWh(Mat<T>::Zero(gates * hidden, hidden)),
      dbx(Mat<T>::Zero(gates * hidden, 1)),
      dbh(Mat<T>::Zero(gates * hidden, 1)),
      inputs_(in),
      hidden_(hidden) {}

template <class T>
void RecurrentLayer<T>::initialise(std::mt19937_64& rng) {
    const double k = 1.0 / std::sqrt(double(hidden_));
    std::uniform_real_distribution<double> u(-k, k);
    for (Mat<T>* m : {&Wx, &Wh, &bx, &bh})
        for (Eigen::Index i = 0; i < m->size(); ++i) m->data()[i] = T(u(rng));
}

namespace {
/// [begin, end) of part k of n parts of [0, size), boundaries rounded to multiples of `align`.
std::pair<Eigen::Index, Eigen::Index> partRange(Eigen::Index size, int k, int n,
                                                Eigen::Index align) {
    auto edge = [&](int i) {
        if (i >= n) return size;
        return std::min(size, (size * i / n + align / 2) / align * align);
    };
    return {edge(k), edge(k + 1)};
}
}  // namespace

namespace {
/// Tasks of other processes runnable right now: the run queue of /proc/loadavg minus this
/// process's running threads (0 when unknown). Unlike the load average it does not lag.
int otherRunnable() {
    std::ifstream loadavg("/proc/loadavg");
    double l1 = 0, l5 = 0, l15 = 0;
    int running = 0;
    if (!(loadavg >> l1 >> l5 >> l15 >> running)) return 0;
    int own = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/proc/self/task", ec)) {
        std::ifstream st(e.path() / "stat");
        std::string line;
        std::getline(st, line);
        const auto p = line.rfind(')');
        if (p != std::string::npos && p + 2 < line.size() && line[p + 2] == 'R') ++own;
    }
    return std::max(0, running - own);
}
}  // namespace

template <class T>
int RecurrentLayer<T>::threadsFor(int batch, int steps) const {
    const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
    int n = threads_ > 0 ? threads_ : hw;
    n = std::min(n, std::max(1, batch / 4));
    if (threads_ == 0 && n > 1) {
        const double work = double(Wh.rows()) * double(hidden_) * batch * steps;
        if (work < 1e7 || as::sde::ThreadBudget::machineBusy() || otherRunnable() > hw - n) n = 1;
    }
    return n;
}

template <class T>
void RecurrentLayer<T>::prepareChunk(const Mat<T>& x, int batch) {
    if (x.rows() != inputs_ || batch <= 0 || x.cols() % batch != 0)
        throw std::invalid_argument("recurrent layer: input chunk has the wrong shape");
    batch_ = batch;
    steps_ = int(x.cols() / batch);
    x_ = x;
    A_.resize(Wx.rows(), x.cols());
    Hprev_.resize(hidden_, x.cols());
    H_.resize(hidden_, x.cols());
}

template <class T>
void RecurrentLayer<T>::projectInputPart(int part, int parts) {
    const auto [c0, c1] = partRange(x_.cols(), part, parts, 16);
    if (c1 <= c0) return;
    auto A = A_.middleCols(c0, c1 - c0);
    A.noalias() = Wx * x_.middleCols(c0, c1 - c0);
    A.colwise() += bx.col(0);
}

template <class T>
void RecurrentLayer<T>::projectInput(const Mat<T>& x, int batch) {
    prepareChunk(x, batch);
    projectInputPart(0, 1);
}

template <class T>
void RecurrentLayer<T>::finishBackwardPart(const Mat<T>& dA, const Mat<T>& dC, int part,
                                           int parts) {
    const auto [r0, r1] = partRange(Wx.rows(), part, parts, 16);
    if (r1 > r0) {
        const Eigen::Index nr = r1 - r0;
        // Bias gradients as products with a ones vector: a column-major GEMV streams through
        // the matrix, where rowwise().sum() walks it a row at a time.
        const Vec<T> ones = Vec<T>::Ones(dA.cols());
        dWx.middleRows(r0, nr).noalias() += dA.middleRows(r0, nr) * x_.transpose();
        dbx.middleRows(r0, nr).noalias() += dA.middleRows(r0, nr) * ones;
        dWh.middleRows(r0, nr).noalias() += dC.middleRows(r0, nr) * Hprev_.transpose();
        dbh.middleRows(r0, nr).noalias() += dC.middleRows(r0, nr) * ones;
    }
    const auto [c0, c1] = partRange(dA.cols(), part, parts, 16);
    if (c1 > c0)
        dx_.middleCols(c0, c1 - c0).noalias() = Wx.transpose() * dA.middleCols(c0, c1 - c0);
}

template <class T>
const Mat<T>& RecurrentLayer<T>::finishBackward(const Mat<T>& dA, const Mat<T>& dC) {
    dx_.resize(inputs_, dA.cols());
    finishBackwardPart(dA, dC, 0, 1);
    return dx_;
}

template <class T>
void RecurrentLayer<T>::zeroGrad() {
    dWx.setZero();
    dWh.setZero();
    dbx.setZero();
    dbh.setZero();
}

template <class T>
std::vector<ParamRef<T>> RecurrentLayer<T>::params() {
    return {{"Wx", &Wx, &dWx}, {"Wh", &Wh, &dWh}, {"bx", &bx, &dbx}, {"bh", &bh, &dbh}};
}

template <class T>
std::unique_ptr<RecurrentLayer<T>> makeRecurrentLayer(CellType type, int inputs, int hidden) {
    switch (type) {
        case CellType::Gru:
            return std::make_unique<GruLayer<T>>(inputs, hidden);
        case CellType::Lstm:
            return std::make_unique<LstmLayer<T>>(inputs, hidden);
        case CellType::Rnn:
            return std::make_unique<RnnLayer<T>>(inputs, hidden);
    }
    throw std::invalid_argument("unknown cell type");
}

template class RecurrentLayer<float>;
template class RecurrentLayer<double>;
template std::unique_ptr<RecurrentLayer<float>> makeRecurrentLayer<float>(CellType, int, int);
template std::unique_ptr<RecurrentLayer<double>> makeRecurrentLayer<double>(CellType, int, int);

}  // namespace as::surrogate
