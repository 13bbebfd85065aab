#!/usr/bin/env bash
# docs/images/sweep-window.png: runs the shipped recipe resources/sweeps/ring_lag_vs_speed.json
# (24 ring runs, a few seconds), merges it and renders File → Open Sweep's window on it (lag against
# speed, one curve per stimulus height), through the screenshot case of test_sweep_window.
# Usage: bash scripts/make-sweep-figure.sh [build-dir]   (after the README's build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec=resources/sweeps/ring_lag_vs_speed.json
"$build/app/cli/attractor-cli" sweep run "$spec" --output "$work" --jobs 2 --quiet >/dev/null
"$build/app/cli/attractor-cli" sweep merge "$spec" --output "$work" >/dev/null
AS_SWEEP_PNG="$PWD/docs/images/sweep-window.png" AS_SWEEP_FILE="$work/ring_lag_vs_speed_merged.h5" \
  AS_SWEEP_CHOOSE="v,lag_rad,A" QT_QPA_PLATFORM=offscreen \
  "$build/tests/app/test_sweep_window" screenshot
echo "wrote docs/images/sweep-window.png"
