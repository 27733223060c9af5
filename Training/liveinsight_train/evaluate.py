"""Evaluate an exported model file (or a checkpoint) by greedy CER per evaluation set and condition
(or, with --lm, by CER of the engine's decoding: beam search fused with a language model).

  python3 -m liveinsight_train.evaluate --model Models/x.safetensors [--sets synth-test,emotiontts-test,deeply]
                           [--conditions clean,noise,reverb,telephone,live] [--limit N] [--json out.json]

Sets:
- synth-heldout: the committed AudioSamples/eval/synth-heldout set (make_eval_samples.py; conditions baked in),
  which `make test` also runs through the Swift engine.
- synth-test: SCRATCH/synth/test.tsv (held-out sentences, never trained on; see commerce_text.py), under
  conditions (each utterance's degradation is seeded by its index, so every model sees the same audio):
    clean; noise = coloured/babble/music at U(0, 20) dB SNR; reverb = synthetic RIR, RT60 U(0.2, 0.8) s;
    telephone = 300-3400 Hz + 8 kHz round trip; live = reverb + music at U(5, 15) dB.
- emotiontts-test: the `test` split (16 Personality speakers not in training; sentences not in training).
- pansori-test: the 8 test talks (TEDx speakers not in training), less the utterances whose subtitles write
  digits or Latin letters (data.spoken_only).
- emotiontts-dev, pansori-dev: the real dev sets training selects checkpoints on (data.py); for tuning only.
- deeply: evaluation only; scored per room. References are normalised: punctuation, symbols and lone
  jamo (ㅋㅋ, ㅎㅎ) removed; utterances whose reference still contains digits or Latin letters (176 of 1,697;
  written numbers would need a text normaliser to score fairly) are skipped and counted in the output.
CER = character edit distance / reference characters, spaces removed (units.cer_counts), over the whole set.
"""
import argparse
import json
import os
import re
import sys
import time

import numpy as np
import torch

from . import augment
from . import data
from . import ngram_lm
from . import units
from .paths import AUDIO_SAMPLES, scratch_dir
from .train import feats_batch


def degrade(x, cond, idx, pool):
    rng = np.random.default_rng([12345, idx])
    if cond == "clean":
        return x
    if cond == "noise":
        kind = ["coloured", "babble", "music"][idx % 3]
        n = {"coloured": lambda: augment.coloured_noise(len(x), rng),
             "babble": lambda: augment.babble(len(x), rng, pool),
             "music": lambda: augment.synthetic_music(len(x), rng)}[kind]()
        return augment.add_at_snr(x, n, rng.uniform(0, 20)).astype(np.float32)
    if cond == "reverb":
        return augment.reverberate(x, rng)
    if cond == "telephone":
        return augment.telephone(x, rng)
    if cond == "live":
        y = augment.reverberate(x, rng)
        return augment.add_at_snr(y, augment.synthetic_music(len(y), rng), rng.uniform(5, 15)).astype(np.float32)
    raise ValueError(cond)


def clean_reference(text):
    t = re.sub(r"[\u3131-\u318e]+", " ", text)  # lone compatibility jamo (ㅋㅋ)
    return units.normalize(t)


def deeply_scored():
    """deeply utterances with normalised references, minus those still holding digits or Latin letters."""
    allu = data.deeply()
    for u in allu:
        u.text = clean_reference(u.text)
    return [u for u in allu if "\ufffd" not in u.text and u.text and not re.search(r"[0-9A-Za-z]", u.text)]


def committed_set(name):
    """An AudioSamples/eval set (make_eval_samples.py): one recording cut into utterances by its TSV."""
    base = os.path.join(AUDIO_SAMPLES, "eval", name)
    audio = data.load_audio(base + ".ogg")
    with open(base + ".tsv", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    utts = []
    for row in rows[1:]:
        meta = dict(zip(rows[0], row))
        meta["audio"] = audio[int(float(meta["start"]) * 16000):int(float(meta["end"]) * 16000)]
        utts.append(data.Utt(base + ".ogg", meta["spoken"], name, meta))
    return utts


def evaluation_sets(names, synth_dir, limit=0, sample=None):
    """(set name, utterances) for each requested set; deeply is split per room (`deeply/<room>`).

    `limit` keeps the first N of each set; `sample` (n, seed) keeps a seeded random N instead.
    """
    def cut(utts):
        if sample:
            n, seed = sample
            if n and n < len(utts):
                pick = np.random.default_rng(seed).choice(len(utts), n, replace=False)
                return [utts[i] for i in sorted(pick)]
            return utts
        return utts[:limit] if limit else utts

    for s in names:
        if s == "synth-test":
            yield s, cut(data.read_manifest(os.path.join(synth_dir, "test.tsv"), source="synth"))
        elif s == "emotiontts-test":
            yield s, cut(data.emotiontts("test"))
        elif s in ("pansori-test", "pansori-dev", "emotiontts-dev"):
            corpus, split = s.split("-")
            yield s, cut(getattr(data, corpus)(split))
        elif s == "synth-heldout":
            yield s, cut(committed_set(s))
        elif s == "deeply":
            keep = deeply_scored()
            for r in sorted({u.meta["room"] for u in keep}):
                yield f"deeply/{r}", cut([u for u in keep if u.meta["room"] == r])
        else:
            yield s, cut(data.read_manifest(s))  # any TSV manifest


def pooled(results):
    """Character-weighted CER over several scored sets."""
    results = list(results)
    n = sum(r["ref_chars"] for r in results)
    return {"cer": sum(r["cer"] * r["ref_chars"] for r in results) / max(n, 1), "ref_chars": n,
            "utts": sum(r["utts"] for r in results)}


@torch.no_grad()
def score(model, vocab, utts, cond="clean", max_batch_seconds=100.0, pool_size=40, lm=None):
    waves = [u.meta["audio"] if "audio" in u.meta else data.load_audio(u.path) for u in utts]
    pool = waves[:pool_size]
    order = sorted(range(len(utts)), key=lambda k: len(waves[k]))
    edits = total = 0
    samples = []
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and len(waves[order[j]]) / 16000 * (j - i + 1) <= max_batch_seconds:
            j += 1
        idx = order[i:j]
        ws = [degrade(waves[k], cond, k, [p for p in pool if p is not waves[k]]) for k in idx]
        feats, lengths = feats_batch(ws)
        lp, ol = model(feats, lengths)
        best = lp.argmax(-1)
        for b, k in enumerate(idx):
            if lm:   # the engine's decoding: beam search fused with the language model (ngram_lm.py)
                hyp = vocab.decode(ngram_lm.beam_search(lp[b, :int(ol[b])].numpy(), lm, *lm.fusion))
            else:
                hyp = vocab.greedy(best[b, :int(ol[b])].tolist())
            e, n = units.cer_counts(hyp, utts[k].text)
            edits += e
            total += n
            if len(samples) < 3:
                samples.append({"ref": units.normalize(utts[k].text), "hyp": hyp})
        i = j
    return {"cer": edits / max(total, 1), "utts": len(utts), "ref_chars": total, "examples": samples}


def record_card_figures(path, values):
    """Writes {figure: value} (rounded to 4 places) into the model card's figures file, the JSON that
    Tests/ShippedModelTests hold the shipped model to; figures measured elsewhere are kept."""
    figures = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            figures = json.load(fh)
    figures.update({k: round(v, 4) for k, v in values.items()})
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(figures, fh, indent=1, sort_keys=True)
        fh.write("\n")


def load(args):
    from . import export
    if args.model:
        model = export.load_model(args.model)
    else:
        model = export.model_from_checkpoint(torch.load(args.checkpoint, map_location="cpu", weights_only=False))
    return model, units.Vocab(model.config.vocab)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model")
    ap.add_argument("--checkpoint")
    ap.add_argument("--sets", default="synth-test,emotiontts-test,deeply")
    ap.add_argument("--conditions", default="clean,noise,reverb,telephone,live")
    ap.add_argument("--synth-dir", default=os.path.join(scratch_dir(), "synth"))
    ap.add_argument("--limit", type=int, default=0, help="first N utterances of each set (0 = all)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--lm", help="decode as the engine does with this language model (beam search + fusion, the "
                                 "weights from the model's configuration) instead of greedy; card figures are then written as '<set>-lm'")
    ap.add_argument("--json")
    ap.add_argument("--card-figures", help="write {set: CER} into the figures Tests/ShippedModelTests hold the model to (Models/<model>.eval.json)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model, vocab = load(a)
    if a.lm and not a.model:
        ap.error("--lm needs --model: the fusion weights are in the model file's configuration")
    lm = ngram_lm.LanguageModel(a.lm, fusion=ngram_lm.fusion_weights(a.model)) if a.lm else None
    results = {}
    for name, utts in evaluation_sets(a.sets.split(","), a.synth_dir, a.limit):
        t0 = time.time()
        if name == "synth-test":
            for c in a.conditions.split(","):
                results[f"synth-test/{c}"] = score(model, vocab, utts, c, lm=lm)
        else:
            results[name] = score(model, vocab, utts, lm=lm)
        print(f"[{name}] {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    rooms = [k for k in results if k.startswith("deeply/")]
    if rooms:
        results["deeply/all"] = pooled(results[k] for k in rooms)
        if not a.limit:
            results["deeply/all"]["skipped_digits_latin"] = len(data.deeply()) - results["deeply/all"]["utts"]
    print("| set / condition | utterances | CER |")
    print("| --- | ---: | ---: |")
    for k, v in results.items():
        print(f"| {k} | {v['utts']} | {100 * v['cer']:.1f} % |")
    if a.card_figures:
        suffix = "-lm" if lm else ""
        figures = {k + suffix: v["cer"] for k, v in results.items()
                   if k in ("synth-heldout", "emotiontts-test", "pansori-test") or (k.startswith("deeply/") and k != "deeply/all")}
        if lm:
            figures["product-beam-width"] = ngram_lm.BEAM_WIDTH
        record_card_figures(a.card_figures, figures)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
