#!/usr/bin/env bash
# Usage: surrogate_case.sh <attractor-cli> <case> <workdir>. End-to-end checks of
# `attractor-cli surrogate` on small datasets (seconds each).
JSON_REQUIRED="case cell val_mse_rad2 val_mse_components ode_us_per_step surrogate_us_per_step speedup"
source "$(dirname "$0")/case_lib.sh" "$@"

small_dataset() {  # <case>
  run surrogate dataset --case "$1" --dataset data.h5 --sequences 5 --steps 60 --set N=128; expect_ok
  [ -f data.h5 ] || fail "data.h5 not written"
}
small_train() {  # <case> [extra --set ...]
  c="$1"; shift
  run surrogate train --case "$c" --dataset data.h5 --model model.h5 --set max_epochs=3 --set hidden=8 \
      --set features=8 --set head=8 --set bins=16 --set bptt=20 "$@"; expect_ok
  [ -f model.h5 ] || fail "model.h5 not written"
}

case "$CASE" in
  surrogate_dataset)
    small_dataset ring
    json "j['case'] == 'ring' and j['sequences'] == 5 and j['steps'] == 60 and j['ode_steps_per_input'] == 5 and j['speedup'] is None" ;;
  surrogate_train_eval)
    small_dataset ring
    small_train ring --set cell=lstm
    json "j['cell'] == 'lstm' and fin(j['val_mse_rad2']) and fin(j['val_mse_components']) and j['outcome'] == 'max_iterations'"
    trained=$(tail -n 1 out.txt)
    run surrogate eval --dataset data.h5 --model model.h5; expect_ok
    json "abs(j['val_mse_rad2'] - $("$PY" -c "import json,sys; print(json.loads(sys.argv[1])['val_mse_rad2'])" "$trained")) < 1e-9" ;;
  surrogate_bench)
    small_dataset ring
    small_train ring
    run surrogate bench --model model.h5 --bench-steps 60; expect_ok
    json "fin(j['ode_us_per_step']) and fin(j['surrogate_us_per_step']) and fin(j['speedup']) and fin(j['speedup_dense']) and j['N'] == 128" ;;
  surrogate_hd2d)
    small_dataset hd2d
    small_train hd2d
    json "j['case'] == 'hd2d' and fin(j['val_mse_rad2'])" ;;
  surrogate_checkpoint)
    small_dataset ring
    small_train ring --set cell=rnn
    run surrogate train --dataset data.h5 --model m2.h5 --checkpoint ck.h5 --set max_epochs=2 --set hidden=4 --set bins=8; expect_ok
    [ -f ck.h5 ] || fail "checkpoint not written"
    run surrogate eval --dataset data.h5 --model ck.h5; expect_ok ;;
  surrogate_grid3d)
    # The 3D torus teacher on 16^3 (a and k inside that lattice's ranges), 5 x 30 steps.
    run surrogate dataset --case grid3d --dataset data.h5 --sequences 5 --steps 30 --set n=16 \
        --set a=0.8 --set k=0.5; expect_ok
    json "j['case'] == 'grid3d' and j['sequences'] == 5 and j['ode_steps_per_input'] == 5"
    small_train grid3d
    json "j['case'] == 'grid3d' and fin(j['val_mse_rad2']) and fin(j['val_mse_components'])"
    run surrogate eval --dataset data.h5 --model model.h5; expect_ok
    json "j['case'] == 'grid3d' and fin(j['val_mse_components'])"
    run surrogate bench --model model.h5 --bench-steps 30; expect_ok
    json "j['case'] == 'grid3d' and j['n'] == 16 and fin(j['ode_us_per_step']) and fin(j['speedup']) and j['speedup_dense'] is None and j['convolution'] == 'auto' and fin(j['fft_ode_us_per_step']) and fin(j['speedup_fft'])" ;;
  surrogate_bad_grid3d)
    run surrogate dataset --case grid3d --dataset d.h5 --set dims=2; expect_error "3D torus" ;;
  surrogate_bad_model)
    small_dataset ring
    echo "not a model" > bad.h5
    run surrogate eval --dataset data.h5 --model bad.h5; expect_error "not an HDF5 file" ;;
  surrogate_bad_set)
    small_dataset ring
    run surrogate train --dataset data.h5 --model m.h5 --set hidden=0; expect_error "hidden" ;;
  surrogate_case_mismatch)
    small_dataset ring
    run surrogate train --case hd2d --dataset data.h5 --model m.h5; expect_error "case ring" ;;
  surrogate_damaged_model)
    # The shipped ring model with one byte changed in the middle (its weights): bench is refused.
    cp "$REPO/resources/models/ring_gru.h5" damaged.h5; flip_middle damaged.h5
    run surrogate bench --model damaged.h5 --bench-steps 100; expect_error "damaged.h5"
    grep -qF "failed its checksum (the file is damaged)" err.txt || fail "stderr should say a checksum failed"
    grep -qF "'/surrogate_model/ring/" err.txt || fail "stderr should name the dataset" ;;
  surrogate_session_damaged)
    # A session the GUI wrote (tests/engine/data/sessions): one byte changed, and a cut copy.
    cp "$REPO/tests/engine/data/sessions/surrogate_session_v2.h5" damaged.h5; flip_middle damaged.h5
    run surrogate --session damaged.h5; expect_error "damaged.h5"
    grep -qF "failed its checksum (the file is damaged)" err.txt || fail "stderr should say the file is damaged"
    head -c 400 "$REPO/tests/engine/data/sessions/surrogate_session_v2.h5" > cut.h5
    run surrogate --session cut.h5; expect_error "cut.h5" ;;
  surrogate_session_foreign)
    run ring --set N=64 --duration 1 --out ring.h5; expect_ok
    run surrogate --session ring.h5; expect_error "ring.h5"
    grep -qF "no Surrogate lab (group '/surrogate')" err.txt || fail "stderr should say the group is missing"
    run surrogate eval --session ring.h5; expect_error "--session takes no action" ;;
  *) fail "unknown case" ;;
esac
exit 0
