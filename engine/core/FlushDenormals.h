#pragma once
// While alive, treats denormal floats as zero (x86 FTZ + DAZ) on this thread and restores the
// previous mode afterwards. Decaying activity (e.g. a CANN with no bump and no input) otherwise
// underflows into denormals, which are ~10-100x slower on x86. Values below ~1e-38 (float) carry
// no meaning in these models. No effect on other architectures.
#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

namespace as {

class FlushDenormals {
  public:
#if defined(__SSE2__)
    FlushDenormals() : saved_(_mm_getcsr()) {
        _mm_setcsr(saved_ | 0x8040u);
    }  // FTZ | DAZ
    ~FlushDenormals() {
        _mm_setcsr(saved_);
    }

  private:
    unsigned int saved_;
#else
    FlushDenormals() = default;
#endif
  public:
    FlushDenormals(const FlushDenormals&) = delete;
    FlushDenormals& operator=(const FlushDenormals&) = delete;
};

}  // namespace as
