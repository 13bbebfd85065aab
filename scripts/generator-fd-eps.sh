#!/usr/bin/env bash
# The FD-vs-eps curve of the generator lab (seed 002 Fig. 11; docs/models/generator.md): for each
# noise strength eps and each seed, trains a digits-0-2 generator and measures the Frechet distance
# of its samples in the feature classifier's space. Writes one CSV row per run.
#
#   scripts/generator-fd-eps.sh CLI CLASSIFIER OUTDIR [EPOCHS] [SEEDS] [EPS...]
#
# CLI: the attractor-cli binary; CLASSIFIER: a feature classifier file (generator classifier);
# OUTDIR: where the models, logs and fd_eps.csv go. Defaults: 20 epochs, seeds 1..5,
# eps 0 0.025 0.05 0.1 0.2 0.4. $GEN_TRAIN_ARGS is added to every `generator train` (e.g.
# "--set w_conv=0.1", the shipped model's setting). Every run is `nice`d. Columns: eps, seed, fd,
# fd_floor, class_agreement, rec_mse_test, final_loss, s_per_iter, wall_s.
set -euo pipefail
cli="$1"; classifier="$2"; out="$3"; epochs="${4:-20}"; seeds="${5:-5}"
shift $(( $# < 5 ? $# : 5 ))
eps_list=("$@")
[ ${#eps_list[@]} -gt 0 ] || eps_list=(0 0.025 0.05 0.1 0.2 0.4)
mkdir -p "$out"
csv="$out/fd_eps.csv"
[ -f "$csv" ] || echo "eps,seed,fd,fd_floor,class_agreement,rec_mse_test,final_loss,s_per_iter,wall_s" > "$csv"
field() { python3 -c 'import json, sys; print(json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])[sys.argv[2]])' "$1" "$2"; }
for eps in "${eps_list[@]}"; do
  for seed in $(seq 1 "$seeds"); do
    tag="eps${eps}_seed${seed}"
    nice -n 5 "$cli" generator train --out "$out/$tag.h5" --eps "$eps" --epochs "$epochs" --seed "$seed" \
        --set init_seed="$seed" ${GEN_TRAIN_ARGS:-} --quiet > "$out/$tag.train.log"
    nice -n 5 "$cli" generator fid --model "$out/$tag.h5" --classifier "$classifier" --seed "$seed" > "$out/$tag.fid.log"
    echo "$eps,$seed,$(field "$out/$tag.fid.log" fd),$(field "$out/$tag.fid.log" fd_floor),$(field "$out/$tag.fid.log" class_agreement),$(field "$out/$tag.train.log" rec_mse_test),$(field "$out/$tag.train.log" final_loss),$(field "$out/$tag.train.log" s_per_iter),$(field "$out/$tag.train.log" wall_s)" >> "$csv"
  done
done
echo "wrote $csv"
