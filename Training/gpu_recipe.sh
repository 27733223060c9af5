#!/usr/bin/env bash
# Train on one GPU in about ten minutes, from the speech packed by pack_gpu_data.py. Both members of the shipped
# ensemble continue from their weights while learning the ensemble's frame posteriors beside CTC (train.py
# --teacher; on two CPU cores this gave each member most of the ensemble's lead within 1,000-2,000 steps, and the
# ensemble of the two students beat the old one, LOG.md session 16):
#   small:  the shipped file's own weights (the small member), light waveform augmentation as it was trained;
#   medium: Models/ko-ctc-medium.safetensors, full augmentation and SpecAugment as it was trained;
# side by side on the one GPU (each with its own batch-making processes), then export both. A new ensemble of
# the two is made and shipped as in README.md ("The shipped model is an ensemble").
#
#   python3 -m liveinsight_train.pack_gpu_data --out .gpudata                 # here, once (needs ../shared/data)
#   Training/gpu_recipe.sh OUTDIR [MINUTES]                  # on the GPU machine, from the repository root
#   DEVICE=cpu Training/gpu_recipe.sh /tmp/smoke 0.3         # a smoke test of the same script without a GPU
#
# Writes OUTDIR/{small,medium}/{model.safetensors,log.tsv,stdout.log} (checkpoints stay in
# $LIVEINSIGHT_TRAIN_DIR/runs); the models are then measured on the
# test sets by evaluate.py on any machine, and shipped (ship_model.sh) only if they beat the shipped one.
# Wheels in .whl/ (soundfile and what it needs) are installed first where the machine lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/Training${PYTHONPATH:+:$PYTHONPATH}"   # the recipe package, liveinsight_train
OUT=${1:?usage: gpu_recipe.sh OUTDIR [MINUTES]}
MINUTES=${2:-8}
HOURS=$(python3 -c "print($MINUTES / 60)")

if ! python3 -c "import soundfile" 2>/dev/null; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
python3 -c "import torch, soundfile; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), \
torch.cuda.get_device_name(0) if torch.cuda.is_available() else '', 'libsndfile', soundfile.__libsndfile_version__)"
export LIVEINSIGHT_SPEECH_DIR=$PWD/.gpudata/speech LIVEINSIGHT_TRAIN_DIR=${LIVEINSIGHT_TRAIN_DIR:-/tmp/liveinsight-train}
RUNS=$LIVEINSIGHT_TRAIN_DIR/runs
mkdir -p "$OUT/small" "$OUT/medium" "$RUNS"
WORKERS=$(( ($(nproc) - 2) / 2 ))
SYNTH=$(( $(wc -l < .gpudata/synth/train.tsv) - 1 ))
COMMON=(--synth-dir "$PWD/.gpudata/synth" --synthetic "$SYNTH" --device "${DEVICE:-cuda}" --workers "$WORKERS" --threads 1
        --max-batch-seconds 320 --max-hours "$HOURS" --eval-minutes 2 --ckpt-minutes 2 --log-every 50)

# Decode the pack once, so the two runs below share the audio cache instead of both decoding it.
PACK=$PWD/.gpudata
python3 -c "from liveinsight_train import data, units; v = units.Vocab.jamo_units(); s = '$PACK/synth/'
[data.Corpus(u, n, v) for u, n in ((data.emotiontts('train'), 'emotiontts-train'),
 (data.pansori('train'), 'pansori-train'), (data.emotiontts('dev'), 'emotiontts-dev'),
 (data.pansori('dev'), 'pansori-dev'), (data.read_manifest(s + 'train.tsv', source='synth'), 'synth-train'),
 (data.read_manifest(s + 'dev.tsv', source='synth'), 'synth-dev'))]"

# The intermediate jamo CTC head is left out: a run that starts from a model file would begin it from random weights.
ENSEMBLE=(--teacher Models/ko-ctc-small.safetensors --jamo-ctc-layer 0 --warmup 150 --anneal-minutes 2)
python3 -m liveinsight_train.train --out "$RUNS/small" --init-from Models/ko-ctc-small.safetensors "${COMMON[@]}" \
    "${ENSEMBLE[@]}" --lr 4e-4 --aug-phase full --aug-strength 0.5 --no-specaug > "$OUT/small/stdout.log" 2>&1 &
SMALL=$!
python3 -m liveinsight_train.train --out "$RUNS/medium" --config medium --init-from Models/ko-ctc-medium.safetensors \
    "${COMMON[@]}" "${ENSEMBLE[@]}" --lr 6e-4 --aug-phase full > "$OUT/medium/stdout.log" 2>&1 &
MEDIUM=$!
status=0
wait $SMALL || status=$?
wait $MEDIUM || status=$?
for run in small medium; do
  cp "$RUNS/$run/log.tsv" "$OUT/$run/" && cp "$RUNS/$run/model.safetensors" "$OUT/$run/" || status=1
  echo "== $run"; grep -E "^\[dev\]|stopped|Error|error" "$OUT/$run/stdout.log" | tail -8
done
exit $status
