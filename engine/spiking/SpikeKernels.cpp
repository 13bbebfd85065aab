#include "spiking/SpikeKernels.h"

#include <cstdint>
#include <cstring>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace as::spike {
namespace {

void addBitRowsScalar(const unsigned char* const* rows, int count, float w, float* out, int lo,
                      int hi) {
    for (int s = 0; s < count; ++s)
        for (int i = lo; i < hi; ++i)
            if ((rows[s][i >> 3] >> (i & 7)) & 1) out[i] += w;
}

void addScaledRowsScalar(const float* const* rows, int count, float c, float* out, int lo, int hi) {
    for (int s = 0; s < count; ++s) {
        const float* r = rows[s];
        for (int i = lo; i < hi; ++i) out[i] = out[i] + c * r[i];
    }
}

#if defined(__AVX2__)
// One 8-lane step of a bit row: lanes whose bit is set in `m` gain w.
#if defined(__AVX512F__) && defined(__AVX512VL__)
inline __m256 addMasked(__m256 v, unsigned m, __m256 wv, __m256i) {
    return _mm256_mask_add_ps(v, __mmask8(m & 0xffu), v, wv);
}
#else
inline __m256 addMasked(__m256 v, unsigned m, __m256 wv, __m256i sel) {
    const __m256i bits = _mm256_and_si256(_mm256_set1_epi32(int(m & 0xffu)), sel);
    const __m256 hit = _mm256_castsi256_ps(_mm256_cmpeq_epi32(bits, sel));
    return _mm256_add_ps(v, _mm256_and_ps(hit, wv));  // + 0 where the bit is clear
}
#endif
#endif

}  // namespace

void findCrossings(const float* v, int lo, int hi, float threshold, SpikeIds& out) {
    int i = lo;
#if defined(__AVX2__)
    // One compare and a movemask per 8 neurons; a loop over the set bits only on a crossing.
    const __m256 th = _mm256_set1_ps(threshold);
    for (; i + 8 <= hi; i += 8) {
        unsigned m =
            unsigned(_mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(v + i), th, _CMP_GE_OQ)));
        while (m) {
            out.push_back(i + __builtin_ctz(m));
            m &= m - 1;
        }
    }
#endif
    for (; i < hi; ++i)
        if (v[i] >= threshold) out.push_back(i);
}

void addBitRows(const unsigned char* const* rows, int count, float w, float* out, int lo, int hi) {
    if (count <= 0 || lo >= hi) return;
#if defined(__AVX2__)
    // Lanes [a, e) in whole bytes; the ragged ends in plain C++.
    const int a = ((lo + 7) & ~7) < hi ? ((lo + 7) & ~7) : hi;
    const int e = a + ((hi - a) & ~7);
    addBitRowsScalar(rows, count, w, out, lo, a);
    const __m256 wv = _mm256_set1_ps(w);
    const __m256i sel = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
    int i = a;
    for (; i + 64 <= e; i += 64) {  // 64 lanes: eight independent add chains hide the add latency
        __m256 v[8];
        for (int k = 0; k < 8; ++k) v[k] = _mm256_loadu_ps(out + i + 8 * k);
        const int byte = i >> 3;
        for (int s = 0; s < count; ++s) {
            std::uint64_t m;
            std::memcpy(&m, rows[s] + byte, 8);
            for (int k = 0; k < 8; ++k) v[k] = addMasked(v[k], unsigned(m >> (8 * k)), wv, sel);
        }
        for (int k = 0; k < 8; ++k) _mm256_storeu_ps(out + i + 8 * k, v[k]);
    }
    for (; i < e; i += 8) {
        __m256 v = _mm256_loadu_ps(out + i);
        for (int s = 0; s < count; ++s) v = addMasked(v, rows[s][i >> 3], wv, sel);
        _mm256_storeu_ps(out + i, v);
    }
    addBitRowsScalar(rows, count, w, out, e, hi);
#else
    addBitRowsScalar(rows, count, w, out, lo, hi);
#endif
}

void addScaledRows(const float* const* rows, int count, float c, float* out, int lo, int hi) {
    if (count <= 0 || lo >= hi) return;
#if defined(__AVX2__)
    const __m256 cv = _mm256_set1_ps(c);
    int i = lo;
    for (; i + 32 <= hi; i += 32) {  // the output block is loaded and stored once for all spikes
        __m256 v0 = _mm256_loadu_ps(out + i), v1 = _mm256_loadu_ps(out + i + 8);
        __m256 v2 = _mm256_loadu_ps(out + i + 16), v3 = _mm256_loadu_ps(out + i + 24);
        for (int s = 0; s < count; ++s) {
            const float* r = rows[s] + i;
            v0 = _mm256_add_ps(v0, _mm256_mul_ps(cv, _mm256_loadu_ps(r)));
            v1 = _mm256_add_ps(v1, _mm256_mul_ps(cv, _mm256_loadu_ps(r + 8)));
            v2 = _mm256_add_ps(v2, _mm256_mul_ps(cv, _mm256_loadu_ps(r + 16)));
            v3 = _mm256_add_ps(v3, _mm256_mul_ps(cv, _mm256_loadu_ps(r + 24)));
        }
        _mm256_storeu_ps(out + i, v0);
        _mm256_storeu_ps(out + i + 8, v1);
        _mm256_storeu_ps(out + i + 16, v2);
        _mm256_storeu_ps(out + i + 24, v3);
    }
    addScaledRowsScalar(rows, count, c, out, i, hi);
#else
    addScaledRowsScalar(rows, count, c, out, lo, hi);
#endif
}

}  // namespace as::spike
