"""Calibrate a model's keyword-spotting threshold on a broadcast other than the demo, and record it.

  python3 -m liveinsight_train.calibrate_spotting --model Models/ko-ctc-small.safetensors [--write]
        [--binary .build/release/liveinsight] [--scratch SCRATCH/spotting]

1. Makes SCRATCH/spotting/calibration.{ogg,ref.tsv} if missing: 160 generated seller lines (`dev`
   sentences, never trained on) over the demo's music bed (AudioSamples/demo/make_demo_broadcast.py
   --generated 160 --seed 21; about 21 minutes).
2. `liveinsight simulate` turns its reference script into reference mentions (the truth JSON) and an event
   log; `liveinsight run` transcribes it once, keeping its posteriors.
3. For each threshold of the grid, `liveinsight align <broadcast> --spotting-threshold T` spots the demo's
   keyword list again from the checkpointed posteriors (seconds each). The mentions (transcript and
   spotting together, as the product reports them) are scored as Tests/ShippedModelTests scores the demo:
   a found mention counts for a reference mention of the same keyword within 4 s, one to one.
4. Each threshold scores hits − false mentions (a miss and a false mention cost the same). The chosen
   threshold is the middle of the best-scoring ones: away from both edges of that plateau, where a
   broadcast unlike this one would start to lose mentions or gain false ones. With --write it is recorded as `spotting_threshold` in the model file's
   configuration (export.record_calibration; the weights are untouched), which the pipeline then uses.

The demo broadcast is the test set of #6, so it is never used here.
"""
import argparse
import json
import os
import subprocess
import sys

from . import export
from .paths import REPO, scratch_dir

SCRATCH = scratch_dir()
KEYWORDS = os.path.join(REPO, "AudioSamples", "demo-broadcast.keywords.csv")
GRID = [-1.6, -1.4, -1.2, -1.0, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3]
TOLERANCE = 4.0


def run(args, **kwargs):
    return subprocess.run(args, check=True, text=True, **kwargs)


def score(found, reference):
    """(hits, false mentions): each reference mention takes the nearest unused found one of its keyword."""
    unused = list(found)
    hits = 0
    for expected in reference:
        candidates = [m for m in unused
                      if m["keyword"] == expected["keyword"] and abs(m["time"] - expected["time"]) <= TOLERANCE]
        if candidates:
            unused.remove(min(candidates, key=lambda m: abs(m["time"] - expected["time"])))
            hits += 1
    return hits, len(unused)


def choose(rows, references):
    """The middle threshold of those with the best hits − false mentions; rows are (threshold, recall, false)."""
    net = {threshold: round(recall * references) - false for threshold, recall, false in rows}
    plateau = sorted(threshold for threshold in net if net[threshold] == max(net.values()))
    return plateau[len(plateau) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "liveinsight"))
    ap.add_argument("--scratch", default=os.path.join(SCRATCH, "spotting"))
    ap.add_argument("--write", action="store_true", help="record the chosen threshold in the model file")
    a = ap.parse_args()
    prefix = os.path.join(a.scratch, "calibration")
    if not os.path.exists(prefix + ".ref.tsv"):
        run([sys.executable, os.path.join(REPO, "AudioSamples", "demo", "make_demo_broadcast.py"),
             "--generated", "160", "--seed", "21", "--out", prefix])
    import soundfile
    duration = soundfile.info(prefix + ".ogg").duration
    run([a.binary, "simulate", "--reference", prefix + ".ref.tsv", "--keywords", KEYWORDS, "--duration", f"{duration:.3f}",
         "--out", prefix + ".events.csv", "--truth", prefix + ".truth.json", "--seed", "21"], stdout=subprocess.DEVNULL)
    with open(prefix + ".truth.json", encoding="utf-8") as fh:
        truth = json.load(fh)
    reference, hours = truth["mentions"], duration / 3600
    workspace = os.path.join(a.scratch, "workspace")
    run([a.binary, "run", os.path.abspath(prefix + ".ogg"), "--events", prefix + ".events.csv", "--keywords", KEYWORDS,
         "--workspace", workspace, "--model", os.path.abspath(a.model)], stdout=subprocess.DEVNULL)
    (broadcast,) = os.listdir(os.path.join(workspace, "broadcasts"))
    folder = os.path.join(workspace, "broadcasts", broadcast)

    print(f"{len(reference)} reference mentions in {duration / 60:.1f} min")
    print("threshold\trecall\tfalse\tfalse/h")
    rows = []
    for threshold in GRID:
        run([a.binary, "align", folder, "--keywords", KEYWORDS, "--model", os.path.abspath(a.model),
             f"--spotting-threshold={threshold}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(folder, "mentions.json"), encoding="utf-8") as fh:
            hits, false = score(json.load(fh), reference)
        rows.append((threshold, hits / len(reference), false))
        print(f"{threshold}\t{hits / len(reference):.3f}\t{false}\t{false / hours:.1f}")
    chosen = choose(rows, len(reference))
    print(f"chosen: {chosen} (the middle of the thresholds with the most hits − false mentions)")
    if a.write:
        export.record_calibration(a.model, spotting_threshold=chosen)
        print(f"{a.model}: spotting_threshold = {chosen}")


if __name__ == "__main__":
    main()
