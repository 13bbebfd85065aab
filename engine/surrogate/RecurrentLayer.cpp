#include "surrogate/RecurrentLayer.h"

#include <cmath>
#include <stdexcept>

#include "surrogate/GruLayer.h"
#include "surrogate/LstmLayer.h"
#include "surrogate/RnnLayer.h"

namespace as::surrogate {

const char* cellName(CellType c) {
    switch (c) {
        case CellType::Gru:
            return "gru";
        case CellType::Lstm:
            return "lstm";
        case CellType::Rnn:
            return "rnn";
    }
    return "?";
}

CellType cellFromName(const std::string& name) {
    if (name == "gru") return CellType::Gru;
    if (name == "lstm") return CellType::Lstm;
    if (name == "rnn") return CellType::Rnn;
    throw std::invalid_argument("unknown cell '" + name + "' (known: gru, lstm, rnn)");
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

template <class T>
void RecurrentLayer<T>::projectInput(const Mat<T>& x, int batch) {
    if (x.rows() != inputs_ || batch <= 0 || x.cols() % batch != 0)
        throw std::invalid_argument("recurrent layer: input chunk has the wrong shape");
    batch_ = batch;
    steps_ = int(x.cols() / batch);
    x_ = x;
    A_.noalias() = Wx * x;
    A_.colwise() += bx.col(0);
    Hprev_.resize(hidden_, x.cols());
    H_.resize(hidden_, x.cols());
}

template <class T>
const Mat<T>& RecurrentLayer<T>::finishBackward(const Mat<T>& dA, const Mat<T>& dC) {
    dWx.noalias() += dA * x_.transpose();
    dbx += dA.rowwise().sum();
    dWh.noalias() += dC * Hprev_.transpose();
    dbh += dC.rowwise().sum();
    dx_.noalias() = Wx.transpose() * dA;
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
