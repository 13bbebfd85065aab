#!/usr/bin/env bash
# Fuzzes every loader with libFuzzer (tests/fuzz; docs/reliability.md): builds the targets in
# build-fuzz (clang-14, ASan + UBSan), then for each target (FUZZ_JOBS at a time, default one per core)
#   1. a regression run over its saved corpus tests/fuzz/corpus/<target>/ (every file once),
#   2. a bounded fuzz run (FUZZ_SECONDS, default 20 s) from that corpus and fresh seeds written by
#      the product's own writers (fuzz-make-seeds).
# A crash, a hang (one input > 2 s), a leak, an allocation past 2 GB or a sanitizer report fails:
# the script exits 1 after all targets ran, and the offending input is in build-fuzz/fuzz-artifacts/.
# One exception, reported but not failing: a finding of the bounded run whose report starts inside
# libhdf5 itself (the first frame above the sanitizer's malloc/memcpy interceptor is in
# libhdf5_serial.so: Debian's libhdf5 1.10.8 over-reads and leaks on some damaged object headers,
# tests/fuzz/hdf5-upstream/README.md). Such a finding is counted and its input kept; the regression
# run over the saved corpus stays strict.
# Usage: bash scripts/fuzz.sh [target ...]   (default: all fuzz_* targets)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
source scripts/sanitized-build.sh
SECONDS_PER_TARGET=${FUZZ_SECONDS:-20}
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for f in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

start=$(date +%s)
as_configure_sanitized
cmake --build "$AS_SAN_BUILD" --target "${targets[@]}" fuzz-make-seeds
echo "fuzz: build took $(( $(date +%s) - start )) s"

work="$AS_SAN_BUILD/fuzz-work"
rm -rf "$work" "$AS_SAN_BUILD/fuzz-seeds"
mkdir -p "$work" "$AS_SAN_BUILD/fuzz-artifacts"
"$AS_SAN_BUILD/tests/fuzz/fuzz-make-seeds" "$AS_SAN_BUILD/fuzz-seeds"
opts=(-timeout=2 -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=1 -print_final_stats=1)

# upstream LOG: whether the first sanitizer report in LOG starts inside libhdf5 (see above). Hangs
# and UBSan reports are never upstream here.
upstream() {
  grep -q -- '-timeout=\|ALARM: working on the last Unit\|runtime error:' "$1" && return 1
  awk '/ERROR: (AddressSanitizer|LeakSanitizer)|ERROR: libFuzzer: out-of-memory \(malloc|^Direct leak|^Indirect leak/ { on = 1; next }
       on && /^ *#[0-9]+ / {
         if ($0 ~ /in (__interceptor_|malloc|calloc|realloc|free|operator new|operator delete|__sanitizer|__asan|__lsan|fuzzer::)/) next
         # A frame in the fuzz binary without a source line is the sanitizer runtime or one of
         # its interceptors ("in strdup (.../fuzz_torus_session+0x17bd65)"): look past it.
         if ($0 ~ /\(.*\/tests\/fuzz\/fuzz_[a-z0-9_]+\+0x[0-9a-f]+\)/) next
         # The C library routines (a SEGV inside memcpy: "in __memcpy_avx_unaligned_erms
         # string/../sysdeps/..."): the caller above them decides.
         if ($0 ~ /sysdeps\/|libc\.so/) next
         found = ($0 ~ /libhdf5/) ? 0 : 1; exit }
       END { exit found == "" ? 1 : found }' "$1"
}

# fuzz_one TARGET: both runs of one target; writes its summary line to $work/TARGET.line and its
# outcome (ok, upstream or failed) to $work/TARGET.outcome.
fuzz_one() {
  local t=$1 bin="$AS_SAN_BUILD/tests/fuzz/$1" corpus="tests/fuzz/corpus/$1"
  local seeds="$AS_SAN_BUILD/fuzz-seeds/$1" log="$work/$1.log" status="ok" outcome=ok
  mkdir -p "$corpus" "$seeds" "$work/$t"
  local nsaved runs cov new
  nsaved=$(find "$corpus" -type f | wc -l)
  # 1. Regression: every saved input once (-runs=0 runs the corpus and stops).
  if ! "$bin" "${opts[@]}" -runs=0 -artifact_prefix="$AS_SAN_BUILD/fuzz-artifacts/$t-" \
       "$corpus" >"$log.regression" 2>&1; then
    status="FAILED on the saved corpus"
    outcome=failed
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log.regression" | head -5 || true
  fi
  # 2. Bounded fuzzing; new inputs go to a scratch corpus, not the repository.
  if [ "$status" = ok ] && ! "$bin" "${opts[@]}" -max_total_time="$SECONDS_PER_TARGET" \
       -artifact_prefix="$AS_SAN_BUILD/fuzz-artifacts/$t-" "$work/$t" "$corpus" "$seeds" \
       >"$log" 2>&1; then
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -5 || true
    # libFuzzer's RSS limit reports no allocation stack. ASan shadows a huge malloc before
    # libFuzzer's malloc limit sees it (a 16 GB request touches 2 GB of shadow), so the RSS limit
    # can fire first. Run the input it was on alone, with room for the shadow (RSS limit 8 GB)
    # and the malloc limit at 1 GB, and classify what that run reports: the stack of the
    # allocation (a clean rerun stays a failure).
    local oom
    oom=$(sed -n 's/.*Test unit written to \(.*-oom-[0-9a-f]*\)$/\1/p' "$log" | tail -1)
    if [ -n "$oom" ] && grep -q 'ERROR: libFuzzer: out-of-memory (used:' "$log"; then
      "$bin" -timeout=2 -rss_limit_mb=8192 -malloc_limit_mb=1024 -detect_leaks=1 -runs=1 "$oom" \
        >"$log.oom-rerun" 2>&1 || true
      cat "$log.oom-rerun" >>"$log"
    fi
    if upstream "$log"; then
      status="stopped by a finding inside libhdf5 (upstream, not failing; input in $AS_SAN_BUILD/fuzz-artifacts)"
      outcome=upstream
    else
      status="FAILED while fuzzing"
      outcome=failed
    fi
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" 2>/dev/null | tail -1)
  cov=$(grep -oE "cov: [0-9]+" "$log" 2>/dev/null | tail -1 | cut -d' ' -f2)
  new=$(find "$work/$t" -type f | wc -l)
  printf '%-24s %4d saved inputs, %8s inputs fuzzed in %ss, coverage %5s, %4s new corpus inputs: %s\n' \
    "$t" "$nsaved" "${runs:-0}" "$SECONDS_PER_TARGET" "${cov:-?}" "$new" "$status" >"$work/$t.line"
  echo "$outcome" >"$work/$t.outcome"
  echo "fuzz: $(cat "$work/$t.line")"
}

# FUZZ_JOBS targets at a time (default: one per core), each for its whole time box on its own core.
jobs_max=${FUZZ_JOBS:-$(nproc)}
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  fuzz_one "$t" &
done
wait

failed=()
upstream_findings=()
summary=()
for t in "${targets[@]}"; do
  summary+=("$(cat "$work/$t.line" 2>/dev/null || echo "$t: no result")")
  case "$(cat "$work/$t.outcome" 2>/dev/null)" in
    ok) ;;
    upstream) upstream_findings+=("$t") ;;
    *) failed+=("$t") ;;
  esac
done

echo "fuzz: summary ($(( $(date +%s) - start )) s in all)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (reproduce: build-fuzz/tests/fuzz/<target> build-fuzz/fuzz-artifacts/<file>; logs in $work)"
  exit 1
fi
if [ ${#upstream_findings[@]} -gt 0 ]; then
  echo "fuzz: no findings in our code; ${#upstream_findings[@]} target(s) stopped by libhdf5's own findings: ${upstream_findings[*]}"
else
  echo "fuzz: no findings"
fi
