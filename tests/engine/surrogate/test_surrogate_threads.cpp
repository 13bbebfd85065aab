// The GRU's batch split over threads (RecurrentLayer::setThreads): one, two and three threads give
// the same outputs, final state, weight gradients and input gradients to float rounding, including
// blocks of unequal size; and the automatic choice keeps small chunks on one thread.
#include <gtest/gtest.h>

#include <random>

#include "surrogate/GruLayer.h"
#include "surrogate/SurrogateTrainer.h"

using namespace as::surrogate;

namespace {

struct Pass {
    Mat<float> h, sT, dx, dWx, dWh, dbx, dbh;
};

/// One forward + backward of a GRU (fixed seed) with the given thread count.
Pass run(int threads, int batch, int steps = 20, int in = 16, int hidden = 48) {
    singleThreadedEigen();  // as training does: the serial path must not fork inside Eigen
    GruLayer<float> gru(in, hidden);
    std::mt19937_64 rng(3);
    gru.initialise(rng);
    gru.setThreads(threads);
    std::srand(11);  // Eigen's Random()
    const Mat<float> x = Mat<float>::Random(in, steps * batch);
    const Mat<float> s0 = Mat<float>::Random(hidden, batch) * 0.5f;
    const Mat<float> dh = Mat<float>::Random(hidden, steps * batch);
    gru.zeroGrad();
    Pass p;
    p.h = gru.forward(x, s0, batch);
    p.sT = gru.finalState();
    p.dx = gru.backward(dh);
    p.dWx = gru.dWx;
    p.dWh = gru.dWh;
    p.dbx = gru.dbx;
    p.dbh = gru.dbh;
    return p;
}

double relDiff(const Mat<float>& a, const Mat<float>& b) {
    return double((a - b).norm()) / std::max(1e-30, double(a.norm()));
}

void expectSame(const Pass& a, const Pass& b, const char* what) {
    // Float rounding only: a thread's block of a product may sum in another order (measured: h,
    // dx and the bias gradients bit-identical, dWx and dWh 3e-7 relative).
    const double tol = 1e-5;
    EXPECT_LT(relDiff(a.h, b.h), tol) << what << " h";
    EXPECT_LT(relDiff(a.sT, b.sT), tol) << what << " final state";
    EXPECT_LT(relDiff(a.dx, b.dx), tol) << what << " dx";
    EXPECT_LT(relDiff(a.dWx, b.dWx), tol) << what << " dWx";
    EXPECT_LT(relDiff(a.dWh, b.dWh), tol) << what << " dWh";
    EXPECT_LT(relDiff(a.dbx, b.dbx), tol) << what << " dbx";
    EXPECT_LT(relDiff(a.dbh, b.dbh), tol) << what << " dbh";
}

}  // namespace

TEST(GruThreads, TwoThreadsMatchOne) {
    const Pass one = run(1, 32), two = run(2, 32);
    expectSame(one, two, "batch 32, 2 threads");
}

TEST(GruThreads, UnequalBlocksMatchOne) {
    // 13 sequences on 3 threads: blocks of 4, 4 and 5 columns.
    const Pass one = run(1, 13), three = run(3, 13);
    expectSame(one, three, "batch 13, 3 threads");
}

TEST(GruThreads, ThreadChoice) {
    GruLayer<float> gru(32, 128);
    gru.setThreads(1);
    EXPECT_EQ(gru.threadsFor(32, 100), 1);
    gru.setThreads(2);
    EXPECT_EQ(gru.threadsFor(32, 100), 2);
    EXPECT_EQ(gru.threadsFor(1, 100), 1);  // at least 4 sequences a thread
    EXPECT_EQ(gru.threadsFor(7, 100), 1);
    gru.setThreads(0);
    EXPECT_EQ(gru.threadsFor(32, 1), 1);  // 1.6e6 multiply-adds: too small to fork
    GruLayer<float> small(32, 32);
    EXPECT_EQ(small.threadsFor(16, 100), 1);  // the default training chunk (H 32, batch 16)
}
