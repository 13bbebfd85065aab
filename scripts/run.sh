#!/usr/bin/env bash
# README command 1: install the Debian packages, configure and build in Release, start the GUI on
# the Ring lab (the embedded default session: a bump already moving). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# MNIST for the SDE lab's digit browser and training; without it the lab uses its 100 shipped digits.
bash scripts/fetch-mnist.sh || echo "run.sh: MNIST not fetched; the SDE lab falls back to its shipped example digits" >&2
cmake --preset release
cmake --build --preset release --target attractor-studio attractor-cli
exec build/app/gui/attractor-studio "$@"
