#!/usr/bin/env bash
# Renders File → Open Sweep's window on a merged sweep, through the screenshot case of
# test_sweep_window: runs the recipe (finished jobs are skipped), merges it and plots a result field
# against a parameter, mean ± std over the other parameters, one curve per value of a third.
# Usage: bash scripts/make-sweep-figure.sh [build-dir]   (after the README's build)
#          docs/images/sweep-window.png: resources/sweeps/ring_lag_vs_speed.json (24 ring runs, a few
#          seconds), lag against speed, one curve per stimulus height
#        bash scripts/make-sweep-figure.sh build SPEC X,FIELD,SPLIT OUT.png [FOLDER]
#          any recipe; FOLDER keeps the runs (a finished sweep there is only merged), e.g.
#          bash scripts/make-sweep-figure.sh build resources/sweeps/ei_jump_regimes.json \
#            stimHeight,t95_ratio,jumpSize docs/images/ei-4b-regimes.png /tmp/ei_jump_regimes
#          (2,880 E-I runs, about 30 min on 2 cores the first time)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
spec=${2:-resources/sweeps/ring_lag_vs_speed.json}
choose=${3:-v,lag_rad,A}
png=${4:-docs/images/sweep-window.png}
work=${5:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
label=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["label"])' "$spec")
"$build/app/cli/attractor-cli" sweep run "$spec" --output "$work" --jobs 2 --quiet >/dev/null
"$build/app/cli/attractor-cli" sweep merge "$spec" --output "$work" >/dev/null
AS_SWEEP_PNG="$(realpath -m "$png")" AS_SWEEP_FILE="$work/${label}_merged.h5" \
  AS_SWEEP_CHOOSE="$choose" QT_QPA_PLATFORM=offscreen \
  "$build/tests/app/test_sweep_window" screenshot
echo "wrote $png"
