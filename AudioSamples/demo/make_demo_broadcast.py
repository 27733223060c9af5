#!/usr/bin/env python3
"""Builds the demo broadcast's audio and reference from script.tsv (the seller's lines, written for this
project): espeak-ng speaks each line (one seller voice, slightly varied rate and pitch), lines are placed
with seeded pauses of 2-6 s (the seller showing the product), over a quiet synthetic music bed (soft
chords at about -26 dB under the voice) with a little noise. Deterministic for a given seed and espeak-ng.

Writes, next to this script's parent folder (AudioSamples/):
  demo-broadcast.ogg        16 kHz mono Ogg/Vorbis, about 7 minutes
  demo-broadcast.ref.tsv    start, end (seconds), product, spoken, written - one row per line
  demo-broadcast.ref.txt    the spoken text, one line per row (what the QA stage compares against)
The event log comes from the simulator: `liveinsight simulate` after this script (Docs/insight.md, "The demo
broadcast kit", has the command).

With --generated N the lines are instead N seller lines from the acoustic recipe's generator
(Training/liveinsight_train/commerce_text.py, `dev` sentences, never trained on), and --out names the files: a broadcast
other than the demo, for trying the keyword spotter without tuning on the demo, which is a test set.

With --timed SCRIPT the lines are those of a composed show's script (`liveinsight compose` writes it: start,
end, product, spoken, written), each spoken at its start time, the recording lasting --duration seconds: the
demo kit's longer shows (AudioSamples/demo/shows.tsv), whose event logs were simulated for these start times.

Needs espeak-ng (Debian) and numpy + soundfile (PyPI).
Usage: python3 AudioSamples/demo/make_demo_broadcast.py [--seed 7] [--generated N | --timed SCRIPT --duration S]
       [--out PREFIX]
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


CHORDS = [(220.0, 277.2, 329.6), (196.0, 246.9, 293.7), (174.6, 220.0, 261.6), (196.0, 246.9, 329.6)]
CHORD_SECONDS = 4


def chord_phases(n, rng):
    """The random phase of each note of each 4-second chord of a bed of n samples."""
    return [[rng.uniform(0, 2 * np.pi) for _ in CHORDS[0]] for _ in range(0, n, CHORD_SECONDS * RATE)]


def music_bed(start, n, phases):
    """Samples start..start+n of the bed: soft sustained chords (changing every 4 s) with a gentle pulse, a
    stand-in for background music."""
    t = np.arange(start, start + n) / RATE
    bed = np.zeros(n)
    chord_length = CHORD_SECONDS * RATE
    for first in range(start - start % chord_length, start + n, chord_length):
        seg = slice(max(first, start) - start, min(first + chord_length, start + n) - start)
        index = first // chord_length
        for f, phase in zip(CHORDS[index % len(CHORDS)], phases[index]):
            bed[seg] += np.sin(2 * np.pi * f * t[seg] + phase)
    pulse = 0.6 + 0.4 * np.cos(2 * np.pi * 2.0 * t) ** 8
    return bed * pulse / 3


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--generated", type=int, default=0, help="N generated seller lines instead of script.tsv")
    ap.add_argument("--timed", help="a composed show's script: lines spoken at their start times")
    ap.add_argument("--duration", type=float, default=0, help="with --timed: the recording's length in seconds")
    ap.add_argument("--out", default=os.path.join(OUT, "demo-broadcast"), help="path prefix of the files written")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    if args.generated:
        from liveinsight_train import commerce_text  # the recipe package: PYTHONPATH=Training
        lines = [{"product": "-", "spoken": row["spoken"], "written": row["written"]}
                 for row in commerce_text.generate(args.generated, args.seed, split="dev", mode="commerce")]
    else:
        lines = read_tsv(args.timed or os.path.join(HERE, "script.tsv"))

    # Each voice is placed at a sample offset: its start time (--timed) or after a seeded 2-6 s pause.
    placed, rows, cursor = [], [], int(12 * RATE)
    with tempfile.TemporaryDirectory() as scratch:
        for line in lines:
            voice = speak(line["spoken"], int(rng.integers(140, 165)), int(rng.integers(40, 60)), scratch)
            voice *= 0.5 / max(1e-9, np.abs(voice).max())
            if args.timed:
                start = int(round(float(line["start"]) * RATE))
                if start < cursor:
                    print(f"warning: line at {line['start']} s starts before the previous one ends; moved")
                cursor = max(cursor, start)
            placed.append((cursor, voice.astype(np.float32)))
            rows.append((cursor / RATE, (cursor + len(voice)) / RATE, line["product"], line["spoken"], line["written"]))
            cursor += len(voice)
            if not args.timed:
                cursor += int(rng.uniform(2.0, 6.0) * RATE)
    total = max(cursor, int(args.duration * RATE))
    # The mix is built and written in blocks: a long show's whole signal would not fit in memory comfortably,
    # and one huge Vorbis write crashes some libsndfile builds. The random draws keep the order of the
    # original one-piece mix (voices, then the bed's phases, then the noise), so the 7.7-minute demo is unchanged.
    phases = chord_phases(total, rng)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with soundfile.SoundFile(args.out + ".ogg", "w", RATE, 1, format="OGG", subtype="VORBIS") as out:
        next_voice = 0
        for block in range(0, total, RATE):
            n = min(RATE, total - block)
            mix = 0.025 * music_bed(block, n, phases) + rng.normal(0, 0.001, n)
            while next_voice < len(placed) and placed[next_voice][0] + len(placed[next_voice][1]) <= block:
                next_voice += 1
            for offset, voice in placed[next_voice:]:
                if offset >= block + n:
                    break
                lo, hi = max(offset, block), min(offset + len(voice), block + n)
                mix[lo - block:hi - block] += voice[lo - offset:hi - offset]
            out.write(np.clip(mix, -1, 1).astype(np.float32))
    with open(args.out + ".ref.tsv", "w", encoding="utf-8") as f:
        f.write("start\tend\tproduct\tspoken\twritten\n")
        for start, end, product, spoken, written in rows:
            f.write(f"{start:.3f}\t{end:.3f}\t{product}\t{spoken}\t{written}\n")
    with open(args.out + ".ref.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(r[3] for r in rows) + "\n")
    print(f"{args.out}.ogg: {total / RATE / 60:.2f} min, {len(rows)} lines")


if __name__ == "__main__":
    main()
