#!/usr/bin/env python3
"""Builds the demo broadcast's audio and reference from script.tsv (the seller's lines, written for this
project): espeak-ng speaks each line (one seller voice, slightly varied rate and pitch), lines are placed
with seeded pauses of 2-6 s (the seller showing the product), over a quiet synthetic music bed (soft
chords at about -26 dB under the voice) with a little noise. Deterministic for a given seed and espeak-ng.

Writes, next to this script's parent folder (AudioSamples/):
  demo-broadcast.ogg        16 kHz mono Ogg/Vorbis, about 7 minutes
  demo-broadcast.ref.tsv    start, end (seconds), product, spoken, written - one row per line
  demo-broadcast.ref.txt    the spoken text, one line per row (what the QA stage compares against)
The event log comes from the simulator: `make demo-kit` runs `liveinsight simulate` after this script.

With --generated N the lines are instead N seller lines from the acoustic recipe's generator
(Training/liveinsight_train/commerce_text.py, `dev` sentences, never trained on), and --out names the files: a broadcast
other than the demo, for calibrating the keyword spotter (liveinsight_train.calibrate_spotting) without
tuning on the demo, which is a test set.

Needs espeak-ng (Debian) and numpy + soundfile (PyPI).
Usage: python3 AudioSamples/demo/make_demo_broadcast.py [--seed 7] [--generated N --out PREFIX]
"""
import argparse
import csv
import os
import subprocess
import tempfile

import numpy as np
import soundfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
RATE = 16000


def speak(text, rate, pitch, scratch):
    path = os.path.join(scratch, "line.wav")
    subprocess.run(["espeak-ng", "-v", "ko+f2", "-s", str(rate), "-p", str(pitch), "-w", path, text], check=True)
    audio, source_rate = soundfile.read(path, dtype="float64")
    # espeak-ng writes 22050 Hz; resample with a windowed-sinc (band-limited) interpolator.
    n_out = int(round(len(audio) * RATE / source_rate))
    t = np.arange(n_out) * source_rate / RATE
    half = 16
    idx = np.floor(t).astype(int)
    out = np.zeros(n_out)
    for k in range(-half + 1, half + 1):
        j = idx + k
        valid = (j >= 0) & (j < len(audio))
        x = t - j
        w = np.sinc(x * RATE / source_rate) * (RATE / source_rate) * np.kaiser(2 * half + 1, 8)[np.clip(k + half, 0, 2 * half)]
        out[valid] += audio[j[valid]] * w[valid]
    # Trim espeak-ng's leading/trailing silence so the reference times mark the voice.
    voiced = np.nonzero(np.abs(out) > 0.01)[0]
    return out[voiced[0]:voiced[-1] + 1] if len(voiced) else out


def music_bed(n, rng):
    """Soft sustained chords (changing every 4 s) with a gentle pulse: a stand-in for background music."""
    t = np.arange(n) / RATE
    bed = np.zeros(n)
    chords = [(220.0, 277.2, 329.6), (196.0, 246.9, 293.7), (174.6, 220.0, 261.6), (196.0, 246.9, 329.6)]
    for start in range(0, n, 4 * RATE):
        seg = slice(start, min(n, start + 4 * RATE))
        chord = chords[(start // (4 * RATE)) % len(chords)]
        for f in chord:
            bed[seg] += np.sin(2 * np.pi * f * t[seg] + rng.uniform(0, 2 * np.pi))
    pulse = 0.6 + 0.4 * np.cos(2 * np.pi * 2.0 * t) ** 8
    return bed * pulse / 3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--generated", type=int, default=0, help="N generated seller lines instead of script.tsv")
    ap.add_argument("--out", default=os.path.join(OUT, "demo-broadcast"), help="path prefix of the files written")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    if args.generated:
        from liveinsight_train import commerce_text  # the recipe package: PYTHONPATH=Training
        lines = [{"product": "-", "spoken": row["spoken"], "written": row["written"]}
                 for row in commerce_text.generate(args.generated, args.seed, split="dev", mode="commerce")]
    else:
        with open(os.path.join(HERE, "script.tsv"), encoding="utf-8") as f:
            lines = list(csv.DictReader(f, delimiter="\t"))

    pieces, rows, cursor = [], [], 0
    lead_in = int(12 * RATE)
    pieces.append(np.zeros(lead_in))
    cursor += lead_in
    with tempfile.TemporaryDirectory() as scratch:
        for line in lines:
            voice = speak(line["spoken"], int(rng.integers(140, 165)), int(rng.integers(40, 60)), scratch)
            voice *= 0.5 / max(1e-9, np.abs(voice).max())
            rows.append((cursor / RATE, (cursor + len(voice)) / RATE, line["product"], line["spoken"], line["written"]))
            pause = np.zeros(int(rng.uniform(2.0, 6.0) * RATE))
            pieces += [voice, pause]
            cursor += len(voice) + len(pause)
    speech = np.concatenate(pieces)
    mix = speech + 0.025 * music_bed(len(speech), rng) + rng.normal(0, 0.001, len(speech))
    mix = np.clip(mix, -1, 1).astype(np.float32)
    # Written in blocks: one huge Vorbis write crashes some libsndfile builds.
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with soundfile.SoundFile(args.out + ".ogg", "w", RATE, 1, format="OGG", subtype="VORBIS") as out:
        for start in range(0, len(mix), RATE):
            out.write(mix[start:start + RATE])
    with open(args.out + ".ref.tsv", "w", encoding="utf-8") as f:
        f.write("start\tend\tproduct\tspoken\twritten\n")
        for start, end, product, spoken, written in rows:
            f.write(f"{start:.3f}\t{end:.3f}\t{product}\t{spoken}\t{written}\n")
    with open(args.out + ".ref.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(r[3] for r in rows) + "\n")
    print(f"{args.out}.ogg: {len(mix) / RATE / 60:.2f} min, {len(rows)} lines")


if __name__ == "__main__":
    main()
