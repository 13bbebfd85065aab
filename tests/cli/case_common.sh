# Helpers of the end-to-end case scripts (sourced; generator_case.sh uses them). The caller sets
# CASE, PY (python3) and works in its work directory. Each case runs `run attractor-cli args...`
# (stdout in out.txt, stderr in err.txt, exit code in RC) and checks with the functions below.

fail() { echo "FAIL [$CASE]: $*" >&2; echo "--- stdout"; cat out.txt 2>/dev/null; echo "--- stderr"; cat err.txt 2>/dev/null; exit 1; }
run() { "$CLI" "$@" >out.txt 2>err.txt; RC=$?; }

# json <python expression on j>: the last stdout line is a JSON object and the expression holds.
json() {
  tail -n 1 out.txt > last.json
  "$PY" - "$1" <<'PYEOF' || fail "JSON check failed: $1"
import json, math, sys
j = json.load(open("last.json"))
fin = lambda v: v is not None and math.isfinite(v)
if not eval(sys.argv[1], {"j": j, "fin": fin, "math": math}):
    sys.exit("does not hold: %s in %s" % (sys.argv[1], j))
PYEOF
}
expect_ok() { [ "$RC" -eq 0 ] || fail "exit code $RC, expected 0"; }
expect_error() {
  [ "$RC" -eq 2 ] || fail "exit code $RC, expected 2"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr should be exactly one line"
  grep -q '^attractor-cli: error: ' err.txt || fail "stderr should start with 'attractor-cli: error: '"
  if [ $# -gt 0 ]; then grep -qF -- "$1" err.txt || fail "stderr should mention '$1'"; fi
}
skip_without_mnist() {
  if [ "$RC" -eq 2 ] && grep -q 'MNIST not found' err.txt; then echo "SKIP: MNIST not installed"; exit 77; fi
}
flip_middle() {  # <file>: XOR the byte in the middle of the file with 0x20 (a damaged copy)
  "$PY" -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0x20; open(p, "wb").write(b)' "$1"
}
