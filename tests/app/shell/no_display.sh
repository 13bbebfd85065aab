#!/usr/bin/env bash
# Usage: no_display.sh <attractor-studio> --help|--version
# Runs the option with no display at all (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM): it must
# exit 0 and print the usage or the version. A QApplication made before the options are parsed
# would abort here with "could not connect to display".
set -u
app="$1"; opt="$2"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" "$opt" 2>&1)
rc=$?
echo "$out"
[ "$rc" -eq 0 ] || { echo "FAIL: $opt exited $rc" >&2; exit 1; }
case "$opt" in
  --help) pattern='^Usage: .*attractor-studio' ;;
  --version) pattern='^attractor-studio [0-9]+\.[0-9]+\.[0-9]+$' ;;
  *) echo "FAIL: unknown option $opt" >&2; exit 1 ;;
esac
echo "$out" | grep -Eq "$pattern" || { echo "FAIL: $opt did not print a line matching '$pattern'" >&2; exit 1; }
