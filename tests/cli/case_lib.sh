# Sourced by every tests/cli/*_case.sh: `source "$(dirname "$0")/case_lib.sh" "$@"`.
# Arguments: <attractor-cli> <case> <workdir>. Sets CLI, CASE, WORK, PY and REPO, starts in a fresh
# WORK, and gives the checks every case script uses. A script sets JSON_REQUIRED (keys the last
# stdout line must have) before calling json.
set -u
CLI="$1"; CASE="$2"; WORK="$3"
PY="${PYTHON3:-python3}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JSON_REQUIRED="${JSON_REQUIRED:-}"
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK" || exit 1

# fail <message>: prints the case's stdout and stderr and exits 1 (killing $PID if one is set).
fail() {
  echo "FAIL [$CASE]: $*" >&2
  echo "--- stdout"; cat out.txt 2>/dev/null; echo "--- stderr"; cat err.txt 2>/dev/null
  [ -n "${PID:-}" ] && kill -KILL "$PID" 2>/dev/null
  exit 1
}

# run <args...>: runs the CLI, keeps stdout/stderr in out.txt/err.txt and the exit code in $RC.
run() { "$CLI" "$@" >out.txt 2>err.txt; RC=$?; }

# json <python expression on j>: the last stdout line is a JSON object holding every key of
# $JSON_REQUIRED, and the expression holds (fin(v): v is a finite number).
json() {
  tail -n 1 out.txt > last.json
  JSON_REQUIRED="$JSON_REQUIRED" "$PY" - "$1" <<'PYEOF' || fail "JSON check failed: $1"
import json, math, os, sys
j = json.load(open("last.json"))
missing = [k for k in os.environ["JSON_REQUIRED"].split() if k not in j]
if missing:
    sys.exit("missing keys: %s" % missing)
fin = lambda v: v is not None and math.isfinite(v)
if not eval(sys.argv[1], {"j": j, "fin": fin, "math": math}):
    sys.exit("does not hold: %s in %s" % (sys.argv[1], j))
PYEOF
}

expect_ok() { [ "$RC" -eq 0 ] || fail "exit code $RC, expected 0"; }
# expect_error [text]: exit 2, exactly one stderr line starting "attractor-cli: error: ", with text.
expect_error() {
  [ "$RC" -eq 2 ] || fail "exit code $RC, expected 2"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr should be exactly one line"
  grep -q '^attractor-cli: error: ' err.txt || fail "stderr should start with 'attractor-cli: error: '"
  if [ $# -gt 0 ]; then grep -qF -- "$1" err.txt || fail "stderr should mention '$1'"; fi
}

# skip_without_mnist: after a run that needs MNIST, exit 77 (skipped) if it was not found.
skip_without_mnist() {
  if [ "$RC" -eq 2 ] && grep -q 'MNIST not found' err.txt; then echo "SKIP: MNIST not installed"; exit 77; fi
}
flip_middle() {  # <file>: XOR the byte in the middle of the file with 0x20 (a damaged copy)
  "$PY" -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0x20; open(p, "wb").write(b)' "$1"
}
# HDF5's signature at 0, or at 512 after the user block of the product's whole-file seal
# (engine/io/FileSeal.h), whose first bytes are then "ASSEAL01".
is_hdf5() {
  local sig='211HDF\r\n032\n'
  [ "$(head -c 8 "$1" | od -An -c | tr -d ' ')" = "$sig" ] && return 0
  [ "$(head -c 8 "$1")" = "ASSEAL01" ] && [ "$(tail -c +513 "$1" | head -c 8 | od -An -c | tr -d ' ')" = "$sig" ] && return 0
  fail "$1 is not HDF5"
}

# start <args...>: runs the CLI in the background (PID).
start() { "$CLI" "$@" >out.txt 2>err.txt & PID=$!; }
# wait_for <file> <regex> <seconds>: polls every 0.1 s until the file has a matching line; a run
# that ends without one fails the case (or skips it, exit 77, where it ended for want of MNIST).
wait_for() {
  local n=$(( $3 * 10 ))
  for _ in $(seq 1 "$n"); do
    grep -qE -- "$2" "$1" 2>/dev/null && return 0
    if ! kill -0 "$PID" 2>/dev/null; then
      grep -qE -- "$2" "$1" 2>/dev/null && return 0
      wait "$PID"; RC=$?; PID=; skip_without_mnist
      fail "the run ended before '$2' appeared in $1"
    fi
    sleep 0.1
  done
  fail "no line matching '$2' in $1 within $3 s"
}
# interrupt: SIGINT to the background run; RC = its exit code.
interrupt() { kill -INT "$PID"; wait "$PID"; RC=$?; PID=; }
# expect_kept_on_ctrl_c: a training run interrupted: exit 130, model.h5 and ck.h5 written.
expect_kept_on_ctrl_c() {
  [ "$RC" -eq 130 ] || fail "exit code $RC after SIGINT, expected 130 (cancelled)"
  [ -f model.h5 ] && [ -f ck.h5 ] || fail "the model and the checkpoint should be written on Ctrl-C"
}
