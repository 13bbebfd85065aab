#!/usr/bin/env bash
# Usage: figure_cli.sh <attractor-studio>
# `--figure list` with no display at all names at least 25 figures, each with a seed's figure;
# a bad figure name, a missing --out and a bad --out suffix each exit 2 with a message naming it.
set -u
app="$1"
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" "$@" 2>&1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(run --figure list) || fail "--figure list exited $?"
n=$(echo "$out" | grep -Ec '^[a-z0-9-]+ +seed 00[0-2] ')
echo "$out"
[ "$n" -ge 25 ] || fail "--figure list names $n figures (want >= 25)"
[ "$(echo "$out" | grep -Eo '^[a-z0-9-]+ ' | sort | uniq -d)" = "" ] || fail "duplicate names"
expect2() {
  local want="$1"; shift
  local msg; msg=$(run "$@"); local rc=$?
  [ "$rc" -eq 2 ] || fail "$* exited $rc (want 2): $msg"
  echo "$msg" | grep -q -- "$want" || fail "$* did not name '$want': $msg"
}
expect2 "no-such-figure" --figure no-such-figure --out /tmp/as-figure-cli.png
expect2 "needs --out" --figure ring-bump
expect2 ".png, .svg or .pdf" --figure ring-bump --out /tmp/as-figure-cli.bmp
echo "figure_cli: ok ($n figures)"
