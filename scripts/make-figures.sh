#!/usr/bin/env bash
# Regenerates the figures in docs/images from the Release build:
#   - every paper figure of `attractor-studio --figure list` into docs/images/figures/<name>.png
#     (headless, offscreen; the sweep figures only with --sweeps), with the seconds each took in
#     docs/images/figures/times.tsv (the table in docs/reproduction.md);
#   - the screenshots of the user guides, with the commands the guides give (--screenshot under
#     xvfb-run, as they were taken; offscreen when xvfb-run is missing), the sweep window
#     (scripts/make-sweep-figure.sh), the SDE Analysis tab (its test's screenshot case) and the
#     fully dynamical generator's samples (attractor-cli generator sample --png).
# Usage: bash scripts/make-figures.sh [--figures-only | --screenshots-only] [--sweeps] [build-dir]
# A few images have no recorded command and are kept as they are; the script names them.
set -euo pipefail
cd "$(dirname "$0")/.."
figures=1 screenshots=1 sweeps=0 build=build
for arg in "$@"; do
  case "$arg" in
    --figures-only) screenshots=0 ;;
    --screenshots-only) figures=0 ;;
    --sweeps) sweeps=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "make-figures: unknown option $arg" >&2; exit 2 ;;
    *) build="$arg" ;;
  esac
done
studio="$build/app/gui/attractor-studio"
cli="$build/app/cli/attractor-cli"
[ -x "$studio" ] || { echo "make-figures: no $studio (build first: cmake --build --preset release)" >&2; exit 2; }
images=docs/images

if [ "$figures" = 1 ]; then
  mkdir -p "$images/figures"
  times="$images/figures/times.tsv"
  printf 'figure\tseconds\tsweep\n' > "$times"
  # name and whether it is a sweep, from the list (continuation lines start with a space)
  "$studio" --figure list 2>/dev/null | grep -E '^[a-z0-9]' | while read -r name rest; do
    sweep=no
    case "$rest" in *"[sweep]"*) sweep=yes ;; esac
    if [ "$sweep" = yes ] && [ "$sweeps" = 0 ]; then
      echo "skipped sweep figure $name (--sweeps renders it)"
      continue
    fi
    start=$(date +%s.%N)
    "$studio" --figure "$name" --out "$images/figures/$name.png" 2>&1 | grep -v 'XDG_RUNTIME_DIR\|propagateSizeHints' || true
    [ -s "$images/figures/$name.png" ] || { echo "make-figures: $name was not written" >&2; exit 1; }
    printf '%s\t%.1f\t%s\n' "$name" "$(echo "$(date +%s.%N) - $start" | bc)" "$sweep" >> "$times"
  done
  echo "wrote $images/figures/*.png and $times"
fi

if [ "$screenshots" = 1 ]; then
  # the programs that take the sweep window's and the Analysis tab's pictures
  cmake --build "$build" --target test_sweep_window test_sde_analysis_page attractor-cli
  if command -v xvfb-run >/dev/null; then
    shot() { xvfb-run -a -s "-screen 0 ${SCREEN:-1600x1000}x24" env QT_QPA_PLATFORM=xcb "$studio" "$@"; }
  else
    shot() { QT_QPA_PLATFORM=offscreen "$studio" "$@"; }
  fi
  # The commands of the user guides (docs/user-guide/*.md).
  shot --theme light --screenshot "$images/ring-lab.png" --after-ms 3000
  shot --theme dark --screenshot "$images/ring-lab-dark.png" --after-ms 3000
  shot --presentation --tour 5 --screenshot "$images/ring-tour.png" --after-ms 3000
  shot --lab surrogate --screenshot "$images/surrogate-lab.png" --after-ms 4000
  shot --lab surrogate --set case=grid3d --screenshot "$images/surrogate-grid3d.png" --after-ms 6000
  shot --lab ei --screenshot "$images/ei-lab.png" --after-ms 3000
  shot --lab torus --screenshot "$images/torus-lab.png" --after-ms 3000
  shot --lab hd2d --screenshot "$images/torus-hd2d.png" --after-ms 3000
  shot --lab hd2d --set n=96 --set trajectory=helix --screenshot "$images/torus-hd2d-startup.png" --after-ms 3000
  shot --lab sde --screenshot "$images/sde-lab.png" --after-ms 4000
  for page in gallery reconstruct langevin latent interpolate noise train; do
    shot --lab "generator-$page" --screenshot "$images/generator-$page.png" --after-ms 3000
  done
  for lab in ring surrogate ei torus sde generator; do
    SCREEN=1024x700 shot --size 1024x700 --lab "$lab" --screenshot "$images/small-screen-$lab.png" --after-ms 3000
  done
  bash scripts/make-sweep-figure.sh "$build"
  if [ "$sweeps" = 1 ]; then  # seed 001 Fig. 4B over regimes: 2,880 E-I runs, about 3 min on 2 cores
    bash scripts/make-sweep-figure.sh "$build" resources/sweeps/ei_jump_regimes.json \
      jumpSize,t95_ratio,sEi "$images/ei-4b-regimes.png"
  fi
  AS_SDE_ANALYSIS_PNG="$images/sde-analysis.png" QT_QPA_PLATFORM=offscreen \
    "$build/tests/app/test_sde_analysis_page" screenshot
  "$cli" generator sample --model resources/models/gen_012_dynamical.h5 --count 10 \
    --png "$images/generator-012-dynamical.png" >/dev/null
  for kept in generator-012-samples generator-012-langevin sde-corruptions sde-training sde-trained-here; do
    echo "kept $images/$kept.png (no recorded command)"
  done
fi
