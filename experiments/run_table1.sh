#!/usr/bin/env bash
# Trains the three models of the Table 1 experiment for one seed: base (synthetic pre-training), then the two
# fine-tunings (without / with the cycle loss) side by side. Each run checkpoints into runs/NAME and can be
# continued with the same command plus --resume. Usage: experiments/run_table1.sh SEED [BASE_IT] [FT_IT]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:?usage: experiments/run_table1.sh SEED [BASE_ITERATIONS] [FT_ITERATIONS]}
base_it=${2:-800}
ft_it=${3:-800}
mkdir -p runs/logs runs/models
common=(--preset small --dice-weight 1 --batch 4 --lr 5e-4 --seed "$seed" --checkpoint-every 100)
if [ ! -f "runs/models/base-s$seed.json" ]; then
  ./cycleprop train "${common[@]}" --data experiments/synthetic_pretrain.list --synthetic --cycle-weight 0 \
    --iterations "$base_it" --out "runs/models/base-s$seed" > "runs/logs/base-s$seed.log" 2>&1
fi
for variant in nocycle:0 cycle:0.1; do
  name=${variant%%:*}; weight=${variant##*:}
  ./cycleprop train "${common[@]}" --data experiments/aal_left_train.list --init "runs/models/base-s$seed" \
    --cycle-weight "$weight" --iterations "$ft_it" --out "runs/models/ft-$name-s$seed" \
    > "runs/logs/ft-$name-s$seed.log" 2>&1 &
done
wait
echo "trained runs/models/{base,ft-nocycle,ft-cycle}-s$seed"
