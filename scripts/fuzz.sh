#!/usr/bin/env bash
# Fuzzes every loader with libFuzzer (tests/fuzz; docs/reliability.md): builds the targets in
# build-fuzz (clang-14, ASan + UBSan), then for each target (FUZZ_JOBS at a time, default one per core)
#   1. a regression run over its saved corpus tests/fuzz/corpus/<target>/ (every file once),
#   2. a bounded fuzz run (FUZZ_SECONDS, default 20 s) from that corpus and fresh seeds written by
#      the product's own writers (fuzz-make-seeds).
# A crash, a hang (one input > 2 s), a leak, an allocation past 2 GB or a sanitizer report fails:
# the script exits 1 after all targets ran, and the offending input is in build-fuzz/fuzz-artifacts/.
# That holds for libhdf5's own faults too: Debian's libhdf5 1.10.8 over-reads, hangs and allocates
# gigabytes on some damaged object headers (tests/fuzz/hdf5-upstream/README.md), and the product
# reads a file without a seal in a child process first (engine/io/Hdf5Probe.h), so such a fault
# ends the child and the loader refuses the file; one that reached the loader's own process would
# crash the app, and is a finding here.
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

# fuzz_one TARGET: both runs of one target; writes its summary line to $work/TARGET.line and its
# outcome (ok or failed) to $work/TARGET.outcome.
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
    status="FAILED while fuzzing"
    outcome=failed
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
summary=()
for t in "${targets[@]}"; do
  summary+=("$(cat "$work/$t.line" 2>/dev/null || echo "$t: no result")")
  [ "$(cat "$work/$t.outcome" 2>/dev/null)" = ok ] || failed+=("$t")
done

echo "fuzz: summary ($(( $(date +%s) - start )) s in all)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (reproduce: build-fuzz/tests/fuzz/<target> build-fuzz/fuzz-artifacts/<file>; logs in $work)"
  exit 1
fi
echo "fuzz: no findings"
