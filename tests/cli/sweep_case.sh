#!/usr/bin/env bash
# Usage: sweep_case.sh <attractor-cli> <case> <workdir>. End-to-end checks of `attractor-cli sweep`
# (docs/sweeps.md) on small ring sweeps: 2 speeds x 3 seeds of a 50 ms moving-stimulus run.
# Exit 77 = skipped (mpirun absent, or attractor-cli built without MPI).
source "$(dirname "$0")/case_lib.sh" "$@"
expect_rc() { [ "$RC" -eq "$1" ] || fail "exit code $RC, expected $1"; }

same_results() {
  "$PY" - "$1" "$2" <<'PYEOF' || fail "merged results differ: $1 vs $2"
import csv, sys
skip = {"wall_s", "steps_per_s", "log"}
def rows(p):
    return [{k: v for k, v in r.items() if k not in skip} for r in csv.DictReader(open(p))]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a != b or len(a) == 0:
    sys.exit("%d vs %d rows; first difference: %s" % (len(a), len(b), next(((x, y) for x, y in zip(a, b) if x != y), None)))
PYEOF
}
spec() {  # <file> <label> [extra params JSON]: the small ring sweep
  cat > "$1" <<JSON
{
  "label": "$2",
  "command": ["ring", "--protocol", "moving", "--duration", "50"],
  "params": [
    {"label": "v", "key": "v", "values": [0.01, 0.02]},
    {"label": "seed", "flag": "--seed", "values": {"start": 1, "stop": 3, "step": 1}}${3:-}
  ],
  "output": "$2"
}
JSON
}
mpirun_cmd() {
  command -v mpirun >/dev/null || { echo "SKIP: mpirun not installed (Debian openmpi-bin)"; exit 77; }
  local root=""; [ "$(id -u)" -eq 0 ] && root="--allow-run-as-root"
  echo "mpirun $root --oversubscribe -np $1"
}

case "$CASE" in
  sweep_plan)
    spec s.json lag
    run sweep plan s.json; expect_rc 0
    [ "$(grep -c 'attractor-cli ring --protocol moving --duration 50 --set v=' out.txt)" -eq 6 ] || fail "plan should list 6 jobs"
    grep -q '^    5  v=0.02, seed=3 ' out.txt || fail "the last job should be v=0.02, seed=3 (last parameter fastest)"
    json "j['jobs'] == 6 and j['finished'] == 0 and j['spec_hash'].startswith('fnv1a64:')"
    [ ! -e lag ] || fail "plan must not create the folder" ;;
  sweep_bad_key)
    spec s.json lag; sed -i 's/"key": "v"/"key": "speed"/' s.json
    run sweep run s.json; expect_error "job 0 (v=0.01, seed=1): parameter 'v' (--set speed=0.01): unknown parameter 'speed'"
    grep -qF "nothing was run" err.txt || fail "should say nothing was run"
    [ ! -e lag ] || fail "a refused sweep must not run anything" ;;
  sweep_bad_value)
    spec s.json kc; sed -i 's/"label": "v", "key": "v", "values": \[0.01, 0.02\]/"label": "k", "key": "k", "values": [8.1, 200]/' s.json
    run sweep plan s.json; expect_error "job 3 (k=200, seed=1): parameter 'k' (--set k=200): invalid parameter: k must be in (0, k_c)" ;;
  sweep_bad_json)
    printf '{\n  "label": "x",\n  "command": ["ring"]\n  "params": []\n}\n' > s.json
    run sweep plan s.json; expect_error "s.json:4:"
    printf '{\n  "label": "x",\n  "command": ["ring"],\n  "params": [\n    {"label": "v", "key": "v", "values": "fast"}\n  ]\n}\n' > t.json
    run sweep plan t.json; expect_error "t.json:5: params[0].values: must be a list of values or a range" ;;
  sweep_local)
    # Serial, then 2 at a time in another folder: the same numbers. A rerun runs nothing.
    spec s.json lag
    run sweep run s.json --quiet; expect_rc 0; json "j['ran'] == 6 and j['failed'] == 0"
    for i in 0 1 2 3 4 5; do for e in h5 json log; do [ -s "lag/lag_$i.$e" ] || fail "lag/lag_$i.$e missing"; done; done
    [ -z "$(ls -A lag/.work)" ] || fail "work files left: $(ls -A lag/.work)"
    run sweep merge s.json --group-by v; expect_rc 0; json "j['ok'] == 6 and j['missing'] == 0"
    head -n 1 lag/lag_merged.csv | grep -q '^index,v,seed,status,exit_code,wall_s,log,lab,protocol,decoded_rad,' \
      && fail "strings must not be columns"
    head -n 1 lag/lag_merged.csv | grep -q '^index,v,seed,status,exit_code,wall_s,log,decoded_rad,u_max,' \
      || fail "bad merged header: $(head -n 1 lag/lag_merged.csv)"
    [ "$(wc -l < lag/lag_grouped.csv)" -eq 3 ] || fail "two groups expected"
    "$PY" - <<'PYEOF' || fail "the lag grows with the speed, and each group has 3 seeds"
import csv
g = list(csv.DictReader(open("lag/lag_grouped.csv")))
assert [r["v"] for r in g] == ["0.01", "0.02"] and all(r["lag_rad_n"] == "3" for r in g)
assert 0 < float(g[0]["lag_rad_mean"]) < float(g[1]["lag_rad_mean"])
PYEOF
    run sweep run s.json --output par --jobs 2 --quiet; expect_rc 0
    run sweep merge s.json --output par; expect_rc 0
    same_results lag/lag_merged.csv par/lag_merged.csv
    run sweep run s.json --quiet; expect_rc 0; json "j['ran'] == 0 and j['skipped'] == 6"
    # Two runs of one folder at once: every job runs exactly once (a running job's lock is held).
    "$CLI" sweep run s.json --output twice --quiet >a.txt 2>&1 & pa=$!
    "$CLI" sweep run s.json --output twice --quiet >b.txt 2>&1 & pb=$!
    wait $pa; wait $pb
    "$PY" -c 'import json; a, b = (json.loads(open(f).read().splitlines()[-1]) for f in ("a.txt", "b.txt")); assert a["ran"] + b["ran"] == 6, (a, b)' \
      || fail "two concurrent runs must run each job once: $(tail -n 1 a.txt) $(tail -n 1 b.txt)"
    run sweep merge s.json --output twice; expect_rc 0
    same_results lag/lag_merged.csv twice/lag_merged.csv
    # The job file is a session: attractor-cli ring continues it.
    run ring --session lag/lag_5.h5 --duration 10; expect_rc 0; json "j['steps'] == 600" ;;
  sweep_mpi)
    MPI="$(mpirun_cmd 2)" || exit 77
    spec s.json lag
    run sweep run s.json --quiet; expect_rc 0
    run sweep merge s.json; expect_rc 0
    $MPI "$CLI" sweep run s.json --mpi --output mpi >out.txt 2>err.txt; RC=$?
    if grep -q "built without MPI" err.txt; then echo "SKIP: attractor-cli was built without MPI"; exit 77; fi
    expect_rc 0; json "j['ranks'] == 2 and j['ran'] == 6 and j['threads'] >= 1"
    grep -q '^rank 1: ' out.txt || fail "rank 1 should have run jobs"
    run sweep merge s.json --output mpi; expect_rc 0
    same_results lag/lag_merged.csv mpi/lag_merged.csv
    [ -z "$(ls -A mpi/.claims)" ] || fail "claims left behind" ;;
  sweep_failed_job)
    # dt = 5 ms passes the checks but the watchdog halts the run (exit 3): the job fails, the
    # merge lists it with its log and exits 1 unless --allow-partial.
    spec s.json bad; sed -i 's/"label": "v", "key": "v", "values": \[0.01, 0.02\]/"label": "dt", "key": "dt", "values": [0.1, 5]/' s.json
    run sweep run s.json --quiet; expect_rc 1; json "j['ran'] == 6 and j['failed'] == 3"
    grep -q "3 jobs failed" err.txt || fail "should say 3 jobs failed"
    run sweep merge s.json; expect_rc 1
    grep -qF "bad_3 (dt=5, seed=1): failed with exit code 3, log bad/bad_3.log" out.txt || fail "failed job not listed with its log"
    grep -q "watchdog" bad/bad_3.log || fail "the log should hold the job's stderr"
    grep -q '^3,5,1,failed,3,' bad/bad_merged.csv || fail "the CSV row should say failed"
    run sweep merge s.json --allow-partial; expect_rc 0; json "j['ok'] == 3 and j['failed'] == 3"
    # Failed jobs are run again by a rerun (and fail again); finished ones are skipped.
    run sweep run s.json --quiet; expect_rc 1; json "j['ran'] == 3 and j['skipped'] == 3" ;;
  sweep_resume)
    # A sweep killed at a random point (the whole process group, as a node crash) and rerun gives
    # the merged table of an uninterrupted run; a SIGTERM'd one records its stopped jobs as failed.
    cat > s.json <<JSON
{"label": "res", "command": ["ring", "--protocol", "moving", "--duration", "400"],
 "params": [{"label": "v", "key": "v", "values": [0.01, 0.02, 0.03, 0.04]}, {"label": "seed", "flag": "--seed", "values": [1, 2]}]}
JSON
    run sweep run s.json --output whole --quiet; expect_rc 0
    run sweep merge s.json --output whole; expect_rc 0
    setsid "$CLI" sweep run s.json --quiet >killed.txt 2>&1 &
    pid=$!
    for _ in $(seq 1 500); do [ "$(ls res/*.h5 2>/dev/null | wc -l)" -ge 2 ] && break; sleep 0.01; done
    kill -KILL -- -"$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    n=$(ls res/*.h5 2>/dev/null | wc -l); echo "killed after $n of 8 jobs"
    run sweep run s.json --quiet; expect_rc 0; json "j['ran'] == 8 - $n and j['skipped'] == $n"
    run sweep merge s.json; expect_rc 0
    same_results whole/res_merged.csv res/res_merged.csv
    rm -rf res; setsid "$CLI" sweep run s.json --quiet >term.txt 2>&1 &
    pid=$!
    for _ in $(seq 1 500); do [ "$(ls res/*.h5 2>/dev/null | wc -l)" -ge 2 ] && break; sleep 0.01; done
    kill -TERM "$pid"; wait "$pid"; rc=$?
    n=$(ls res/*.h5 2>/dev/null | wc -l)
    if [ "$n" -lt 8 ] || [ "$rc" -ne 0 ]; then [ "$rc" -eq 130 ] || fail "SIGTERM: exit $rc, expected 130"; fi
    run sweep run s.json --quiet; expect_rc 0
    run sweep merge s.json; expect_rc 0
    same_results whole/res_merged.csv res/res_merged.csv ;;
  sweep_other_spec)
    spec s.json lag
    run sweep run s.json --quiet; expect_rc 0
    spec t.json lag; sed -i 's/0.02\]/0.03]/' t.json
    run sweep run t.json; expect_error "the folder 'lag' holds another sweep ('lag', spec hash fnv1a64:" ;;
  sweep_slurm_script)
    spec s.json lag
    run sweep slurm s.json --jobs-per-task 2 --max-parallel 2 --partition debug --account lab42 --time 00:10:00 --group-by v
    expect_rc 0; json "j['tasks'] == 3 and j['jobs'] == 6"
    a=lag/lag_array.sbatch; m=lag/lag_merge.sbatch
    grep -qx '#SBATCH --array=0-2%2' $a || fail "array line: $(grep array $a)"
    grep -qx '#SBATCH --partition=debug' $a && grep -qx '#SBATCH --account=lab42' $a && grep -qx '#SBATCH --time=00:10:00' $a \
      || fail "sbatch options missing"
    grep -q -- "sweep run '.*/s.json' --output '.*/lag' --task \"\$SLURM_ARRAY_TASK_ID\" --jobs-per-task 2" $a || fail "array command: $(tail -n 1 $a)"
    grep -q -- "sweep merge '.*/s.json' --output '.*/lag' '--group-by' 'v'" $m || fail "merge command: $(tail -n 1 $m)"
    # An array task runs its chunk: task 2 = jobs 4 and 5.
    SLURM_ARRAY_TASK_ID=2 bash -c "$(grep -v '^#' $a | sed 's/^exec //')" >out.txt 2>err.txt; RC=$?
    expect_rc 0; json "j['jobs'] == 2 and j['ran'] == 2"
    [ -f lag/lag_4.h5 ] && [ -f lag/lag_5.h5 ] && [ ! -f lag/lag_3.h5 ] || fail "task 2 should run jobs 4 and 5 only"
    run sweep run s.json --task 3 --jobs-per-task 2; expect_error "--task 3: the sweep has 6 jobs, 2 per task" ;;
  sweep_recipes)
    # Every shipped recipe is a valid spec whose jobs all pass the checks (the SDE one needs MNIST).
    for r in "$REPO"/resources/sweeps/*.json; do
      run sweep plan "$r"
      if [ "$RC" -ne 0 ] && grep -q "MNIST" err.txt; then echo "$(basename "$r"): needs MNIST, skipped"; continue; fi
      expect_rc 0; json "j['jobs'] >= 2"
      echo "$(basename "$r"): $(tail -n 1 out.txt)"
    done ;;
  *) fail "unknown case" ;;
esac
echo "PASS [$CASE]"
