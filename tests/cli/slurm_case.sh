#!/usr/bin/env bash
# Usage: slurm_case.sh <attractor-cli> <workdir>. `attractor-cli sweep slurm --submit` on a real
# one-node Slurm cluster that this script starts and stops itself (Debian's slurm-wlm and munge,
# as root, no systemd): a munge key and munged as the munge user; a minimal slurm.conf (this host
# as controller and as one node with CPUs=2, proctrack/linuxproc, task/none, select/cons_tres) on
# ports of its own; slurmctld and slurmd in the foreground. The sweep's job array and its merge job
# (afterok) are submitted and waited for; the merged table must equal a serial run's. The daemons
# are stopped by their process ids. Exit 77 (skipped) without the packages or without root.
set -u
CLI="$1"; WORK="$2"
PY="${PYTHON3:-python3}"
skip() { echo "SKIP: $*"; exit 77; }
for c in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$c" >/dev/null || PATH="$PATH:/usr/sbin" command -v "$c" >/dev/null || skip "$c not installed (Debian slurm-wlm and munge; scripts/install-deps.sh)"
done
PATH="$PATH:/usr/sbin"
[ "$(id -u)" -eq 0 ] || skip "a one-node Slurm needs root (slurmd)"
id munge >/dev/null 2>&1 || skip "no munge user (Debian munge)"

# slurmd (22.05) starts its cgroup plugin whatever the proctrack: without cgroups mounted it stops
# with "Unable to initialize cgroup plugin" and the node never comes up. Say so plainly.
mountpoint -q /sys/fs/cgroup || { echo "FAIL [slurm]: no cgroup filesystem at /sys/fs/cgroup; slurmd needs it (in a chroot, mount /sys with --rbind)" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK" || exit 1
W="$PWD"
# munged runs as the munge user, which must reach its folder: under /tmp, not the build tree (a
# clone under /root, mode 700, failed with "Permission denied" on munged.log).
M="$(mktemp -d /tmp/as-munge.XXXXXX)" || exit 1
PIDS=()
stop() {  # the daemons, by their process ids (munged's from its pid file: it forks itself)
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  if [ -f "$M/munged.pid" ]; then
    local m; m="$(cat "$M/munged.pid")"
    kill "$m" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$m" 2>/dev/null || break; sleep 0.05; done
  fi
  rm -rf "$M"
}
trap stop EXIT
fail() {
  echo "FAIL [slurm]: $*" >&2
  for f in out.txt err.txt slurmctld.log slurmd.log "$M/munged.log" lag/slurm-*.out; do
    [ -f "$f" ] && { echo "--- $f"; tail -n 25 "$f"; }
  done
  exit 1
}

# munge: a key, munged as the munge user with its socket here.
chmod 755 "$M"  # munged wants its socket folder searchable by all, writable by it only
dd if=/dev/urandom of="$M/munge.key" bs=1024 count=1 status=none
chmod 400 "$M/munge.key"
chown -R munge:munge "$M"
SOCK="$M/munge.socket"
runuser -u munge -- munged --key-file="$M/munge.key" --socket="$SOCK" --pid-file="$M/munged.pid" \
  --log-file="$M/munged.log" --seed-file="$M/munged.seed" || fail "munged did not start"
for _ in $(seq 1 100); do [ -S "$SOCK" ] && break; sleep 0.05; done
[ -S "$SOCK" ] || fail "munged made no socket"

# slurm.conf: this host, ports of our own (several test runs may share the machine).
HOST="$(hostname -s)"
PORT=$((20000 + RANDOM % 20000))
mkdir -p state spool
cat > slurm.conf <<CONF
ClusterName=astest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
AuthInfo=socket=$SOCK
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$W/state
SlurmdSpoolDir=$W/spool
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/slurmctld.log
SlurmdLogFile=$W/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
MpiDefault=none
ReturnToService=2
SwitchType=switch/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=300
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$W/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >slurmctld.out 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" -N "$HOST" >slurmd.out 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do
  sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)' && break; sleep 0.1
done
sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)' || fail "the node did not come up: $(sinfo -N 2>&1)"

cat > s.json <<JSON
{
  "label": "lag",
  "command": ["ring", "--protocol", "moving", "--duration", "50"],
  "params": [
    {"label": "v", "key": "v", "values": [0.01, 0.02]},
    {"label": "seed", "flag": "--seed", "values": {"start": 1, "stop": 3, "step": 1}}
  ],
  "output": "lag",
  "slurm": {"jobs_per_task": 2, "max_parallel": 2, "time": "00:05:00"}
}
JSON
"$CLI" sweep run s.json --output serial --quiet >out.txt 2>err.txt || fail "serial run failed"
"$CLI" sweep merge s.json --output serial >out.txt 2>err.txt || fail "serial merge failed"

"$CLI" sweep slurm s.json --submit --group-by v >out.txt 2>err.txt || fail "sweep slurm --submit failed"
ids=$("$PY" -c 'import json; j = json.loads(open("out.txt").read().splitlines()[-1]); print(j["array_job"], j["merge_job"], j["tasks"])') \
  || fail "no job ids in the JSON"
read -r ARRAY MERGE TASKS <<<"$ids"
[ "$TASKS" -eq 3 ] || fail "3 array tasks expected, got $TASKS"
grep -qx '#SBATCH --array=0-2%2' lag/lag_array.sbatch || fail "array line"
echo "submitted array $ARRAY and merge $MERGE"
for _ in $(seq 1 900); do
  [ -z "$(squeue -h -j "$ARRAY,$MERGE" 2>/dev/null)" ] && break; sleep 0.1
done
[ -z "$(squeue -h -j "$ARRAY,$MERGE" 2>/dev/null)" ] || fail "jobs still queued after 90 s: $(squeue 2>&1)"
state=$(scontrol show job "$MERGE" 2>/dev/null | grep -o 'JobState=[A-Z_]*')
[ "$state" = "JobState=COMPLETED" ] || fail "merge job: $state"
[ -f lag/lag_merged.csv ] && [ -f lag/lag_grouped.csv ] && [ -f lag/lag_merged.h5 ] || fail "the merge job wrote no merged files"
"$PY" - serial/lag_merged.csv lag/lag_merged.csv <<'PYEOF' || fail "Slurm's merged results differ from the serial run's"
import csv, sys
skip = {"wall_s", "steps_per_s", "log"}
rows = lambda p: [{k: v for k, v in r.items() if k not in skip} for r in csv.DictReader(open(p))]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
sys.exit(0 if a == b and len(a) == 6 else "differ: %s vs %s" % (a, b))
PYEOF

# A job that fails (dt = 5 ms: the watchdog halts it, exit 3) fails its array task, so the merge job
# (afterok, --kill-on-invalid-dep=yes) is cancelled rather than left waiting; a partial merge by hand
# lists the failed job with its log.
cat > bad.json <<JSON
{"label": "bad", "command": ["ring", "--duration", "50"],
 "params": [{"label": "dt", "key": "dt", "values": [0.1, 5]}], "output": "bad"}
JSON
"$CLI" sweep slurm bad.json --submit >out.txt 2>err.txt || fail "sweep slurm --submit (bad) failed"
read -r ARRAY2 MERGE2 <<<"$("$PY" -c 'import json; j = json.loads(open("out.txt").read().splitlines()[-1]); print(j["array_job"], j["merge_job"])')"
for _ in $(seq 1 900); do
  [ -z "$(squeue -h -j "$ARRAY2,$MERGE2" 2>/dev/null)" ] && break; sleep 0.1
done
state=$(scontrol show job "$MERGE2" 2>/dev/null | grep -o 'JobState=[A-Z_]*')
[ "$state" = "JobState=CANCELLED" ] || fail "the merge after a failed task should be cancelled, is $state"
[ ! -e bad/bad_merged.h5 ] || fail "no merge should have run"
"$CLI" sweep merge bad.json >out.txt 2>err.txt; rc=$?
[ "$rc" -eq 1 ] || fail "merge of a sweep with a failed job: exit $rc, expected 1"
grep -qF "bad_1 (dt=5): failed with exit code 3, log " out.txt || fail "the failed job should be listed with its log"
echo "PASS [slurm]: array $ARRAY (3 tasks) and merge $MERGE completed, merged table equals the serial run; after a failed task the merge $MERGE2 was cancelled"
