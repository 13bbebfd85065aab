#!/usr/bin/env bash
# Usage: ei_case.sh <attractor-cli> <case> <workdir>. One end-to-end check of `attractor-cli ei`.
JSON_REQUIRED="protocol mode rate_E_hz cv_isi decode_error_rad t95_ms lag_rad persistent wall_s sim_ms outcome"
source "$(dirname "$0")/case_lib.sh" "$@"

case "$CASE" in
  ei_persistent)
    run ei --protocol persistent --duration 500 --sonata spikes.h5 --out run.h5; expect_ok
    json "j['protocol'] == 'persistent' and j['mode'] == 'coupled' and j['persistent'] is True and fin(j['rate_E_hz']) and j['rate_E_hz'] > 1 and j['decode_error_rad'] < 0.3 and abs(j['sim_ms'] - 500) < 1e-6"
    is_hdf5 spikes.h5; is_hdf5 run.h5 ;;
  ei_fastcann)
    run ei --protocol persistent --mode fastcann --duration 500; expect_ok
    json "j['mode'] == 'fastcann' and j['persistent'] is False" ;;
  ei_jump)
    run ei --protocol jump --NE 400 --duration 400; expect_ok
    json "fin(j['t95_ms']) and 0 < j['t95_ms'] < 200 and fin(j['t95_ms_cann']) and j['lag_rad'] is None and abs(j['t95_ratio'] - j['t95_ms_cann'] / j['t95_ms']) < 1e-6 and fin(j['rate_E_cann'])"
    # the jump size and the stimulus height are parameters: the stimulus ends at jumpSize
    run ei --protocol jump --NE 400 --duration 400 --set jumpSize=1.2 --set stimHeight=2 --csv j.csv; expect_ok
    json "fin(j['t95_ms']) and fin(j['t95_ratio'])"
    awk -F, 'END { exit !($2 > 1.1999 && $2 < 1.2001) }' j.csv || fail "the stimulus should end at 1.2 rad: $(tail -n 1 j.csv)" ;;
  ei_tracking)
    run ei --protocol tracking --NE 400 --duration 400 --seed 3; expect_ok
    json "fin(j['lag_rad']) and 0 < j['lag_rad'] < 1 and j['t95_ms'] is None and j['persistent'] is None" ;;
  ei_csv)
    run ei --protocol irregular --NE 200 --duration 300 --csv table.csv --spikes-csv spikes.csv; expect_ok
    json "fin(j['cv_isi']) and fin(j['count_correlation'])"
    [ "$(head -n 1 table.csv)" = "freq_hz,power" ] || fail "bad table header: $(head -n 1 table.csv)"
    [ "$(head -n 1 spikes.csv)" = "population,node_id,timestamp_ms" ] || fail "bad spikes header"
    [ "$(wc -l < spikes.csv)" -gt 10 ] || fail "too few spikes" ;;
  ei_session)
    run ei --protocol tracking --NE 200 --seed 5 --duration 100 --out first.h5; expect_ok
    run ei --session first.h5 --duration 100; expect_ok
    json "j['protocol'] == 'tracking' and j['NE'] == 200 and fin(j['lag_rad'])" ;;
  ei_lambda0)
    run ei --protocol lambda0 --csv l.csv; expect_ok
    json "fin(j['lambda0_measured_b0']) and abs(j['lambda0_measured_b0'] - j['lambda0_eq17_b0']) < 0.01 * j['lambda0_eq17_b0'] + 1e-3"
    [ "$(head -n 1 l.csv)" = "b,beta,lambda0_measured,lambda0_eq17,lambda0_projected,v_max,lag_rad" ] || fail "bad header" ;;
  ei_list)
    run ei --list-params; expect_ok
    grep -qE '^tauEs +ms +150 ' out.txt || fail "--list-params should list tauEs"
    grep -qE '^mode ' out.txt || fail "--list-params should list mode"
    run ei --list-protocols; expect_ok
    for p in irregular response persistent tracking fastcann size readout jump lag balance currents; do
      grep -q "^$p " out.txt || fail "--list-protocols should list $p"; done ;;
  ei_threads)
    # One thread, two threads and the automatic count: the same spikes, so the same summary.
    for t in 1 2 0; do
      run ei --protocol tracking --NE 400 --duration 300 --seed 2 --threads $t; expect_ok
      tail -n 1 out.txt | "$PY" -c "import json,sys; j=json.load(sys.stdin); print(j['rate_E_hz'], j['rate_Ip_hz'], j['rate_Id_hz'], j['cv_isi'], j['decode_error_rad'], j['lag_rad'])" > summary_$t.txt
    done
    cmp -s summary_1.txt summary_2.txt || fail "--threads 2 differs from --threads 1: $(cat summary_1.txt) vs $(cat summary_2.txt)"
    cmp -s summary_1.txt summary_0.txt || fail "--threads 0 differs from --threads 1"
    run ei --threads -1; expect_error "--threads" ;;
  ei_bad_mode) run ei --mode nosuch; expect_error "unknown mode 'nosuch'" ;;
  ei_bad_protocol) run ei --protocol nosuch; expect_error "unknown protocol 'nosuch'" ;;
  ei_bad_param) run ei --set p=2; expect_error "p must be in (0, 1]" ;;
  ei_bad_session)
    printf 'not a session\n' > notes.h5
    run ei --session notes.h5; expect_error "notes.h5" ;;
  *) fail "unknown case" ;;
esac
echo "PASS [$CASE]"
