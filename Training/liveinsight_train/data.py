"""Datasets from manifests, waveform cache, dynamic batching, on-the-fly augmentation + features.

Manifest format (any corpus): TSV, one utterance a line, `path<TAB>transcript[<TAB>more columns...]`,
optional header line whose first field is `path`. Relative paths are resolved against the manifest's
folder. Transcripts must be in spoken form (numbers as Hangul); they are normalised by units.normalize.
A header may name the transcript column differently: `transcript`, `spoken` or `text` (first found).

Why augmentation on the fly and not cached features: measured here, one augmentation chain costs about
12 ms per 2.7 s utterance and a log-mel about 2 ms, while the small model's forward+backward costs about
65 ms per second of audio (1 thread), so augmenting in the training process costs < 10 % and gives a
fresh variant every epoch. What IS cached is the decoded audio: each manifest is decoded once into an
int16 array in SCRATCH/wavcache/<sha1 of manifest path+size+mtime>.npy (+ .json offsets) and memory-mapped,
so a resumed run starts in seconds.

emotiontts (../shared/data/speech/emotiontts/manifest.tsv): training uses `split == train` only, minus a
dev subset chosen by sentence hash (sha1(spoken) % 100 < 8: about 8 % of the distinct sentences, all their
readings), so dev sentences are never trained on. `excluded_overlap` is never used; `test` is evaluation only.
pansori (../shared/data/speech/pansori/manifest.tsv, TEDx talks): `train` minus four whole talks held out
as dev (sha1(talk) % 100 < 10: 204 utterances, 4 speakers), `dev` those talks, `test` the corpus's test talks.
Its subtitles sometimes write numbers in digits (8년) or words in Latin letters: those utterances (229 of
2,987) are left out everywhere (`spoken_only`), since the units have no digits and no reader of the digits
exists here. deeply is evaluation only (evaluate.py) and is never loaded by train.py.
"""
import csv
import hashlib
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import soundfile as sf

from . import units
from .paths import SPEECH_DIR, scratch_dir

class Utt:
    __slots__ = ("path", "text", "source", "meta")

    def __init__(self, path, text, source, meta=None):
        self.path, self.text, self.source, self.meta = path, text, source, meta or {}


def read_manifest(path, source=None, text_column=None):
    base = os.path.dirname(os.path.abspath(path))
    source = source or os.path.splitext(os.path.basename(path))[0]
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        return out
    header = None
    if rows[0] and rows[0][0] == "path":
        header, rows = rows[0], rows[1:]
    ti = 1
    if header:
        for name in ([text_column] if text_column else []) + ["transcript", "spoken", "text"]:
            if name in header:
                ti = header.index(name)
                break
    for r in rows:
        if len(r) <= ti or not r[0]:
            continue
        p = r[0] if os.path.isabs(r[0]) else os.path.join(base, r[0])
        meta = dict(zip(header, r)) if header else {}
        out.append(Utt(p, r[ti], source, meta))
    return out


def sentence_bucket(text):
    return int(hashlib.sha1(units.normalize(text).encode("utf-8")).hexdigest()[:8], 16) % 100


def emotiontts(split="train"):
    """split: 'train' (train minus dev sentences), 'dev' (train-split utterances of dev sentences), 'test'."""
    man = os.path.join(SPEECH_DIR, "emotiontts", "manifest.tsv")
    rows = read_manifest(man, source="emotiontts", text_column="spoken")
    for u in rows:
        u.path = os.path.join(SPEECH_DIR, u.meta["path"])
    if split == "test":
        return [u for u in rows if u.meta["split"] == "test"]
    tr = [u for u in rows if u.meta["split"] == "train"]
    if split == "dev":
        return [u for u in tr if sentence_bucket(u.text) < 8]
    return [u for u in tr if sentence_bucket(u.text) >= 8]


def spoken_only(utts):
    """The utterances whose transcript has no digits or Latin letters (written forms the units cannot spell)."""
    return [u for u in utts if not re.search(r"[0-9A-Za-z]", u.text)]


PANSORI_DEV_BUCKET = 10  # sha1(talk) % 100 below this: a dev talk


def pansori(split="train"):
    """split: 'train' (train talks minus the dev talks), 'dev' (four held-out train talks), 'test'."""
    man = os.path.join(SPEECH_DIR, "pansori", "manifest.tsv")
    rows = read_manifest(man, source="pansori", text_column="text")
    for u in rows:
        u.path = os.path.join(SPEECH_DIR, u.meta["path"])
    rows = spoken_only(rows)
    if split == "test":
        return [u for u in rows if u.meta["split"] == "test"]
    dev = {u.meta["talk"] for u in rows if int(hashlib.sha1(u.meta["talk"].encode()).hexdigest()[:8], 16) % 100
           < PANSORI_DEV_BUCKET}
    tr = [u for u in rows if u.meta["split"] == "train"]
    return [u for u in tr if (u.meta["talk"] in dev) == (split == "dev")]


def deeply():
    """EVALUATION ONLY (CC BY-NC-ND): never pass to training."""
    man = os.path.join(SPEECH_DIR, "deeply", "manifest.tsv")
    rows = read_manifest(man, source="deeply", text_column="text")
    for u in rows:
        u.path = os.path.join(SPEECH_DIR, u.meta["path"])
    return rows


def load_audio(path):
    try:
        x, sr = sf.read(path, dtype="float32", always_2d=True)
    except Exception:  # e.g. Opus in an old libsndfile: fall back to sox
        import subprocess
        raw = subprocess.run(["sox", path, "-t", "raw", "-r", "16000", "-e", "float", "-b", "32", "-c", "1", "-"],
                             check=True, capture_output=True).stdout
        return np.frombuffer(raw, dtype=np.float32).copy()
    x = x.mean(axis=1)
    if sr != 16000:
        from math import gcd

        from scipy.signal import resample_poly
        g = gcd(16000, sr)
        x = resample_poly(x, 16000 // g, sr // g).astype(np.float32)
    return x


class WaveStore:
    """All waveforms of a list of utterances, decoded once into an int16 memmap in scratch."""

    def __init__(self, utts, name):
        key = hashlib.sha1(("\n".join(u.path for u in utts)).encode()).hexdigest()[:16]
        d = os.path.join(scratch_dir(), "wavcache")
        os.makedirs(d, exist_ok=True)
        base = os.path.join(d, f"{name}-{key}")
        if not os.path.exists(base + ".json"):
            chunks, offsets, pos = [], [], 0
            with ThreadPoolExecutor(min(8, os.cpu_count() or 1)) as pool:  # libsndfile decodes outside the GIL
                decoded = list(pool.map(lambda u: load_audio(u.path), utts))
            for x in decoded:
                xi = np.clip(np.round(x * 32767), -32768, 32767).astype(np.int16)
                chunks.append(xi)
                offsets.append((pos, len(xi)))
                pos += len(xi)
            arr = np.concatenate(chunks) if chunks else np.zeros(0, np.int16)
            np.save(base + ".tmp.npy", arr)
            os.replace(base + ".tmp.npy", base + ".npy")
            with open(base + ".json.tmp", "w") as fh:
                json.dump(offsets, fh)
            os.replace(base + ".json.tmp", base + ".json")
        self.data = np.load(base + ".npy", mmap_mode="r")
        with open(base + ".json") as fh:
            self.offsets = json.load(fh)
        assert len(self.offsets) == len(utts), base

    def __len__(self):
        return len(self.offsets)

    def seconds(self, i):
        return self.offsets[i][1] / 16000.0

    def get(self, i):
        a, n = self.offsets[i]
        return self.data[a:a + n].astype(np.float32) / 32768.0


class Corpus:
    """utterances + their WaveStore + token ids; filters out unusable items (too short for CTC)."""

    def __init__(self, utts, name, vocab, max_seconds=20.0):
        self.store = WaveStore(utts, name)
        self.items = []
        for i, u in enumerate(utts):
            ids = vocab.encode(u.text)
            sec = self.store.seconds(i)
            frames = 1 + (int(sec * 16000) - 400) // 160 if sec * 16000 >= 400 else 0
            out_frames = ((frames - 1) // 2 - 1) // 2
            # CTC needs at least len(ids) + repeats output frames; leave margin for speed 1.1
            reps = sum(1 for a, b in zip(ids, ids[1:]) if a == b)
            if not ids or sec > max_seconds or out_frames / 1.1 < len(ids) + reps:
                continue
            self.items.append((i, ids, sec, u))

    def __len__(self):
        return len(self.items)


def make_batches(entries, max_batch_seconds, rng):
    """entries: list of (key, seconds). Shuffle, sort within pools of 200 by length, pack by padded seconds."""
    order = list(rng.permutation(len(entries)))
    batches = []
    for p in range(0, len(order), 200):
        pool = sorted(order[p:p + 200], key=lambda j: entries[j][1])
        cur, longest = [], 0.0
        for j in pool:
            s = entries[j][1]
            if cur and max(longest, s) * (len(cur) + 1) > max_batch_seconds:
                batches.append([entries[k][0] for k in cur])
                cur, longest = [], 0.0
            cur.append(j)
            longest = max(longest, s)
        if cur:
            batches.append([entries[k][0] for k in cur])
    perm = rng.permutation(len(batches))
    return [batches[k] for k in perm]
