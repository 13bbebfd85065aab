#!/usr/bin/env bash
# Fails when a C++ file differs from .clang-format (Debian's clang-format-14, installed by
# scripts/install-deps.sh). Fix with: bash scripts/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
CF=${CLANG_FORMAT:-clang-format-14}
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h' | grep -v '^tests/fuzz/hdf5-upstream/')
if [[ "${1:-}" == "--fix" ]]; then
  "$CF" -i "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi
if ! "$CF" --dry-run -Werror "${files[@]}"; then
  echo "check-format: the files above differ from .clang-format; run: bash scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
