#!/usr/bin/env bash
# Usage: generator_case.sh <attractor-cli> <case> <workdir>. End-to-end checks of
# `attractor-cli generator`: exit codes, one-line errors, the JSON summary, and the HDF5 and PNG
# outputs. The MNIST cases exit 77 (skipped) when MNIST is not installed (scripts/fetch-mnist.sh).
source "$(dirname "$0")/case_lib.sh" "$@"

# A small, fast model: 300 images of 0-2, d = 6, 32 hidden units, 10 Euler steps, 20 iterations.
small_train() {
  run generator train --out model.h5 --digits 0,1,2 --train-count 300 --test-count 100 --iterations 20 --batch 32 \
      --set latent_dim=6 --set hidden=32 --set steps=10 --quiet "$@"
  skip_without_mnist; expect_ok
  [ -f model.h5 ] || fail "model.h5 not written"
}
is_png() {  # <file> <width> <height>: the PNG signature and the IHDR size
  "$PY" - "$@" <<'PYEOF' || fail "$1 is not the expected PNG"
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n", "signature"
n, t = struct.unpack(">I4s", b[8:16]); assert t == b"IHDR"
w, h = struct.unpack(">II", b[16:24]); assert (w, h) == (int(sys.argv[2]), int(sys.argv[3])), (w, h)
assert zlib.crc32(b[12:16 + n]) == struct.unpack(">I", b[16 + n:20 + n])[0], "IHDR crc"
PYEOF
}

case "$CASE" in
  generator_train_sample)
    small_train
    json "j['action'] == 'train' and j['model'] == 'model.h5' and j['outcome'] == 'finished' and j['iterations'] == 20 and fin(j['final_loss']) and fin(j['loss_conv']) and fin(j['loss_rec']) and fin(j['loss_centroid']) and j['s_per_iter'] > 0 and j['wall_s'] > 0 and j['n_train'] == 300 and j['n_test'] == 100 and abs(j['final_loss'] - j['loss_conv'] - j['loss_rec'] - j['loss_centroid']) < 1e-9"
    run generator sample --model model.h5 --count 5 --seed 3 --out s.h5 --png s.png --scale 1; expect_ok
    json "j['action'] == 'sample' and j['model'] == 'model.h5' and j['count'] == 15 and j['per_class'] == 5 and j['file'] == 's.h5' and j['png'] == 's.png'"
    is_png s.png $((5 * 28 + 6 * 2)) $((3 * 28 + 4 * 2))
    cp s.png s1.png
    run generator sample --model model.h5 --count 5 --seed 3 --png s.png --scale 1; expect_ok
    cmp -s s.png s1.png || fail "the same seed should give the same images"
    run generator sample --model model.h5 --count 5 --seed 4 --png s.png --scale 1; expect_ok
    cmp -s s.png s1.png && fail "another seed should give other images"
    [ -s s.h5 ] || fail "s.h5 not written"
    run generator sample --model model.h5 --count 4 --nearest --nearest-png nn.png --scale 1; expect_ok
    json "fin(j['nearest_pixel_mean']) and 0 <= j['nearest_pixel_min'] <= j['nearest_pixel_mean']"
    is_png nn.png $((4 * 28 + 5 * 2)) $((3 * 28 + 4 * 2))
    run generator sample --model model.h5 --nearest-png nn.png; expect_error "--nearest-png needs --nearest" ;;
  generator_dynamical)
    # Section VI.2: the small model's encoder and decoder, frozen, with a second CVFR before the
    # decoder; it trains, samples, and the file keeps the second CVFR (read with Debian's h5py).
    small_train
    run generator train --pretrained model.h5 --out dyn.h5 --digits 0,1,2 --train-count 300 --test-count 100 \
        --iterations 20 --batch 32 --set latent_dim=6 --set hidden=32 --set steps=10 --quiet; expect_ok
    json "j['action'] == 'train' and j['second_cvfr'] is True and j['outcome'] == 'finished' and fin(j['loss_rec'])"
    run generator sample --model dyn.h5 --count 3 --png d.png --scale 1; expect_ok
    is_png d.png $((3 * 28 + 4 * 2)) $((3 * 28 + 4 * 2))
    /usr/bin/python3 - <<'PYEOF' || fail "dyn.h5 should hold /generator/second_cvfr with r = 0 and a 6 x 6 A2"
import h5py
g = h5py.File("dyn.h5", "r")["generator/second_cvfr"]
assert g.attrs["r"] == 0 and g["A2"].shape == (6, 6)
PYEOF
    run generator train --pretrained model.h5 --out bad.h5 --digits 0,1 --train-count 300 --iterations 2 \
        --set latent_dim=6 --set hidden=32 --set steps=10 --quiet
    expect_error "--pretrained model.h5: its digits, latent_dim, hidden or decoder_inputs differ"
    run generator train --pretrained nothere.h5 --out bad.h5 --iterations 2 --quiet
    expect_error "--pretrained" ;;
  generator_interpolate)
    small_train
    run generator interpolate --model model.h5 --from 0 --to 2 --steps 7 --png i.png --scale 1; expect_ok
    json "j['action'] == 'interpolate' and j['steps'] == 7 and j['from'] == 0 and j['to'] == 2 and j['png'] == 'i.png'"
    is_png i.png $((7 * 28 + 8 * 2)) $((28 + 2 * 2))
    run generator interpolate --model model.h5 --from 1 --axis 0 --steps 5 --out t.h5; expect_ok
    json "j['axis'] == 0 and j['file'] == 't.h5'"
    run generator interpolate --model model.h5 --images 3,2 --steps 4; expect_ok
    json "j['images'] == '3,2' and j['steps'] == 4 and 'from' not in j"
    run generator interpolate --model model.h5 --images 3; expect_error "--images must be two test-image indices" ;;
  generator_langevin)
    small_train
    run generator langevin --model model.h5 --from 2 --steps 60 --every 10 --chains 2 --out l.h5 --png l.png --scale 1; expect_ok
    json "j['action'] == 'langevin' and j['model'] == 'model.h5' and j['class'] == 2 and j['steps'] == 60 and j['file'] == 'l.h5' and fin(j['lyapunov_residual']) and 0 <= j['clipped_fraction'] <= 1 and (j['lyapunov_residual'] < 1e-6 or not j['positive_definite']) and j['target_scale'] == 1 and j['burn_in_steps'] > 0 and j['chain_cov_rel_error'] is None and j['chain_cov_norm_ratio'] is None"
    is_png l.png $((7 * 28 + 8 * 2)) $((2 * 28 + 3 * 2))
    # A long chain at a small target scale: its covariance after the burn-in is reported.
    run generator langevin --model model.h5 --from 1 --steps 20000 --every 20 --chains 2 --target-scale 0.05; expect_ok
    json "j['target_scale'] == 0.05 and fin(j['chain_cov_rel_error']) and j['chain_cov_norm_ratio'] > 0"
    run generator langevin --model model.h5 --from 1 --target-scale 0; expect_error "--target-scale must be in (0, 1000]"
    run generator langevin --model model.h5 --from 7; expect_error "the model has no digit 7" ;;
  generator_resume)
    small_train --checkpoint ck.h5
    run generator train --out model2.h5 --digits 0,1,2 --train-count 300 --test-count 100 --iterations 30 --batch 32 \
        --set latent_dim=6 --set hidden=32 --set steps=10 --quiet --resume ck.h5; expect_ok
    json "j['iterations'] == 30 and j['outcome'] == 'finished'" ;;
  generator_cancel)
    start generator train --out model.h5 --train-count 300 --iterations 1000000 --batch 32 \
        --set latent_dim=6 --set hidden=32 --set steps=10 --checkpoint ck.h5
    wait_for out.txt '^training on' 40
    sleep 0.5; interrupt; expect_kept_on_ctrl_c
    json "j['outcome'] == 'cancelled' and j['iterations'] > 0" ;;
  generator_classifier_fid)
    run generator classifier --out cls.h5 --train-count 3000 --epochs 3 --set hidden1=64 --set hidden2=32 --quiet
    skip_without_mnist; expect_ok
    json "j['action'] == 'classifier' and j['model'] == 'cls.h5' and 0.85 < j['test_acc'] <= 1 and j['features'] == 32"
    small_train
    run generator fid --model model.h5 --classifier cls.h5 --seed 2; expect_ok
    json "j['action'] == 'fid' and j['model'] == 'model.h5' and fin(j['fd']) and j['fd'] > 0 and fin(j['fd_floor']) and 0 < j['fd_floor'] < j['fd'] and 0 <= j['class_agreement'] <= 1 and j['n_generated'] == j['n_reference'] == 3147 and j['eps'] == 0.05 and fin(j['fd_reconstruction']) and j['fd_reconstruction'] > j['fd_floor']"
    run generator fid --model model.h5 --classifier model.h5; expect_error "no /feature_classifier group" ;;
  generator_list_params)
    run generator --list-params; expect_ok
    for k in latent_dim hidden decoder_inputs eps dt steps w_conv w_rec w_centroid batch hidden1 hidden2; do
      grep -q "^$k " out.txt || fail "parameter $k expected"
    done ;;
  generator_bad_set)
    run generator train --out m.h5 --set nope=1; expect_error "unknown parameter 'nope'" ;;
  generator_bad_latent_n)
    run generator train --out m.h5 --set n=30; expect_error "set by latent_dim" ;;
  generator_bad_weight)
    run generator train --out m.h5 --set w_rec=-1; expect_error "w_rec must be in [0, 1e6]" ;;
  generator_bad_model_foreign)
    run sde plant --classes 3 --n 12 --out sde.h5; expect_ok
    run generator sample --model sde.h5; expect_error "no /generator group" ;;
  generator_bad_model_missing)
    run generator sample --model nothere.h5; expect_error "nothere.h5" ;;
  generator_damaged_model)
    small_train
    flip_middle model.h5
    run generator sample --model model.h5 --count 2; expect_error "model.h5" ;;
  generator_session_refused)
    # --session: a missing file, a file without the Generator lab, and --model beside it.
    run generator --session nothere.h5; expect_error "nothere.h5"
    run sde plant --classes 3 --n 12 --out sde.h5; expect_ok
    run generator --session sde.h5; expect_error "sde.h5"
    run generator sample --session sde.h5 --model sde.h5; expect_error "exclude each other" ;;
  *) fail "unknown case" ;;
esac
echo "ok [$CASE]"
