"""Synthetic Korean speech with espeak-ng, reproducible from a seed.

For each sentence from commerce_text.generate(...) (per split: train / dev / test, disjoint by sentence
hash), draws a voice variant (every espeak-ng variant file under voices/!v, plus the plain voice), a rate
(-s, words per minute), a pitch (-p, 0..99), a pitch range (via the `-P`-less SSML-free route: not used),
a word gap (-g, in 10 ms units) and an amplitude (-a); runs
    espeak-ng -v ko[+VARIANT] -s RATE -p PITCH -g GAP -a AMP -w tmp.wav "SPOKEN TEXT"
resamples 22,050 Hz -> 16,000 Hz (scipy.signal.resample_poly 160/441), and writes 16-bit FLAC files to
OUT/audio/<split>/<id>.flac and one manifest per split, OUT/<split>.tsv, with a header:
    path  transcript  written  split  mode  voice  rate  pitch  gap  amp  seconds
(`path` relative to the manifest's folder; `transcript` is the spoken form the model must emit).

Every parameter of utterance i is drawn from random.Random(f"{seed}-{split}-{i}"), so the output is the
same for the same seed whatever --jobs is. Existing files are kept (re-running resumes).

  python3 -m liveinsight_train.synthesize --out ~/.cache/liveinsight-train/synth --n-train 5000 --n-dev 200 \
      --n-test 300 --seed 1 --jobs 2
"""
import argparse
import math
import os
import random
import subprocess
import tempfile
from multiprocessing import Pool

import numpy as np
import soundfile as sf
from scipy.signal import resample_poly

from . import commerce_text

VOICE_DIRS = ["/usr/lib/x86_64-linux-gnu/espeak-ng-data/voices/!v", "/usr/share/espeak-ng-data/voices/!v"]


def list_variants():
    for d in VOICE_DIRS:
        if os.path.isdir(d):
            return sorted(v for v in os.listdir(d) if " " not in v and not v.startswith("."))
    return []


def draw_params(seed, split, i, variants):
    r = random.Random(f"{seed}-{split}-{i}")
    u = r.random()
    # a third of the utterances use the common human-like variants, the rest any variant at all
    common = [v for v in variants if v in {"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8",
                                          "f1", "f2", "f3", "f4", "f5", "klatt", "klatt2", "klatt3"}]
    if u < 0.1:
        variant = ""
    elif u < 0.45 and common:
        variant = r.choice(common)
    else:
        variant = r.choice(variants) if variants else ""
    rate = int(round(r.triangular(100, 280, 170)))
    pitch = r.randint(10, 90)
    gap = r.choice([0, 0, 0, 0, 1, 2, 3, 5])
    amp = r.randint(60, 180)
    return {"voice": "ko" + ("+" + variant if variant else ""), "rate": rate, "pitch": pitch, "gap": gap,
            "amp": amp}


def synth_one(job):
    out_root, rel, text, p = job
    path = os.path.join(out_root, rel)
    if os.path.exists(path):
        info = sf.info(path)
        return rel, info.frames / info.samplerate
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".wav", dir=os.path.dirname(path), delete=False) as tmp:
        tmp_path = tmp.name
    try:
        cmd = ["espeak-ng", "-v", p["voice"], "-s", str(p["rate"]), "-p", str(p["pitch"]),
               "-g", str(p["gap"]), "-a", str(p["amp"]), "-w", tmp_path, text]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        x, sr = sf.read(tmp_path, dtype="float32", always_2d=True)
        x = x.mean(axis=1)
        if sr != 16000:
            g = math.gcd(16000, sr)
            x = resample_poly(x, 16000 // g, sr // g).astype(np.float32)
        peak = float(np.abs(x).max()) if len(x) else 0.0
        if peak > 0.99:
            x *= 0.99 / peak
        part = path + ".part.flac"
        sf.write(part, x, 16000, subtype="PCM_16")
        os.replace(part, path)
        return rel, len(x) / 16000.0
    finally:
        if os.path.exists(tmp_path):
            os.unlink(tmp_path)


def synthesize_split(out_root, split, n, seed, jobs, mode="mixed"):
    variants = list_variants()
    sents = commerce_text.generate(n, seed, split=split, mode=mode)
    work, meta = [], []
    for i, row in enumerate(sents):
        p = draw_params(seed, split, i, variants)
        rel = f"audio/{split}/s{seed}_{split}_{i:06d}.flac"
        work.append((out_root, rel, row["spoken"], p))
        meta.append((rel, row, p))
    if jobs > 1:
        with Pool(jobs) as pool:
            durs = dict(pool.imap_unordered(synth_one, work, chunksize=16))
    else:
        durs = dict(map(synth_one, work))
    man = os.path.join(out_root, f"{split}.tsv")
    with open(man + ".tmp", "w", encoding="utf-8") as fh:
        fh.write("path\ttranscript\twritten\tsplit\tmode\tvoice\trate\tpitch\tgap\tamp\tseconds\n")
        for rel, row, p in meta:
            fh.write(f"{rel}\t{row['spoken']}\t{row['written']}\t{split}\t{row['mode']}\t{p['voice']}\t{p['rate']}\t"
                     f"{p['pitch']}\t{p['gap']}\t{p['amp']}\t{durs[rel]:.3f}\n")
    os.replace(man + ".tmp", man)
    total = sum(durs.values())
    print(f"{split}: {len(meta)} utterances, {total / 3600:.2f} h -> {man}", flush=True)
    return man


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_root = os.environ.get("LIVEINSIGHT_TRAIN_DIR", os.path.expanduser("~/.cache/liveinsight-train"))
    ap.add_argument("--out", default=os.path.join(default_root, "synth"))
    ap.add_argument("--n-train", type=int, default=5000)
    ap.add_argument("--n-dev", type=int, default=200)
    ap.add_argument("--n-test", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--mode", default="mixed", choices=["mixed", "commerce", "vocab"])
    a = ap.parse_args()
    for split, n in (("dev", a.n_dev), ("test", a.n_test), ("train", a.n_train)):
        if n > 0:
            synthesize_split(a.out, split, n, a.seed, a.jobs, a.mode)


if __name__ == "__main__":
    main()
