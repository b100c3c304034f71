#!/usr/bin/env bash
# Trains the three models of the Table 1 experiment for one seed: base (synthetic pre-training), then the two
# fine-tunings (without / with the cycle loss) side by side. Each run checkpoints into runs/NAME and can be
# continued with the same command plus --resume.
# Usage: experiments/run_table1.sh SEED [BASE_IT] [FT_IT] [LR_STEPS] [TAG]
#   LR_STEPS: fractions of the fine-tuning after which the learning rate drops x0.1 (default 0.7);
#   TAG: names the fine-tunings ft-nocycle-TAG-sSEED / ft-cycle-TAG-sSEED (reproduce-table --tag TAG) and keeps
#   every checkpoint (--keep-checkpoints) to be chosen on the validation structures.
#   The 3k models: experiments/run_table1.sh 1 800 3000 0.5,0.8 3k (and seed 2).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:?usage: experiments/run_table1.sh SEED [BASE_IT] [FT_IT] [LR_STEPS] [TAG]}
base_it=${2:-800}
ft_it=${3:-800}
lr_steps=${4:-0.7}
tag=${5:-}
mkdir -p runs/logs runs/models
every=100
if [ -n "$tag" ]; then every=250; fi
common=(--preset small --dice-weight 1 --batch 4 --lr 5e-4 --seed "$seed" --checkpoint-every "$every")
if [ ! -f "runs/models/base-s$seed.json" ]; then
  ./cycleprop train "${common[@]}" --data experiments/synthetic_pretrain.list --synthetic --cycle-weight 0 \
    --iterations "$base_it" --out "runs/models/base-s$seed" > "runs/logs/base-s$seed.log" 2>&1
fi
extra=(--lr-steps "$lr_steps")
if [ -n "$tag" ]; then extra+=(--keep-checkpoints); fi
for variant in nocycle:0 cycle:0.1; do
  name=ft-${variant%%:*}${tag:+-$tag}-s$seed; weight=${variant##*:}
  # one intra-op thread each: two runs share the two cores
  CYCLEPROP_JAVA_OPTS="-Xmx6g -Dai.djl.pytorch.num_threads=1" \
  ./cycleprop train "${common[@]}" "${extra[@]}" --data experiments/aal_left_train.list \
    --init "runs/models/base-s$seed" --cycle-weight "$weight" --iterations "$ft_it" --out "runs/models/$name" \
    > "runs/logs/$name.log" 2>&1 &
done
wait
echo "trained runs/models/base-s$seed and the fine-tunings ft-{nocycle,cycle}${tag:+-$tag}-s$seed"
