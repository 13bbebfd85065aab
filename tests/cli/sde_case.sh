#!/usr/bin/env bash
# Usage: sde_case.sh <attractor-cli> <case> <workdir>. End-to-end checks of `attractor-cli sde`:
# exit codes, one-line errors and the JSON summary. The MNIST cases exit 77 (skipped) when MNIST
# is not installed (scripts/fetch-mnist.sh).
source "$(dirname "$0")/case_lib.sh" "$@"

tiny_model() {  # a 12-node, 3-attractor untrained model in tiny.h5
  run sde plant --classes 3 --n 12 --out tiny.h5; expect_ok
  [ -f tiny.h5 ] || fail "tiny.h5 not written"
}
# Small, fast training: 3 digits, 48 images, 10 Euler steps, 3 iterations.
small_train() {
  run sde train --out model.h5 --digits 0,1,2 --train-count 48 --val-count 24 --iterations 3 --batch 16 \
      --set steps=10 --set average_steps=5 --quiet "$@"
  skip_without_mnist; expect_ok
  [ -f model.h5 ] || fail "model.h5 not written"
}

case "$CASE" in
  sde_plant)
    run sde plant --classes 3 --n 9 --pattern blocks --count-fixed-points; expect_ok
    json "j['action'] == 'plant' and j['n'] == 9 and j['classes'] == 3 and j['pattern'] == 'blocks' and abs(j['a_plus'] - 0.8535533906) < 1e-9 and abs(j['a_minus'] - 0.1464466094) < 1e-9 and j['max_residual'] < 1e-12 and j['eq8_stable'] and j['eq8_eigenvalue'] < 0 and abs(j['eq27_eigenvalue'] - math.sqrt(0.5)) < 1e-9 and j['fixed_points'] == 27 and j['stable_fixed_points'] == 8" ;;
  sde_plant_minus)
    run sde plant --classes 2 --n 6 --pattern blocks-minus --count-fixed-points --out m.h5; expect_ok
    [ -f m.h5 ] || fail "m.h5 not written"
    json "j['pattern'] == 'blocks-minus' and j['fixed_points'] == 9 and j['stable_fixed_points'] == 4 and j['file'] == 'm.h5'" ;;
  sde_spectrum)
    tiny_model
    run sde spectrum --model tiny.h5 --csv spec.csv; expect_ok
    json "j['action'] == 'spectrum' and j['attractors'] == 3 and j['stable'] and abs(j['max_real_part'] + math.sqrt(0.5)) < 1e-6 and abs(j['min_real_part'] + 1) < 1e-6"
    [ "$(wc -l < spec.csv)" -eq 37 ] || fail "spec.csv should have a header and 3 x 12 rows"
    run sde spectrum --model tiny.h5 --attractor 1 --count-fixed-points; expect_ok
    json "j['attractors'] == 1 and j['fixed_points'] == 27 and j['stable_fixed_points'] == 8" ;;
  sde_lyapunov)
    tiny_model
    run sde lyapunov --model tiny.h5 --eps 0.02 --samples 100 --csv delta.csv; expect_ok
    json "j['action'] == 'lyapunov' and j['eps'] == 0.02 and j['noise'] == 'identity' and j['unsolved'] == 0 and j['max_residual'] < 1e-10 and not j['mahalanobis_unit_eps'] and j['mahalanobis_min'] > 1000 and fin(j['empirical_rel_diff']) and j['empirical_rel_diff'] < 0.3 and j['empirical_rel_diff_euler'] < 0.3 and 0.005 < j['euler_bias'] < 0.07 and j['empirical_samples'] == 6400"
    [ "$(wc -l < delta.csv)" -eq 4 ] || fail "delta.csv should have a header and 3 rows"
    run sde lyapunov --model tiny.h5; expect_ok
    json "j['eps'] == 0 and j['mahalanobis_unit_eps'] and j['empirical_rel_diff'] is None and j['euler_bias'] is None"
    grep -q 'eps = 0' out.txt || fail "the eps = 0 fallback should be explained" ;;
  sde_train_eval)
    small_train --checkpoint ck.h5
    json "j['action'] == 'train' and j['outcome'] == 'finished' and j['iterations'] == 3 and fin(j['final_loss']) and fin(j['s_per_iter']) and fin(j['val_acc']) and fin(j['wall_s'])"
    [ -f ck.h5 ] || fail "checkpoint not written"
    grep -qa -- "sde train --out model.h5 --digits 0,1,2" model.h5 || fail "the model should record its command line"
    run sde eval --model model.h5 --test-count 30 --corruptions gauss08,canny --csv table.csv; expect_ok
    json "j['action'] == 'eval' and j['n_test'] == 30 and 0 <= j['clean_acc'] <= 1 and 0 <= j['gauss08_acc'] <= 1 and 0 <= j['canny_acc'] <= 1 and 'fog_acc' not in j"
    [ "$(wc -l < table.csv)" -eq 4 ] || fail "table.csv should have a header and 3 rows"
    run sde spectrum --model model.h5 --attractor 0; expect_ok
    json "j['n'] == 784 and fin(j['max_real_part'])" ;;
  sde_resume)
    small_train --checkpoint ck.h5
    run sde train --out model2.h5 --digits 0,1,2 --train-count 48 --val-count 24 --iterations 4 --batch 16 \
        --set steps=10 --set average_steps=5 --quiet --resume ck.h5; expect_ok
    json "j['iterations'] == 4 and j['outcome'] == 'finished'" ;;
  sde_cancel)
    start sde train --out model.h5 --digits 0,1,2 --train-count 48 --val-count 0 --iterations 100000 --batch 16 \
        --set steps=10 --set average_steps=5 --checkpoint ck.h5
    wait_for out.txt '^training on' 40
    sleep 1; interrupt; expect_kept_on_ctrl_c
    json "j['outcome'] == 'cancelled' and j['iterations'] < 100000" ;;
  sde_list_params)
    run sde --list-params; expect_ok
    grep -q '^classes' out.txt && grep -q '^batch' out.txt || fail "model and training parameters expected" ;;
  sde_bad_pattern)
    run sde plant --pattern stripes; expect_error "unknown pattern 'stripes'" ;;
  sde_bad_classes)
    run sde plant --classes 10 --n 5; expect_error "floor(n / classes)" ;;
  sde_bad_set)
    run sde plant --set nope=1; expect_error "unknown parameter 'nope'" ;;
  sde_bad_model_missing)
    run sde spectrum --model missing.h5; expect_error "missing.h5" ;;
  sde_bad_model_text)
    echo "not a model" > damaged.h5
    run sde lyapunov --model damaged.h5; expect_error "damaged.h5" ;;
  sde_bad_attractor)
    tiny_model
    run sde spectrum --model tiny.h5 --attractor 7; expect_error "--attractor" ;;
  sde_bad_mnist)
    run sde train --out m.h5 --mnist /nonexistent/mnist; expect_error "/nonexistent/mnist" ;;
  sde_damaged_model)
    # The shipped model with one byte of Atilde changed: eval is refused before any MNIST is read.
    cp "$REPO/resources/models/sde_eps0.h5" damaged.h5; flip_middle damaged.h5
    run sde eval --model damaged.h5 --test-count 10; expect_error "damaged.h5"
    grep -qF "dataset '/sde_model/atilde' failed its checksum (the file is damaged)" err.txt || fail "stderr should name the dataset" ;;
  sde_session_damaged)
    # A session the GUI wrote (tests/engine/data/sessions) with one byte of the input image changed.
    cp "$REPO/tests/engine/data/sessions/sde_session_v2.h5" damaged.h5; flip_middle damaged.h5
    run sde --session damaged.h5; expect_error "damaged.h5"
    grep -qF "dataset '/sde/input_image' failed its checksum (the file is damaged)" err.txt || fail "stderr should name the dataset" ;;
  sde_session_foreign)
    run ring --set N=64 --duration 1 --out ring.h5; expect_ok
    run sde --session ring.h5; expect_error "ring.h5"
    grep -qF "no SDE lab (group '/sde')" err.txt || fail "stderr should say the group is missing" ;;
  sde_session_small_model)
    # The GUI-written fixture runs a 24-node model: x(0) is a 784-pixel image, so it cannot run.
    run sde --session "$REPO/tests/engine/data/sessions/sde_session_v2.h5"; expect_error "sde_session_v2.h5"
    grep -qF "N = 24" err.txt || fail "stderr should give the model's N" ;;
  *) fail "unknown case" ;;
esac
echo "ok [$CASE]"
