#pragma once
// The dynamics tier of the surrogate: a recurrent layer run over a chunk of T steps for B sequences
// at once (truncated BPTT: the state entering a chunk is a constant, no gradient flows into it).
// Every cell stores its gates stacked in Wx (G*H x In), Wh (G*H x H), bx and bh (G*H x 1), so the
// input projection of a whole chunk is one matrix product and the weight gradients are two more.
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "surrogate/Tensor.h"

namespace as::surrogate {

enum class CellType { Gru = 0, Lstm = 1, Rnn = 2 };
const char* cellName(CellType c);
/// "gru", "lstm", "rnn"; throws std::invalid_argument otherwise.
CellType cellFromName(const std::string& name);

template <class T>
class RecurrentLayer {
  public:
    virtual ~RecurrentLayer() = default;
    virtual CellType type() const = 0;
    /// Gates per cell: GRU 3, LSTM 4, RNN 1.
    virtual int gates() const = 0;
    /// Rows of the carried state: H (GRU, RNN) or 2H (LSTM: h stacked over c).
    virtual int stateRows() const { return hidden_; }
    int inputs() const { return inputs_; }
    int hidden() const { return hidden_; }

    /// Uniform(-1/sqrt(H), 1/sqrt(H)) weights and biases (the usual recurrent initialisation).
    void initialise(std::mt19937_64& rng);
    /// Runs a chunk. x: In x (T*B); s0: stateRows x B. Returns h: H x (T*B); the state after the
    /// last step is finalState(). Keeps what backward() needs.
    virtual const Mat<T>& forward(const Mat<T>& x, const Mat<T>& s0, int batch) = 0;
    const Mat<T>& finalState() const { return sT_; }
    /// Back-propagates dh (H x T*B) through the chunk: accumulates the weight gradients and
    /// returns dx (In x T*B).
    virtual const Mat<T>& backward(const Mat<T>& dh) = 0;
    /// One streaming step for one sequence: state (stateRows x 1) is advanced in place from the
    /// input projection a = Wx x + bx (G*H x 1), which the caller may compute sparsely.
    virtual void step(const Vec<T>& a, Vec<T>& state) = 0;

    void zeroGrad();
    std::vector<ParamRef<T>> params();

    /// Threads a chunk may use (the GRU splits the batch: each thread runs the recurrence forward
    /// and backward for its own sequences, then the weight gradients are split by rows). 0 (the
    /// default) chooses: several threads only for a large chunk on a machine that is not busy
    /// (threadsFor()); 1 is the serial path. Results agree to float rounding for any count.
    void setThreads(int threads) { threads_ = threads < 0 ? 0 : threads; }
    int threads() const { return threads_; }
    /// The threads a chunk of `batch` sequences and `steps` steps runs on (at least 4 sequences
    /// a thread; in auto mode only from 1e7 recurrent multiply-adds a chunk, and one thread when
    /// the load average exceeds the cores, as the SDE lab's ThreadBudget decides, or when another
    /// process is runnable right now on a core the threads would need).
    int threadsFor(int batch, int steps) const;

    Mat<T> Wx, Wh, bx, bh, dWx, dWh, dbx, dbh;

  protected:
    RecurrentLayer(int in, int hidden, int gates);
    /// A = Wx x + bx for the whole chunk.
    void projectInput(const Mat<T>& x, int batch);
    /// The shape checks and buffers of projectInput() without the product (throws on bad shape).
    void prepareChunk(const Mat<T>& x, int batch);
    /// Part `part` of `parts` of the product A = Wx x + bx (a contiguous block of columns).
    void projectInputPart(int part, int parts);
    /// From dA (G*H x T*B) and dC (recurrent pre-activation gradients, G*H x T*B): weight
    /// gradients and dx.
    const Mat<T>& finishBackward(const Mat<T>& dA, const Mat<T>& dC);
    /// Part `part` of `parts` of finishBackward(): a block of gradient rows and of dx columns
    /// (dx_ must be sized first); the parts write disjoint memory, so threads may run them at once.
    void finishBackwardPart(const Mat<T>& dA, const Mat<T>& dC, int part, int parts);

    int inputs_, hidden_, batch_ = 1, steps_ = 0, threads_ = 0;
    Mat<T> x_, A_, Hprev_, H_, sT_, dx_;
};

/// A new layer of the given type (float or double).
template <class T>
std::unique_ptr<RecurrentLayer<T>> makeRecurrentLayer(CellType type, int inputs, int hidden);

}  // namespace as::surrogate
