#!/usr/bin/env bash
# Usage: torus_case.sh <attractor-cli> <case> <workdir>. End-to-end checks of `attractor-cli torus`
# and `attractor-cli hd2d`: exit codes, one-line errors, and the JSON summary's fields.
source "$(dirname "$0")/case_lib.sh" "$@"
COMMON="lab dims size mean_error max_error steps_per_s sim_ms steps halted"

# json <lab> <python expression on j>: the lab's required keys, its name, and the expression.
json_lab() {
  if [ "$1" = hd2d ]; then
    JSON_REQUIRED="$COMMON sheet_mean_error sheet_max_error rings_steps_per_s sheet_steps_per_s"
  else
    JSON_REQUIRED="$COMMON trajectory final_error est_x true_x"
  fi
  json "j['lab'] == '$1' and ($2)"
}

case "$CASE" in
  torus_random)
    run torus --dims 3 --size 24 --set a=0.6 --set k=3 --trajectory random --duration 60 --csv run.csv; expect_ok
    json_lab torus "j['dims'] == 3 and j['size'] == 24 and j['steps'] == 600 and fin(j['mean_error']) and j['mean_error'] < 0.5 and j['max_error'] >= j['mean_error'] and fin(j['steps_per_s'])"
    head -n 1 run.csv | grep -q "sin_x,cos_x,sin_y,cos_y,sin_z,cos_z" || fail "CSV lacks the decode components" ;;
  torus_helix)
    run torus --size 16 --set a=0.8 --set k=0.5 --trajectory helix --set radius=3 --duration 50; expect_ok
    json_lab torus "j['trajectory'] == 'helix' and fin(j['mean_error']) and j['mean_error'] < 0.5" ;;
  torus_2d)
    run torus --dims 2 --size 32 --trajectory random --duration 40; expect_ok
    json_lab torus "j['dims'] == 2 and j['est_z'] is None and fin(j['mean_error'])" ;;
  torus_session_continue)
    run torus --size 16 --set a=0.8 --set k=0.5 --duration 20 --out first.h5; expect_ok
    [ -f first.h5 ] || fail "first.h5 not written"
    run torus --session first.h5 --duration 10; expect_ok
    json_lab torus "j['steps'] == 300 and abs(j['sim_ms'] - 30) < 1e-9" ;;
  torus_list_params)
    run torus --list-params; expect_ok
    grep -q "spacing_x" out.txt || fail "spacing_x not listed"
    grep -q "momentum_ms" out.txt || fail "momentum_ms not listed" ;;
  torus_bad_k)
    run torus --size 16 --set a=0.8 --duration 1; expect_error "k_c" ;;
  torus_bad_trajectory)
    run torus --trajectory zigzag; expect_error "zigzag" ;;
  torus_bad_session)
    echo "not hdf5" > text.h5
    run torus --session text.h5; expect_error "text.h5" ;;
  torus_watchdog)
    run torus --size 16 --set a=0.8 --set k=0.5 --set dt=4.5 --trajectory static --duration 2000
    [ "$RC" -eq 3 ] || fail "exit code $RC, expected 3"
    json_lab torus "j['halted'] is True and 'message' in j" ;;
  hd2d_static)
    run hd2d --heading static --azimuth 1.0 --pitch -0.5 --duration 40; expect_ok
    json_lab hd2d "abs(j['rings_azimuth'] - 1.0) < 0.02 and abs(j['sheet_pitch'] + 0.5) < 0.02 and fin(j['rings_steps_per_s']) and fin(j['sheet_steps_per_s'])" ;;
  hd2d_random)
    run hd2d --heading random --duration 100 --csv hd.csv; expect_ok
    json_lab hd2d "fin(j['mean_error']) and j['mean_error'] < 0.1 and fin(j['sheet_mean_error']) and j['sheet_mean_error'] < 0.1"
    head -n 1 hd.csv | grep -q "rings_sin_az" || fail "CSV lacks the decode components" ;;
  hd2d_bad_set)
    run hd2d --set spacing_x=3; expect_error "spacing_x" ;;
  hd2d_session_continue)
    # 20 ms written to a session and 10 ms more from it end where one 30 ms run ends (a helix:
    # the random walk would restart its stream from the seed on loading).
    run hd2d --heading helix --size 32 --duration 30; expect_ok
    tail -n 1 out.txt > straight.json
    run hd2d --heading helix --size 32 --duration 20 --out first.h5; expect_ok
    [ -f first.h5 ] || fail "first.h5 not written"
    grep -q "wrote session first.h5" out.txt || fail "no 'wrote session' line"
    run hd2d --session first.h5 --duration 10; expect_ok
    grep -q "continuing session first.h5 at t = 20 ms" out.txt || fail "no 'continuing session' line"
    json_lab hd2d "j['steps'] == 300 and abs(j['sim_ms'] - 30) < 1e-9 and j['size'] == 32 and j['heading'] == 'helix'"
    "$PY" - <<'PYEOF' || fail "the continued run differs from the straight run"
import json
a = json.loads(open("straight.json").read()); b = json.loads(open("last.json").read())
keys = ["azimuth", "pitch", "rings_azimuth", "rings_pitch", "sheet_azimuth", "sheet_pitch"]
bad = [(k, a[k], b[k]) for k in keys if abs(a[k] - b[k]) > 1e-9]
if bad:
    raise SystemExit("differ: %s" % bad)
PYEOF
    ;;
  hd2d_session_override)
    run hd2d --heading static --azimuth 0.5 --duration 20 --out first.h5; expect_ok
    run hd2d --session first.h5 --heading static --pitch 1.0 --duration 30; expect_ok
    json_lab hd2d "abs(j['azimuth'] - 0.5) < 1e-9 and abs(j['pitch'] - 1.0) < 1e-9 and abs(j['rings_pitch'] - 1.0) < 0.02" ;;
  hd2d_session_without_hd2d)
    run torus --size 16 --set a=0.8 --set k=0.5 --duration 1 --out torus.h5; expect_ok
    run hd2d --session torus.h5; expect_error "/hd2d" ;;
  hd2d_bad_session)
    echo "not hdf5" > text.h5
    run hd2d --session text.h5; expect_error "text.h5" ;;
  hd2d_bad_out)
    run hd2d --duration 1 --out /nonexistent-dir/x.h5
    [ "$RC" -eq 1 ] || fail "exit code $RC, expected 1"
    grep -q "/nonexistent-dir/x.h5" err.txt || fail "stderr should name the file" ;;
  *) fail "unknown case" ;;
esac
exit 0
