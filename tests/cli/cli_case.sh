#!/usr/bin/env bash
# Usage: cli_case.sh <attractor-cli> <case> <workdir>. One end-to-end check of attractor-cli per case.
set -u
CLI="$1"; CASE="$2"; WORK="$3"
PY="${PYTHON3:-python3}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK" || exit 1

fail() { echo "FAIL [$CASE]: $*" >&2; echo "--- stdout"; cat out.txt 2>/dev/null; echo "--- stderr"; cat err.txt 2>/dev/null; exit 1; }

# run <args...>: runs the CLI, keeps stdout/stderr in out.txt/err.txt and the exit code in $RC.
run() { "$CLI" "$@" >out.txt 2>err.txt; RC=$?; }

# json <python expression on j>: the last stdout line must be a JSON object with the required
# keys, and the expression must hold.
json() {
  tail -n 1 out.txt > last.json
  "$PY" - "$1" <<'PYEOF' || fail "JSON check failed: $1"
import json, math, sys
expr = sys.argv[1]
j = json.load(open("last.json"))
required = ["protocol", "decoded_rad", "u_max", "r_max", "k_c", "U0_analytic", "r0_analytic", "lag_rad",
            "t95_ms", "bump_width_rad", "sim_ms", "steps", "steps_per_s", "halted"]
missing = [k for k in required if k not in j]
if missing:
    sys.exit("missing keys: %s" % missing)
fin = lambda v: v is not None and math.isfinite(v)
if not eval(expr, {"j": j, "fin": fin, "math": math}):
    sys.exit("does not hold: %s in %s" % (expr, j))
PYEOF
}

expect_ok() { [ "$RC" -eq 0 ] || fail "exit code $RC, expected 0"; }
# expect_error: exit 2, exactly one stderr line starting "attractor-cli: error: ", optional text in it.
expect_error() {
  [ "$RC" -eq 2 ] || fail "exit code $RC, expected 2"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr should be exactly one line"
  grep -q '^attractor-cli: error: ' err.txt || fail "stderr should start with 'attractor-cli: error: '"
  if [ $# -gt 0 ]; then grep -qF -- "$1" err.txt || fail "stderr should mention '$1'"; fi
}

flip_middle() {  # <file>: XOR the byte in the middle of the file with 0x20 (a damaged copy)
  "$PY" -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0x20; open(p, "wb").write(b)' "$1"
}

case "$CASE" in
  protocol_*)
    p="${CASE#protocol_}"
    run ring --protocol "$p" --duration 30 --set N=256; expect_ok
    json "j['protocol'] == '$p' and j['steps'] == 300 and j['halted'] is False and fin(j['steps_per_s'])" ;;
  moving_lag)
    run ring --protocol moving --set v=0.02 --duration 60; expect_ok
    json "fin(j['lag_rad']) and j['lag_rad'] > 0 and j['t95_ms'] is None" ;;
  jump_t95)
    run ring --protocol jump --set t_jump=10 --duration 40; expect_ok
    json "fin(j['t95_ms']) and 0 < j['t95_ms'] < 30 and j['lag_rad'] is None" ;;
  persistent_bump)
    run ring --protocol persistent --set t_off=10 --duration 50; expect_ok
    json "j['r_max'] > 0.5 * j['r0_analytic'] and fin(j['decoded_rad']) and abs(j['bump_width_rad'] - 0.5) < 0.05" ;;
  session_continue)
    run ring --protocol moving --duration 20 --out first.h5; expect_ok
    [ -f first.h5 ] || fail "first.h5 not written"
    json "j['steps'] == 200"
    run ring --session first.h5 --duration 10 --out second.h5; expect_ok
    json "j['steps'] == 300 and abs(j['sim_ms'] - 30) < 1e-9"
    run ring --session second.h5 --protocol static --set A=5 --duration 5; expect_ok
    json "j['steps'] == 350 and j['protocol'] == 'static'" ;;
  csv_export)
    run ring --duration 12.5 --csv traces.csv; expect_ok
    head -n 1 traces.csv | grep -q '^t,stimulus,stimulus_unwrapped,stimulus_on,decoded,decoded_unwrapped,confidence,height,u_max$' \
      || fail "bad CSV header: $(head -n 1 traces.csv)"
    [ "$(wc -l < traces.csv)" -eq 126 ] || fail "CSV should have 1 + 125 lines, has $(wc -l < traces.csv)" ;;
  list_params)
    run ring --list-params; expect_ok
    grep -qE '^k +- +8\.1 ' out.txt || fail "--list-params should list k with its default"
    grep -qE '^integrator +- +euler +euler\|rk4' out.txt || fail "--list-params should list integrator choices"
    grep -qE '^t_off +ms ' out.txt || fail "--list-params should list stimulus keys with units" ;;
  watchdog_halt)
    run ring --set dt=5 --duration 50 --out halted.h5; [ "$RC" -eq 3 ] || fail "exit code $RC, expected 3"
    [ -f halted.h5 ] || fail "outputs must still be written on a halt"
    grep -q 'watchdog' err.txt || fail "stderr should explain the halt"
    json "j['halted'] is True" ;;
  bad_unknown_option) run ring --nosuch-option; expect_error "nosuch-option" ;;
  bad_k_beyond_kc) run ring --set k=1e6; expect_error "k must be in (0, k_c) = (0, 130.03)" ;;
  bad_unknown_key) run ring --set nosuch=1; expect_error "unknown parameter 'nosuch'" ;;
  bad_protocol) run ring --protocol nosuch; expect_error "unknown protocol 'nosuch'" ;;
  bad_session_missing) run ring --session /nonexistent.h5; expect_error "/nonexistent.h5" ;;
  bad_session_text)
    printf 'not a session\n' > notes.h5
    run ring --session notes.h5; expect_error "not an HDF5 file" ;;
  bad_set_syntax) run ring --set k; expect_error "key=value" ;;
  damaged_session)
    # A saved session with one byte changed in the middle (a recorded trace): refused, naming the
    # file and what failed its checksum; nothing runs.
    run ring --duration 100 --out s.h5; expect_ok
    cp s.h5 damaged.h5; flip_middle damaged.h5
    run ring --session damaged.h5 --duration 10; expect_error "damaged.h5"
    grep -qF "failed its checksum (the file is damaged)" err.txt || fail "stderr should say a checksum failed"
    grep -qF "'/ring/" err.txt || fail "stderr should name the dataset" ;;
  *) fail "unknown case" ;;
esac
echo "PASS [$CASE]"
