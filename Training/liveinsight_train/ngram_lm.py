"""A unit n-gram language model for CTC beam search (shallow fusion), built from text only.

  python3 -m liveinsight_train.ngram_lm build --model Models/ko-ctc-small.safetensors --out Models/ko-ctc-small.lm.safetensors
        [--order 6] [--commerce 100000] [--reviews 100000] [--seed 1]
  python3 -m liveinsight_train.ngram_lm tune --model Models/ko-ctc-small.safetensors --lm Models/ko-ctc-small.lm.safetensors
        (records lm_weight and lm_unit_bonus in the acoustic model's configuration)
  python3 -m liveinsight_train.ngram_lm fixture --model Models/ko-ctc-small.safetensors --lm Models/ko-ctc-small.lm.safetensors

The acoustic model hears sounds; the language model knows which unit sequences Korean (and a seller) uses.
Both score each hypothesis of the beam search: log P_ctc + alpha * log P_lm + beta per unit
(`beam_search` here, `PrefixBeamSearch` in the engine). The units are the acoustic model's own (jamo for
the shipped model), with the word boundary `▁` doubling as sentence start and end.

Text (never audio, never an evaluation set's sentences):
- `commerce`: seller lines from Training/liveinsight_train/commerce_text.py, `train` split only (the held-out synthetic sets
  are drawn from its `test` split, so their sentences are not here, but their templates are: the figure on
  them with the language model measures a domain language model, see the model card);
- `emotiontts`: transcripts of the `train` split minus its dev sentences (data.emotiontts("train"));
- `pansori`: subtitles of the pansori `train` talks minus the dev talks (data.pansori("train")), spoken
  prepared talk;
- `reviews`: Naver movie reviews, `train` split (../shared/data/reviews, CC0), broad everyday Korean;
- `conversation`: everyday dialogue (../shared/data/text/chatbot_qa.txt.gz, MIT) and online news comments
  (news_comments.txt.gz, CC BY-SA 4.0), informal written Korean close to speech.
Lines holding digits or Latin letters are skipped (the acoustic model speaks numbers as words).

The model: interpolated absolute discounting (D = 0.7) at every order, stored in backoff form so that a
lookup needs no counts: for a stored n-gram its interpolated log-probability, for each context the log of
the mass it passes to the shorter context. N-grams of order 3 and up seen once are dropped (count cut-off).

File (safetensors, read by `NgramLanguageModel` in Sources/Acoustic/Decoding): for each order n = 1 … N,
`order{n}.keys` (I32, ascending): context index · V + unit, where the context index is the position of
the n-gram's first n − 1 units in order n − 1 (0 for order 1); `order{n}.suffix` (I32): the position of its
last n − 1 units in order n − 1; `order{n}.log_prob` and `order{n}.backoff` (F32, natural log).
`order0.backoff` holds the root's. Metadata: format `liveinsight-ngram`, version 1, order, vocab (the
acoustic model's, which must match) and the sources. How much the language model weighs against the
acoustic model depends on both, so `tune` chooses the weight and unit bonus on dev sentences and records
them in the acoustic model's configuration (`lm_weight`, `lm_unit_bonus`; 0.5 and 1.0 when absent), beside
its other calibrations. The engine finds the file
beside the acoustic model: `<model name>.lm.safetensors`.
"""
import argparse
import bisect
import collections
import csv
import gzip
import json
import math
import os
import re

import numpy as np

from . import export
from . import units
from .paths import FIXTURES, SHARED_DATA, scratch_dir

BOUNDARY = 2
DISCOUNT = 0.7
BEAM_WIDTH = 32   # the engine's `PrefixBeamSearch.defaultBeamWidth`; the parity fixture records it
DEFAULT_WEIGHT, DEFAULT_BONUS = 0.5, 1.0   # the engine's, for an acoustic model that records none
REVIEWS = os.path.join(SHARED_DATA, "reviews", "nsmc_reviews.tsv.gz")
CONVERSATION = [os.path.join(SHARED_DATA, "text", name) for name in ("chatbot_qa.txt.gz", "news_comments.txt.gz")]
WRITTEN_FORMS = re.compile(r"[0-9A-Za-z]")  # digits and Latin letters: written forms the units cannot spell


def corpus(commerce, reviews, seed):
    """The training texts (spoken form) and a description of each source."""
    from . import commerce_text
    from . import data
    texts = [row["spoken"] for row in commerce_text.generate(commerce, seed, split="train")]
    sources = {"commerce": len(texts)}
    for name, utts in (("emotiontts_train", data.emotiontts("train")), ("pansori_train", data.pansori("train"))):
        texts += [u.text for u in utts]
        sources[name] = len(utts)
    for path in CONVERSATION:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = [line.strip() for line in fh if line.strip() and not WRITTEN_FORMS.search(line)]
        texts += lines
        sources[os.path.basename(path).split(".")[0]] = len(lines)
    kept = 0
    with gzip.open(REVIEWS, "rt", encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        for row in rows:
            if kept >= reviews:
                break
            if row[5] == "train" and not WRITTEN_FORMS.search(row[4]):
                texts.append(row[4])
                kept += 1
    sources["nsmc_reviews_train"] = kept
    return texts, sources


def build(texts, vocab, order, min_count_high=2):
    """Backoff tables {n: (keys, suffix, log_prob, backoff)} and the root backoff."""
    size = len(vocab.tokens)
    counts = [collections.Counter() for _ in range(order + 1)]
    for text in texts:
        ids = [BOUNDARY] + [i for i in vocab.encode(text) if i != 1] + [BOUNDARY]
        for end in range(1, len(ids)):
            for n in range(1, min(order, end + 1) + 1):
                counts[n][tuple(ids[end - n + 1:end + 1])] += 1
    for n in range(3, order + 1):
        counts[n] = collections.Counter({g: c for g, c in counts[n].items() if c >= min_count_high})
    # Context statistics: total continuations and distinct continuations.
    totals = [collections.Counter() for _ in range(order + 1)]
    types = [collections.Counter() for _ in range(order + 1)]
    for n in range(1, order + 1):
        for gram, c in counts[n].items():
            totals[n - 1][gram[:-1]] += c
            types[n - 1][gram[:-1]] += 1

    def gamma(context):
        n = len(context)
        total = totals[n].get(context, 0)
        return DISCOUNT * types[n][context] / total if total else 1.0

    probability = {}

    def interpolated(gram):
        if gram in probability:
            return probability[gram]
        context, n = gram[:-1], len(gram)
        lower = interpolated(gram[1:]) if n > 1 else 1.0 / size
        total = totals[n - 1].get(context, 0)
        p = (max(counts[n].get(gram, 0) - DISCOUNT, 0) / total + gamma(context) * lower) if total else lower
        probability[gram] = p
        return p

    tables, position = {}, {(): 0}
    for n in range(1, order + 1):
        grams = sorted(counts[n], key=lambda g: position[g[:-1]] * size + g[-1])
        keys = np.array([position[g[:-1]] * size + g[-1] for g in grams], dtype=np.int64)
        assert keys.max(initial=0) < 2 ** 31, "too many contexts for 32-bit keys"
        suffix = np.array([position[g[1:]] for g in grams], dtype=np.int32)
        log_prob = np.array([math.log(interpolated(g)) for g in grams], dtype=np.float32)
        backoff = np.array([math.log(gamma(g)) if gamma(g) > 0 else -1e9 for g in grams], dtype=np.float32)
        for i, g in enumerate(grams):
            position[g] = i
        tables[n] = (keys.astype(np.int32), suffix, log_prob, backoff)
    return tables, math.log(gamma(()))


def save(path, tables, root_backoff, vocab_tokens, order, sources):
    arrays = {"order0.backoff": np.array([root_backoff], dtype=np.float32)}
    for n, (keys, suffix, log_prob, backoff) in tables.items():
        arrays.update({f"order{n}.keys": keys, f"order{n}.suffix": suffix,
                       f"order{n}.log_prob": log_prob, f"order{n}.backoff": backoff})
    meta = {"format": "liveinsight-ngram", "version": "1", "order": str(order),
            "vocab": json.dumps(vocab_tokens, ensure_ascii=False), "discount": str(DISCOUNT),
            "sources": json.dumps(sources)}
    return export.write_safetensors(path, arrays, meta)


class LanguageModel:
    """Reads the file; `score(state, unit)` → (log P, new state), as `NgramLanguageModel` in the engine.

    A state is (order k, index i): the longest stored suffix of the history, of at most N − 1 units.
    `fusion` is the (weight, unit bonus) `evaluate.score` decodes with (`fusion_weights` of an acoustic model)."""

    def __init__(self, path, fusion=None):
        self.fusion = fusion
        arrays, meta = export.read_safetensors(path)
        self.order = int(meta["order"])
        self.vocab = json.loads(meta["vocab"])
        self.size = len(self.vocab)
        self.root_backoff = float(arrays["order0.backoff"][0])
        self.keys = {n: arrays[f"order{n}.keys"].tolist() for n in range(1, self.order + 1)}
        self.suffix = {n: arrays[f"order{n}.suffix"] for n in range(1, self.order + 1)}
        self.log_prob = {n: arrays[f"order{n}.log_prob"] for n in range(1, self.order + 1)}
        self.backoff = {n: arrays[f"order{n}.backoff"] for n in range(1, self.order + 1)}
        self.start = self.score((0, 0), BOUNDARY)[1]

    def _find(self, n, key):
        keys = self.keys[n]
        i = bisect.bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def score(self, state, unit):
        k, i = state
        acc = 0.0
        while True:
            j = self._find(k + 1, i * self.size + unit)
            if j >= 0:
                lp = acc + float(self.log_prob[k + 1][j])
                return lp, ((k, int(self.suffix[k + 1][j])) if k + 1 == self.order else (k + 1, j))
            if k == 0:
                return acc + self.root_backoff - math.log(self.size), (0, 0)
            acc += float(self.backoff[k][i])
            i, k = int(self.suffix[k][i]), k - 1

    def sentence_log_prob(self, ids):
        """log P of a unit sequence as a whole sentence (the end boundary included)."""
        state, total = self.start, 0.0
        for unit in list(ids) + [BOUNDARY]:
            lp, state = self.score(state, unit)
            total += lp
        return total


def beam_search(log_probs, lm=None, alpha=0.5, beta=1.0, width=BEAM_WIDTH, prune=8.0, candidates=12):
    """CTC prefix beam search with shallow fusion; mirrors the engine's `PrefixBeamSearch` (same candidate
    selection, same merging, end boundary scored at the end unless the prefix already ends in one)."""
    neg = -math.inf

    def log_add(a, b):
        if a == neg:
            return b
        if b == neg:
            return a
        return max(a, b) + math.log1p(math.exp(-abs(a - b)))

    # prefix -> [blank, non_blank, lm_score, lm_state]
    beams = {(): [0.0, neg, 0.0, lm.start if lm else None]}
    for row in log_probs:
        row = [float(x) for x in row]
        best = max(row)
        cand = [u for u in range(1, len(row)) if row[u] >= best - prune]
        cand = sorted(cand, key=lambda u: (-row[u], u))[:candidates]
        nxt = {}

        def entry(prefix, template):
            if prefix not in nxt:
                nxt[prefix] = [neg, neg, template[2], template[3]]
            return nxt[prefix]

        for prefix, (pb, pnb, lms, state) in beams.items():
            total = log_add(pb, pnb)
            e = entry(prefix, (0, 0, lms, state))
            e[0] = log_add(e[0], total + row[0])
            for u in cand:
                if prefix and prefix[-1] == u:
                    e = entry(prefix, (0, 0, lms, state))
                    e[1] = log_add(e[1], pnb + row[u])
                    path = pb + row[u]
                else:
                    path = total + row[u]
                extended = prefix + (u,)
                if extended not in nxt:
                    if lm:
                        lp, new_state = lm.score(state, u)
                        nxt[extended] = [neg, neg, lms + alpha * lp + beta, new_state]
                    else:
                        nxt[extended] = [neg, neg, lms, None]
                nxt[extended][1] = log_add(nxt[extended][1], path)
        ranked = sorted(nxt.items(), key=lambda kv: -(log_add(kv[1][0], kv[1][1]) + kv[1][2]))
        beams = dict(ranked[:width])

    def final(kv):
        prefix, (pb, pnb, lms, state) = kv
        end = alpha * lm.score(state, BOUNDARY)[0] if lm and (not prefix or prefix[-1] != BOUNDARY) else 0.0
        return log_add(pb, pnb) + lms + end

    return list(max(beams.items(), key=final)[0])


def acoustic_log_probs(model, waves):
    """The acoustic model's log-probabilities for each 16 kHz waveform (PyTorch, one at a time)."""
    import torch
    from .evaluate import feats_batch
    out = []
    with torch.no_grad():
        for wave in waves:
            feats, lengths = feats_batch([wave])
            lp, ol = model(feats, lengths)
            out.append(lp[0, :int(ol[0])].numpy())
    return out


def dev_sets(synth_dir, per_set=0):
    """Tuning data, never test data: `dev` synthetic sentences under the five evaluation conditions in turn,
    the emotiontts dev utterances (train speakers, sentences kept out of training) and the pansori dev talks
    (spontaneous talk, speakers kept out of training). `per_set` > 0 takes that many of each (the pansori ones
    spread over its talks); 0 takes them all."""
    from . import data
    from . import evaluate as ev
    limit = per_set or None
    synth = data.read_manifest(os.path.join(synth_dir, "dev.tsv"), source="synth")[:limit]
    waves = [data.load_audio(u.path) for u in synth]
    conditions = ["clean", "noise", "reverb", "telephone", "live"]
    degraded = [ev.degrade(w, conditions[k % 5], k, waves[:10]) for k, w in enumerate(waves)]
    pansori = data.pansori("dev")
    real = {"emotiontts-dev": data.emotiontts("dev")[:limit],
            "pansori-dev": pansori[::4][:limit] if limit else pansori}
    return {"synth-dev": (synth, degraded), **{name: (utts, [data.load_audio(u.path) for u in utts])
                                               for name, utts in real.items()}}


def fusion_weights(model_path):
    """(weight, unit bonus) recorded in an acoustic model's configuration, or the engine's defaults."""
    _, meta = export.read_safetensors(model_path, verify=False)
    config = json.loads(meta["config"])
    return config.get("lm_weight", DEFAULT_WEIGHT), config.get("lm_unit_bonus", DEFAULT_BONUS)


def tune(model_path, lm_path, synth_dir, per_set=0, weights=(0.3, 0.4, 0.5, 0.6, 0.7), bonuses=(1.0, 2.0, 3.0)):
    """Chooses the fusion weight and unit bonus with the lowest mean CER over the dev sets, and records them
    in the acoustic model's configuration: they balance this model's scores against the language model's.
    The whole dev sets by default: on 40 utterances a set, neighbouring weights differed by less than one
    utterance's errors (LOG.md, session 17)."""
    import torch
    torch.set_num_threads(1)
    model = export.load_model(model_path)
    vocab = units.Vocab(model.config.vocab)
    lm = LanguageModel(lm_path)
    grid = [(w, b) for w in weights for b in bonuses]
    cer = {g: [] for g in grid}
    for name, (utts, waves) in dev_sets(synth_dir, per_set).items():
        errors = {g: [0, 0] for g in grid}
        plain = [0, 0]
        for u, lp in zip(utts, acoustic_log_probs(model, waves)):
            e, n = units.cer_counts(vocab.decode(beam_search(lp)), u.text)
            plain = [plain[0] + e, plain[1] + n]
            for g in grid:
                e, n = units.cer_counts(vocab.decode(beam_search(lp, lm, *g)), u.text)
                errors[g] = [errors[g][0] + e, errors[g][1] + n]
        print(f"{name}: beam without LM {plain[0] / plain[1]:.4f}; "
              + ", ".join(f"{g}: {e / n:.4f}" for g, (e, n) in errors.items()), flush=True)
        for g, (e, n) in errors.items():
            cer[g].append(e / n)
    weight, bonus = min(grid, key=lambda g: (sum(cer[g]), g))
    export.record_calibration(model_path, lm_weight=weight, lm_unit_bonus=bonus)
    print(f"{model_path}: lm_weight = {weight}, lm_unit_bonus = {bonus} "
          f"(mean dev CER {sum(cer[(weight, bonus)]) / len(cer[(weight, bonus)]):.4f})")


def make_fixture(model_path, lm_path, out, count=4):
    """The reference numbers `Tests/AcousticTests/LanguageModelParityTests` holds the engine to: sentence
    log-probabilities, and beam search with and without fusion on PyTorch log-probabilities of the first
    utterances of the committed held-out set (AudioSamples/eval/synth-heldout)."""
    from . import evaluate as ev
    model = export.load_model(model_path)
    lm = LanguageModel(lm_path)
    _, meta = export.read_safetensors(lm_path)
    vocab = units.Vocab(model.config.vocab)
    weight, bonus = fusion_weights(model_path)
    sentences = ["오늘 특가로 준비했어요", "오늘 특카로 준비했어료", "무료 배송 해 드려요", "사이즈 고민되시는 분들"]
    utts = ev.committed_set("synth-heldout")[:count]
    log_probs = acoustic_log_probs(model, [u.meta["audio"] for u in utts])
    expected = {
        "language_model_sha256": meta["data_sha256"],
        "lm_weight": weight, "lm_unit_bonus": bonus, "beam_width": BEAM_WIDTH,
        "sentences": [{"text": t, "units": vocab.encode(t), "log_prob": lm.sentence_log_prob(vocab.encode(t))} for t in sentences],
        "decodes": [{"reference": u.text, "plain": beam_search(lp), "fused": beam_search(lp, lm, weight, bonus)}
                    for u, lp in zip(utts, log_probs)],
    }
    arrays = {f"utterance{i}": lp.astype(np.float32) for i, lp in enumerate(log_probs)}
    export.write_safetensors(out + ".safetensors", arrays, {"format": "liveinsight-lm-fixture"})
    with open(out + ".json", "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    for d in expected["decodes"]:
        print(vocab.decode(d["plain"]), "|", vocab.decode(d["fused"]), "|", d["reference"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="count the text and write the file")
    b.add_argument("--model", required=True, help="the acoustic model whose units the language model uses")
    b.add_argument("--out", required=True)
    b.add_argument("--order", type=int, default=6)
    b.add_argument("--commerce", type=int, default=100000, help="generated seller lines (train split)")
    b.add_argument("--reviews", type=int, default=100000, help="review texts (train split)")
    b.add_argument("--seed", type=int, default=1)
    t = sub.add_parser("tune", help="choose and record the fusion weight and unit bonus on dev sentences")
    t.add_argument("--model", required=True)
    t.add_argument("--lm", required=True)
    t.add_argument("--synth-dir", default=os.path.join(scratch_dir(), "synth"))
    t.add_argument("--per-set", type=int, default=0, help="utterances of each dev set (0 = all)")
    f = sub.add_parser("fixture", help="write the parity fixture for the engine's tests")
    f.add_argument("--model", required=True)
    f.add_argument("--lm", required=True)
    f.add_argument("--out", default=os.path.join(FIXTURES, "lm-fixture"))
    a = ap.parse_args()
    if a.command == "tune":
        tune(a.model, a.lm, a.synth_dir, a.per_set)
        return
    if a.command == "fixture":
        make_fixture(a.model, a.lm, a.out)
        return
    _, meta = export.read_safetensors(a.model, verify=False)
    tokens = json.loads(meta["config"])["vocab"]
    vocab = units.Vocab(tokens)
    texts, sources = corpus(a.commerce, a.reviews, a.seed)
    tables, root = build(texts, vocab, a.order)
    digest = save(a.out, tables, root, tokens, a.order, sources)
    entries = sum(len(t[0]) for t in tables.values())
    print(f"{a.out}: order {a.order}, {entries:,} n-grams from {len(texts):,} texts {sources}, "
          f"{os.path.getsize(a.out) / 1e6:.2f} MB, sha256 {digest[:16]}…")


if __name__ == "__main__":
    main()
