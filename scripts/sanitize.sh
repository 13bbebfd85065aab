#!/usr/bin/env bash
# The sanitizer build (docs/reliability.md): the engine, attractor-cli and their tests (tests/engine,
# tests/cli) built with clang-14 and -fsanitize=address,undefined -fno-sanitize-recover=undefined
# in build-fuzz (shared with scripts/fuzz.sh; no GUI), then run with ctest. Any ASan, LSan or UBSan
# report aborts the test that hit it, so a finding fails the script.
#   bash scripts/sanitize.sh           every engine and CLI test
#   bash scripts/sanitize.sh --files   only the programs labelled "engine-files" (every reader and writer of
#                                      files, damaged and foreign files included): .ci/run's stage,
#                                      which the 40-minute CI budget on 2 cores leaves room for
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
source scripts/sanitized-build.sh
targets=()
select=(-LE no_sanitize)
if [ "${1:-}" = "--files" ]; then
  targets=(--target file-tests)
  select=(-L files)
fi
start=$(date +%s)
as_configure_sanitized
cmake --build "$AS_SAN_BUILD" "${targets[@]}"
built=$(date +%s)
echo "sanitize: build took $(( built - start )) s"
# The SDE lab's MNIST tests skip themselves when data/mnist is absent (scripts/fetch-mnist.sh).
# FileIntegrity.FlipTestSeesSilentDamageInFilesWithoutChecksums feeds byte-flipped format-1 files
# (no seal, no checksums) to the loaders on purpose; libhdf5 reads each one first in a child
# process (io/Hdf5Probe.h), where an over-read of Debian's libhdf5 1.10.8 ends the child only.
ctest --test-dir "$AS_SAN_BUILD" --output-on-failure -j2 --timeout 600 "${select[@]}"
echo "sanitize: tests took $(( $(date +%s) - built )) s; no findings"
