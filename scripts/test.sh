#!/usr/bin/env bash
# README command 2 (and what .ci/run calls): install the Debian packages, fetch MNIST, build everything in
# Release and run the whole test suite with ctest (engine, CLI end-to-end, widgets and app offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The SDE lab's tests read MNIST slices from data/mnist (downloaded once, ~11 MB, then reused).
bash scripts/fetch-mnist.sh
cmake --preset release
cmake --build --preset release
ctest --preset release
