# Sourced by scripts/fuzz.sh and scripts/sanitize.sh: configures build-fuzz, the one sanitized build
# both use (clang-14, -fsanitize=address,undefined -fno-sanitize-recover=undefined everywhere,
# libFuzzer coverage instrumentation, the fuzz targets; no GUI, no benchmarks). -O1 with line
# tables for readable reports, assertions kept (no NDEBUG). docs/reliability.md.
AS_SAN_BUILD=build-fuzz
as_configure_sanitized() {
  local launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$AS_SAN_BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
    -DAS_FUZZ=ON -DAS_BUILD_GUI=OFF -DAS_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
}
# A finding stops the program with a report and a non-zero exit code.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Leaks inside libhdf5's own handling of damaged files are upstream's (tests/fuzz/lsan-libhdf5.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan-libhdf5.supp:print_suppressions=0"
