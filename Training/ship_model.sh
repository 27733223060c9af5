#!/usr/bin/env bash
# Ship a trained acoustic model: copy it into Models/, calibrate what the product reads from its
# configuration, regenerate the parity fixtures and measure the model card's figures.
#
#   Training/ship_model.sh SOURCE [--skip-swift]
#
# SOURCE: an exported model (.safetensors) or a checkpoint (.pt, exported here). An ensemble is made in place
# first (MODEL_FORMAT.md section 7), its members copied into Models/ beside it, and shipped as it lies:
#   python3 -m liveinsight_train.export FIRST.safetensors Models/ko-ctc-small.safetensors --ensemble-with M.safetensors
#   Training/ship_model.sh Models/ko-ctc-small.safetensors
# Steps, in order (each later one depends on the earlier: the transcript feeds the mentions):
#   1. emission delay      timing_eval.py calibrate on SCRATCH/timing-dev (dev sentences, word by word)
#   2. fusion weights      ngram_lm.py tune (the whole dev sets: synthetic under five conditions, emotiontts, pansori)
#   3. mentions            calibrate_mentions.py --write (hotword boost, spotting threshold, confidence map and
#                          floor, on the real dev talks; never the test sets)
#   4. parity fixtures     make_parity_fixture.py --name shipped, ngram_lm.py fixture
#   5. figures             evaluate.py greedy and with the language model -> Models/ko-ctc-small.eval.json
#   6. Swift figures       the ShippedModelTests measure word timing and the demo's mentions through the engine;
#                          their `measured figure` lines go into the same JSON (the tests hold later runs to them)
# --skip-swift leaves out steps 3 and 6 (no Swift toolchain needed).
# What is left to do by hand: read the figures, run `make test`, and update Training/MODEL_CARD.md.
# Scratch: $LIVEINSIGHT_TRAIN_DIR (default ~/.cache/liveinsight-train); the timing set is made once.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/Training${PYTHONPATH:+:$PYTHONPATH}"   # the recipe package, liveinsight_train

SOURCE=${1:?usage: Training/ship_model.sh SOURCE.safetensors|SOURCE.pt [--skip-swift]}
SKIP_SWIFT=${2:-}
MODEL=Models/ko-ctc-small.safetensors
LM=Models/ko-ctc-small.lm.safetensors
FIGURES=Models/ko-ctc-small.eval.json
ROOT=${LIVEINSIGHT_TRAIN_DIR:-$HOME/.cache/liveinsight-train}
TIMING=$ROOT/timing-dev

case "$SOURCE" in
  *.pt) python3 -m liveinsight_train.export "$SOURCE" "$MODEL";;
  *.safetensors) [ "$SOURCE" -ef "$MODEL" ] || cp "$SOURCE" "$MODEL";;
  *) echo "SOURCE must be a .pt checkpoint or an exported .safetensors model: $SOURCE" >&2; exit 2;;
esac
[ -f "$TIMING/timing.tsv" ] || python3 -m liveinsight_train.timing_eval make --out "$TIMING" --n 100 --seed 5 --split dev
python3 -m liveinsight_train.timing_eval calibrate --model "$MODEL" --set "$TIMING/timing.tsv"
python3 -m liveinsight_train.ngram_lm tune --model "$MODEL" --lm "$LM"
if [ "$SKIP_SWIFT" != --skip-swift ]; then
  swift build -c release --product liveinsight
  # The mentions are calibrated on pseudo-broadcasts whose keywords are MeCab nouns, as in the keyword benchmark.
  python3 -c "import mecab" 2>/dev/null || python3 -m pip install -q -r Benchmarks/RealSpeechKeywords/requirements.txt
  python3 -m liveinsight_train.calibrate_mentions --model "$MODEL" --write --binary .build/release/liveinsight
fi
python3 -m liveinsight_train.make_parity_fixture --model "$MODEL" --audio Training/fixtures/clip-ko-2s.wav \
    --out Training/fixtures --name shipped
python3 -m liveinsight_train.ngram_lm fixture --model "$MODEL" --lm "$LM"
SETS=synth-heldout,emotiontts-test,pansori-test,deeply
python3 -m liveinsight_train.evaluate --model "$MODEL" --sets "$SETS" --conditions clean --card-figures "$FIGURES"
python3 -m liveinsight_train.evaluate --model "$MODEL" --lm "$LM" --sets "$SETS" --conditions clean --card-figures "$FIGURES"
python3 -m liveinsight_train.evaluate --model "$MODEL" --sets synth-test
if [ "$SKIP_SWIFT" != --skip-swift ]; then
  # The run may fail where the new model misses the old card's figures; the measured lines are what count.
  LOG=$(mktemp)
  swift test --filter ShippedModelTests 2>&1 | tee "$LOG" || true
  python3 - "$FIGURES" "$LOG" <<'PY'
import re, sys
from liveinsight_train.evaluate import record_card_figures
lines = (re.match(r"measured figure ((?:timing|demo)-\S+) (\S+)$", line.strip()) for line in open(sys.argv[2], encoding="utf-8"))
record_card_figures(sys.argv[1], {m.group(1): float(m.group(2)) for m in lines if m})
PY
fi
echo "shipped $MODEL; figures in $FIGURES: check them with make test, then update Training/MODEL_CARD.md"
