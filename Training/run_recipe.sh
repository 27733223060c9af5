#!/usr/bin/env bash
# One command, from a seed: synthesise data, prepare real data, train (resumable), export, evaluate.
#
#   Training/run_recipe.sh [--seed 1] [--config small] [--synthetic 6000] [--threads 2] [--no-real]
#                          [--manifest extra.tsv]... [--max-hours H] [--run NAME]
#
# Scratch: $LIVEINSIGHT_TRAIN_DIR (default ~/.cache/liveinsight-train):
#   synth/            generated audio + synth/{train,dev,test}.tsv      (synthesize.py; skipped if present)
#   wavcache/         decoded int16 audio per corpus                    (data.py)
#   runs/<run>/       log.tsv, vocab.json, ckpt/latest.pt, ckpt/best.pt, model.safetensors, eval.json
# Re-running the same command resumes every stage (synthesis keeps existing files; training resumes from
# runs/<run>/ckpt/latest.pt).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/Training${PYTHONPATH:+:$PYTHONPATH}"   # the recipe package, liveinsight_train

SEED=1 CONFIG=small SYNTH=6000 THREADS=2 REAL=--real MAXH=0 RUN="" EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED=$2; shift 2;;
    --config) CONFIG=$2; shift 2;;
    --synthetic) SYNTH=$2; shift 2;;
    --threads) THREADS=$2; shift 2;;
    --no-real) REAL=--no-real; shift;;
    --real) REAL=--real; shift;;
    --manifest) EXTRA+=(--manifest "$(realpath "$2")"); shift 2;;
    --max-hours) MAXH=$2; shift 2;;
    --run) RUN=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
ROOT=${LIVEINSIGHT_TRAIN_DIR:-$HOME/.cache/liveinsight-train}
export LIVEINSIGHT_TRAIN_DIR=$ROOT
RUN=${RUN:-$CONFIG-s$SEED$([ "$REAL" = --no-real ] && echo -synthonly || true)}
OUT=$ROOT/runs/$RUN
SYNTH_DIR=$ROOT/synth-s$SEED
[ "$SEED" = 1 ] && [ -d "$ROOT/synth" ] && SYNTH_DIR=$ROOT/synth   # the first run's layout
mkdir -p "$OUT"
echo "scratch $ROOT  run $OUT  synth $SYNTH_DIR"

# 1. synthetic speech (seeded; resumes: existing files are kept)
if [ "$SYNTH" -gt 0 ]; then
  python3 -m liveinsight_train.synthesize --out "$SYNTH_DIR" --n-train "$SYNTH" --n-dev 200 --n-test 300 \
      --seed "$SEED" --jobs "$THREADS"
fi
# 2.-3. real data is read in place from ../shared/data/speech (cached by data.py); train (resumes)
python3 -m liveinsight_train.train --config "$CONFIG" --out "$OUT" --synthetic "$SYNTH" --synth-dir "$SYNTH_DIR" \
    $REAL --seed "$SEED" --threads "$THREADS" --max-hours "$MAXH" "${EXTRA[@]}"
# 4. export (train.py already exported best.pt; repeat in case it was interrupted) and evaluate
python3 -m liveinsight_train.train --config "$CONFIG" --out "$OUT" --export-only
python3 -m liveinsight_train.evaluate --model "$OUT/model.safetensors" --synth-dir "$SYNTH_DIR" --threads "$THREADS" \
    --json "$OUT/eval.json" | tee "$OUT/eval.md"
