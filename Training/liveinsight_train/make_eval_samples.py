"""Builds the small evaluation sets that `make test` runs the shipped acoustic model on (AudioSamples/eval/).

  python3 -m liveinsight_train.make_eval_samples [--seed 11] [--n-heldout 60] [--n-timing 30]

- synth-heldout.ogg + .tsv: `--n-heldout` synthetic utterances of held-out sentences (commerce_text's `test`
  split, never trained on), varied voices/rates/pitches as in training, each under one evaluation condition
  in turn (clean, noise 0-20 dB, reverb, telephone, live; eval.degrade, seeded by index).
- timing.ogg + .tsv: `--n-timing` utterances synthesised word by word with known word starts (timing_eval.py).
Each set is one 16 kHz Ogg/Vorbis file with 0.5 s of silence between utterances; its TSV gives every
utterance's start and end in that file (seconds), its spoken transcript and, for timing, the true word starts
relative to the utterance. Deterministic for a seed and an espeak-ng version. Needs espeak-ng, numpy, scipy and
soundfile, like the rest of the recipe.
"""
import argparse
import os
import tempfile

import numpy as np
import soundfile as sf

from . import data
from . import evaluate as evaluation
from . import synthesize
from . import timing_eval
from .paths import AUDIO_SAMPLES

OUT = os.path.join(AUDIO_SAMPLES, "eval")
CONDITIONS = ["clean", "noise", "reverb", "telephone", "live"]
GAP = 0.5


def write_set(name, pieces, header, rows):
    """pieces: float32 utterances; rows: extra TSV fields per utterance."""
    gap = np.zeros(int(GAP * 16000), dtype=np.float32)
    audio, lines, t = [gap], ["\t".join(["start", "end"] + header)], GAP
    for x, extra in zip(pieces, rows):
        x = np.clip(x, -1, 1).astype(np.float32)
        audio += [x, gap]
        lines.append("\t".join([f"{t:.4f}", f"{t + len(x) / 16000:.4f}"] + extra))
        t += len(x) / 16000 + GAP
    signal = np.concatenate(audio)
    # Written in blocks: libsndfile's Vorbis encoder crashes on very large single writes.
    with sf.SoundFile(os.path.join(OUT, f"{name}.ogg"), "w", 16000, 1, format="OGG", subtype="VORBIS") as fh:
        for i in range(0, len(signal), 16384):
            fh.write(signal[i:i + 16384])
    with open(os.path.join(OUT, f"{name}.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{name}: {len(pieces)} utterances, {t:.0f} s")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--n-heldout", type=int, default=60)
    ap.add_argument("--n-timing", type=int, default=30)
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        man = synthesize.synthesize_split(tmp, "test", a.n_heldout, a.seed, 1)
        utts = data.read_manifest(man, source="synth")
        waves = [data.load_audio(u.path) for u in utts]
        conds = [CONDITIONS[i % len(CONDITIONS)] for i in range(len(utts))]
        pool = waves[:40]
        pieces = [evaluation.degrade(w, c, i, [p for p in pool if p is not w])
                  for i, (w, c) in enumerate(zip(waves, conds))]
        write_set("synth-heldout", pieces, ["condition", "spoken"], [[c, u.text] for c, u in zip(conds, utts)])

        timing_eval.make(os.path.join(tmp, "timing"), a.n_timing, a.seed)
        rows = data.read_manifest(os.path.join(tmp, "timing", "timing.tsv"))
        write_set("timing", [data.load_audio(u.path) for u in rows], ["spoken", "word_starts"],
                  [[u.text, u.meta["word_starts"]] for u in rows])


if __name__ == "__main__":
    main()
