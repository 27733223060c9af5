"""Word-timestamp accuracy on word-by-word synthesised utterances with known word offsets.

Make the set (held-out `test` sentences of commerce_text; each word synthesised separately by espeak-ng with
the utterance's voice/rate/pitch, leading/trailing silence trimmed at -40 dB of the word's peak, words joined
with U(0.05, 0.40) s of silence, U(0.1, 0.5) s lead-in; the true word starts are exact by construction):
  python3 -m liveinsight_train.timing_eval make --out SCRATCH/timing --n 100 --seed 7
Score a model as the Swift engine times words: a word starts where the time slot of the first frame of its
first unit starts, 0.04 j + 0.0425 - 0.02 s for frame j (the centre of its receptive field less half a
step, MODEL_FORMAT.md section 4), less the model's `emission_delay` when its configuration records one:
  python3 -m liveinsight_train.timing_eval score --model M.safetensors --set SCRATCH/timing/timing.tsv
Two alignments are reported: CTC forced alignment to the reference (Viterbi; isolates timing from
recognition errors) and greedy decoding (utterances whose greedy word count equals the reference's).

Calibrate a model's emission delay (how late it emits a unit after its sound starts) on a set made from
the `dev` sentences, so the committed timing set (test sentences) stays a fair test; writes `emission_delay`
(the median signed forced-alignment error, seconds) into the model file's configuration, weights untouched:
  python3 -m liveinsight_train.timing_eval make --out SCRATCH/timing-dev --n 100 --seed 5 --split dev
  python3 -m liveinsight_train.timing_eval calibrate --model M.safetensors --set SCRATCH/timing-dev/timing.tsv
"""
import argparse
import json
import os
import random
import subprocess
import tempfile

import numpy as np

from . import commerce_text
from . import synthesize

FRAME_SHIFT, FRAME_CENTRE = 0.04, 0.0425
SLOT_START = FRAME_CENTRE - FRAME_SHIFT / 2   # a frame's time slot starts half a step before its centre


def synth_word(word, p):
    import soundfile as sf
    from scipy.signal import resample_poly
    with tempfile.NamedTemporaryFile(suffix=".wav", delete=False) as t:
        tmp = t.name
    try:
        subprocess.run(["espeak-ng", "-v", p["voice"], "-s", str(p["rate"]), "-p", str(p["pitch"]), "-w", tmp, word],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        x, sr = sf.read(tmp, dtype="float32")
    finally:
        os.unlink(tmp)
    x = resample_poly(x, 160, 441).astype(np.float32) if sr == 22050 else x
    env = np.abs(x)
    thr = env.max() * 10 ** (-40 / 20)
    idx = np.nonzero(env > thr)[0]
    return x[idx[0]:idx[-1] + 1] if len(idx) else x


def make(out, n, seed, split="test"):
    import soundfile as sf
    os.makedirs(os.path.join(out, "audio"), exist_ok=True)
    variants = synthesize.list_variants()
    rows = commerce_text.generate(n, seed, split=split, mode="commerce")
    lines = ["path\ttranscript\tword_starts\tword_ends"]
    for i, row in enumerate(rows):
        r = random.Random(f"timing-{seed}-{i}")
        p = synthesize.draw_params(seed + 1000, "timing", i, variants)
        p["rate"] = min(p["rate"], 220)
        words = row["spoken"].split()
        t = r.uniform(0.1, 0.5)
        pieces = [np.zeros(int(t * 16000), np.float32)]
        starts, ends = [], []
        for w in words:
            x = synth_word(w, p)
            starts.append(t)
            pieces.append(x)
            t += len(x) / 16000
            ends.append(t)
            gap = r.uniform(0.05, 0.4)
            pieces.append(np.zeros(int(gap * 16000), np.float32))
            t += int(gap * 16000) / 16000
        y = np.concatenate(pieces)
        # keep times consistent with integer sample counts
        rel = f"audio/t{seed}_{i:05d}.flac"
        sf.write(os.path.join(out, rel), y, 16000, subtype="PCM_16")
        lines.append(f"{rel}\t{row['spoken']}\t{json.dumps([round(s, 4) for s in starts])}\t"
                     f"{json.dumps([round(e, 4) for e in ends])}")
    with open(os.path.join(out, "timing.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{len(rows)} utterances -> {out}/timing.tsv")


def forced_align(lp, ids):
    """CTC Viterbi: lp (T, V) log-probs, ids target tokens -> frame index where each target token starts."""
    T = lp.shape[0]
    ext = [0]
    for i in ids:
        ext += [i, 0]
    S = len(ext)
    NEG = -1e30
    dp = np.full((T, S), NEG)
    bp = np.zeros((T, S), dtype=np.int64)
    dp[0, 0] = lp[0, ext[0]]
    if S > 1:
        dp[0, 1] = lp[0, ext[1]]
    for t in range(1, T):
        for s in range(S):
            cands = [(dp[t - 1, s], s)]
            if s >= 1:
                cands.append((dp[t - 1, s - 1], s - 1))
            if s >= 2 and ext[s] != 0 and ext[s] != ext[s - 2]:
                cands.append((dp[t - 1, s - 2], s - 2))
            v, arg = max(cands)
            dp[t, s] = v + lp[t, ext[s]]
            bp[t, s] = arg
    s = S - 1 if S == 1 or dp[T - 1, S - 1] >= dp[T - 1, S - 2] else S - 2
    path = [0] * T
    for t in range(T - 1, -1, -1):
        path[t] = s
        s = bp[t, s]
    first = {}
    for t, s in enumerate(path):
        if s % 2 == 1 and (s // 2) not in first:
            first[s // 2] = t
    return [first.get(k, -1) for k in range(len(ids))]


def emission_delay(model_path):
    """The `emission_delay` a model file's configuration records (0 when none)."""
    from . import export
    _, meta = export.read_safetensors(model_path, verify=False)
    return float(json.loads(meta["config"]).get("emission_delay", 0.0))


def calibrate(model_path, set_path, limit=0):
    """Measure the model's emission delay with the delay taken as 0 and record it in the model file."""
    from . import export
    result = score(model_path, set_path, limit, delay=0.0)
    delay = round(result["forced_median_signed_ms"] / 1000, 3)
    export.record_calibration(model_path, emission_delay=delay)
    print(f"{model_path}: emission_delay = {delay} s")
    return delay


def score(model_path, set_path, limit=0, delay=None):
    """Word-start errors (seconds, signed: positive = late) with the model's recorded emission delay, or `delay`."""
    import torch
    from . import data
    from . import export
    from . import units
    from .features import log_mel_torch
    model = export.load_model(model_path)
    delay = emission_delay(model_path) if delay is None else delay
    origin = SLOT_START - delay
    vocab = units.Vocab(model.config.vocab)
    rows = data.read_manifest(set_path)
    rows = rows[:limit] if limit else rows
    fa_err, gr_err, gr_used = [], [], 0
    for u in rows:
        starts = json.loads(u.meta["word_starts"])
        x = data.load_audio(u.path)
        with torch.no_grad():
            lp, _ = model(log_mel_torch(torch.from_numpy(x))[None])
        lp = lp[0].numpy()
        ids = vocab.encode(u.text)
        # forced alignment: frame of the first token of each word
        if lp.shape[0] >= len(ids):
            tok_start = forced_align(lp, ids)
            word_first, k = [], 0
            for w in units.normalize(u.text).split(" "):
                word_first.append(tok_start[k])
                k += len(vocab.encode(w)) + 1   # the word's units (jamo: several a syllable), then ▁
            for ws, f in zip(starts, word_first):
                if f >= 0:
                    fa_err.append(FRAME_SHIFT * f + origin - ws)
        # greedy
        best = lp.argmax(-1)
        words, prev, cur_start, in_word = [], -1, None, False
        for j, b in enumerate(best):
            b = int(b)
            if b != prev and b not in (0, 2):
                if not in_word:
                    words.append(j)
                    in_word = True
            if b == 2 and b != prev:
                in_word = False
            prev = b
        if len(words) == len(starts):
            gr_used += 1
            gr_err += [FRAME_SHIFT * f + origin - s for f, s in zip(words, starts)]
    fa, gr = np.array(fa_err), np.array(gr_err)
    res = {"utterances": len(rows), "emission_delay_s": delay,
           "forced_words": len(fa), "forced_median_abs_ms": float(np.median(np.abs(fa)) * 1000) if len(fa) else None,
           "forced_median_signed_ms": float(np.median(fa) * 1000) if len(fa) else None,
           "forced_p90_abs_ms": float(np.percentile(np.abs(fa), 90) * 1000) if len(fa) else None,
           "greedy_utts_matching_word_count": gr_used, "greedy_words": len(gr),
           "greedy_median_abs_ms": float(np.median(np.abs(gr)) * 1000) if len(gr) else None,
           "greedy_median_signed_ms": float(np.median(gr) * 1000) if len(gr) else None}
    print(json.dumps(res, indent=1))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("--out", required=True)
    m.add_argument("--n", type=int, default=100)
    m.add_argument("--seed", type=int, default=7)
    m.add_argument("--split", default="test", choices=["train", "dev", "test"], help="commerce_text sentence split")
    for name in ("score", "calibrate"):
        s = sub.add_parser(name)
        s.add_argument("--model", required=True)
        s.add_argument("--set", required=True)
        s.add_argument("--limit", type=int, default=0)
        s.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    if a.cmd == "make":
        make(a.out, a.n, a.seed, a.split)
        return
    import torch
    torch.set_num_threads(a.threads)
    (score if a.cmd == "score" else calibrate)(a.model, a.set, a.limit)


if __name__ == "__main__":
    main()
