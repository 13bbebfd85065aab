#!/usr/bin/env bash
# Usage: cli_case.sh <attractor-cli> <case> <workdir>. One end-to-end check of attractor-cli per case.
JSON_REQUIRED="protocol decoded_rad u_max r_max k_c U0_analytic r0_analytic lag_rad t95_ms bump_width_rad sim_ms steps steps_per_s halted"
source "$(dirname "$0")/case_lib.sh" "$@"

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
