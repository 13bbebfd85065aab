#!/usr/bin/env bash
# Fuzzes every loader with libFuzzer (tests/fuzz; docs/reliability.md): builds the targets in
# build-fuzz (clang-14, ASan + UBSan), then for each target
#   1. a regression run over its saved corpus tests/fuzz/corpus/<target>/ (every file once),
#   2. a bounded fuzz run (FUZZ_SECONDS, default 20 s) from that corpus and fresh seeds written by
#      the product's own writers (fuzz-make-seeds).
# A crash, a hang (one input > 2 s), a leak, an allocation past 2 GB or a sanitizer report fails:
# the script exits 1 after all targets ran, and the offending input is in build-fuzz/fuzz-artifacts/.
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

failed=()
summary=()
for t in "${targets[@]}"; do
  bin="$AS_SAN_BUILD/tests/fuzz/$t"
  corpus="tests/fuzz/corpus/$t"
  seeds="$AS_SAN_BUILD/fuzz-seeds/$t"
  mkdir -p "$corpus" "$seeds" "$work/$t"
  log="$work/$t.log"
  status="ok"
  # 1. Regression: every saved input once (-runs=0 runs the corpus and stops).
  nsaved=$(find "$corpus" -type f | wc -l)
  if ! "$bin" "${opts[@]}" -runs=0 -artifact_prefix="$AS_SAN_BUILD/fuzz-artifacts/$t-" \
       "$corpus" >"$log.regression" 2>&1; then
    status="FAILED on the saved corpus"
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log.regression" | head -5 || true
  fi
  # 2. Bounded fuzzing; new inputs go to a scratch corpus, not the repository.
  if [ "$status" = ok ] && ! "$bin" "${opts[@]}" -max_total_time="$SECONDS_PER_TARGET" \
       -artifact_prefix="$AS_SAN_BUILD/fuzz-artifacts/$t-" "$work/$t" "$corpus" "$seeds" \
       >"$log" 2>&1; then
    status="FAILED while fuzzing"
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -5 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" 2>/dev/null | tail -1)
  cov=$(grep -oE "cov: [0-9]+" "$log" 2>/dev/null | tail -1 | cut -d' ' -f2)
  new=$(find "$work/$t" -type f | wc -l)
  line=$(printf '%-24s %4d saved inputs, %8s inputs fuzzed in %ss, coverage %5s, %4s new corpus inputs: %s' \
         "$t" "$nsaved" "${runs:-0}" "$SECONDS_PER_TARGET" "${cov:-?}" "$new" "$status")
  echo "fuzz: $line"
  summary+=("$line")
  [ "$status" = ok ] || failed+=("$t")
done

echo "fuzz: summary ($(( $(date +%s) - start )) s in all)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (reproduce: build-fuzz/tests/fuzz/<target> build-fuzz/fuzz-artifacts/<file>; logs in $work)"
  exit 1
fi
echo "fuzz: no findings"
