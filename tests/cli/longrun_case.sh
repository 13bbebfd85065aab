#!/usr/bin/env bash
# Usage: longrun_case.sh <attractor-cli> <case> <workdir>. Long CLI runs cannot run away unseen:
# the step guard and --force, progress lines on stderr (none with --quiet), and Ctrl-C (SIGINT)
# stopping a run with its outputs written and exit code 130. No fixed waits beyond what a check
# needs: background runs are polled for their progress line before the signal is sent.
source "$(dirname "$0")/case_lib.sh" "$@"
expect_refused() {
  [ "$RC" -eq 2 ] || fail "exit code $RC, expected 2"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr should be exactly one line"
  grep -q '^attractor-cli: error: ' err.txt || fail "stderr should start with 'attractor-cli: error: '"
  grep -qF -- "$1" err.txt || fail "stderr should give the step count '$1'"
  grep -qF -- "--force" err.txt || fail "stderr should name --force"
}
expect_cancelled() {
  [ "$RC" -eq 130 ] || fail "exit code $RC after SIGINT, expected 130"
  grep -q '^attractor-cli: interrupted' err.txt || fail "stderr should say the run was interrupted"
}
# py <python code>: runs a check with json and math imported; `j` is the last stdout line.
py() {
  tail -n 1 out.txt > last.json
  "$PY" -c "import json, math, csv; j = json.load(open('last.json')); $1" || fail "check failed: $1"
}

case "$CASE" in
  longrun_refuse)
    run ring --set dt=1e-9 --duration 10
    expect_refused "--duration 10 ms at dt = 1e-09 ms is 10000000000 steps (1e+10)"
    run torus --set dt=1e-6 --duration 1000
    expect_refused "1000000000 steps"
    run hd2d --set dt=1e-6 --duration 1000
    expect_refused "1000000000 steps"
    run ei --set dt=0.001 --duration 1000000
    expect_refused "1000000000 steps"
    run surrogate dataset --dataset d.h5 --sequences 1000 --steps 100000
    expect_refused "steps ("
    [ ! -e d.h5 ] || fail "a refused dataset must not be written" ;;
  longrun_force)
    # --force passes the guard: the run starts (its protocol line), then Ctrl-C stops it.
    start ring --set dt=1e-9 --duration 10 --force --quiet --out forced.h5
    wait_for out.txt '^protocol moving for 10 ms \(10000000000 steps\)' 20
    interrupt; expect_cancelled
    [ -f forced.h5 ] || fail "the session should be written on Ctrl-C"
    py "assert j['sim_ms'] < 10 and j['run_steps'] < 10000000000, j" ;;
  longrun_progress_cancel)
    # A ring run of 1e6 ms (1e7 steps, minutes): progress lines with the time left, then Ctrl-C.
    start ring --set N=256 --duration 1000000 --out cut.h5 --csv cut.csv
    wait_for err.txt '^ring: [0-9]+% \([0-9]+/1000000 ms simulated\), .* left$' 20
    interrupt; expect_cancelled
    grep -q '^attractor-cli: cancelled at t = ' err.txt || fail "stderr should give the time reached"
    [ -f cut.h5 ] && [ -f cut.csv ] || fail "the session and the CSV should be written on Ctrl-C"
    tail -n 1 out.txt > cancelled.json
    # The session loads and holds the state reached: its t is the cancelled run's, below 1e6 ms.
    run ring --session cut.h5 --duration 0; [ "$RC" -eq 0 ] || fail "the session written on Ctrl-C does not load (exit $RC)"
    py "c = json.load(open('cancelled.json')); assert 0 < c['sim_ms'] < 1000000 and abs(j['sim_ms'] - c['sim_ms']) < 1e-9 and j['steps'] == c['steps'], (c, j)"
    py "c = json.load(open('cancelled.json')); rows = list(csv.reader(open('cut.csv'))); assert rows[0][0] == 't' and len(rows) > 2 and abs(float(rows[-1][0]) - c['sim_ms']) <= 0.1 + 1e-9, (rows[-1], c['sim_ms'])" ;;
  longrun_quiet)
    # --quiet: no progress line even after the 2 s a line needs (the one fixed wait: 3 s).
    start ring --set N=256 --duration 1000000 --quiet
    wait_for out.txt '^protocol ' 20
    sleep 3
    interrupt; expect_cancelled
    if grep -q ' left$' err.txt; then fail "--quiet should print no progress line"; fi ;;
  longrun_ei_cancel)
    start ei --protocol persistent --duration 2000000 --NE 400 --out ei.h5 --csv table.csv --sonata spikes.h5
    wait_for err.txt '^ei persistent: [0-9]+%, .* left$' 30
    interrupt; expect_cancelled
    [ -f ei.h5 ] && [ -f table.csv ] && [ -f spikes.h5 ] || fail "session, table and spikes should be written on Ctrl-C"
    py "assert j['outcome'] == 'cancelled' and 0 < j['sim_ms'] < 2000000, j" ;;
  longrun_dataset_cancel)
    start surrogate dataset --dataset part.h5 --sequences 10000 --steps 200
    wait_for err.txt '^surrogate dataset: [0-9]+% \([0-9]+/10000 sequences\), .* left$' 30
    interrupt; expect_cancelled
    [ -f part.h5 ] || fail "the sequences finished should be written on Ctrl-C"
    py "assert j['cancelled'] is True and 2 <= j['sequences'] < 10000, j"
    # The partial dataset is a valid dataset: training reads it.
    run surrogate train --dataset part.h5 --model m.h5 --set max_epochs=1 --quiet
    [ "$RC" -eq 0 ] || fail "surrogate train on the partial dataset: exit $RC" ;;
  *) fail "unknown case" ;;
esac
exit 0
