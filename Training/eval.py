"""Evaluate an exported model file (or a checkpoint) by greedy CER per evaluation set and condition.

  python3 Training/eval.py --model Models/x.safetensors [--sets synth-test,emotiontts-test,deeply]
                           [--conditions clean,noise,reverb,telephone,live] [--limit N] [--json out.json]

Sets:
- synth-test: SCRATCH/synth/test.tsv (held-out sentences, never trained on; see commerce_text.py), under
  conditions (each utterance's degradation is seeded by its index, so every model sees the same audio):
    clean; noise = coloured/babble/music at U(0, 20) dB SNR; reverb = synthetic RIR, RT60 U(0.2, 0.8) s;
    telephone = 300-3400 Hz + 8 kHz round trip; live = reverb + music at U(5, 15) dB.
- emotiontts-test: the `test` split (16 Personality speakers not in training; sentences not in training).
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import augment  # noqa: E402
import data  # noqa: E402
import units  # noqa: E402
from train import feats_batch  # noqa: E402


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


@torch.no_grad()
def score(model, vocab, utts, cond="clean", max_batch_seconds=100.0, pool_size=40):
    waves = [data.load_audio(u.path) for u in utts]
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
            hyp = vocab.greedy(best[b, :int(ol[b])].tolist())
            e, n = units.cer_counts(hyp, utts[k].text)
            edits += e
            total += n
            if len(samples) < 3:
                samples.append({"ref": units.normalize(utts[k].text), "hyp": hyp})
        i = j
    return {"cer": edits / max(total, 1), "utts": len(utts), "ref_chars": total, "examples": samples}


def load(args):
    import export
    if args.model:
        model = export.load_model(args.model)
    else:
        from model import ConformerCTC
        ck = torch.load(args.checkpoint, map_location="cpu", weights_only=False)
        cfg = export.config_from_json(ck["config"])
        cfg.dropout = 0.0
        model = ConformerCTC(cfg)
        model.load_state_dict(ck["model"])
        model.eval()
    return model, units.Vocab(model.config.vocab)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model")
    ap.add_argument("--checkpoint")
    ap.add_argument("--sets", default="synth-test,emotiontts-test,deeply")
    ap.add_argument("--conditions", default="clean,noise,reverb,telephone,live")
    ap.add_argument("--synth-dir", default=os.path.join(data.scratch_dir(), "synth"))
    ap.add_argument("--limit", type=int, default=0, help="first N utterances of each set (0 = all)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model, vocab = load(a)
    results = {}
    lim = (lambda xs: xs[:a.limit]) if a.limit else (lambda xs: xs)
    for s in a.sets.split(","):
        t0 = time.time()
        if s == "synth-test":
            utts = lim(data.read_manifest(os.path.join(a.synth_dir, "test.tsv"), source="synth"))
            for c in a.conditions.split(","):
                results[f"synth-test/{c}"] = score(model, vocab, utts, c)
        elif s == "emotiontts-test":
            results["emotiontts-test"] = score(model, vocab, lim(data.emotiontts("test")))
        elif s == "deeply":
            allu = data.deeply()
            for u in allu:
                u.text = clean_reference(u.text)
            keep = [u for u in allu if "\ufffd" not in u.text and u.text]
            skipped = len(allu) - len(keep)
            rooms = sorted({u.meta["room"] for u in keep})
            tot_e = tot_n = 0
            for r in rooms:
                res = score(model, vocab, lim([u for u in keep if u.meta["room"] == r]))
                results[f"deeply/{r}"] = res
                tot_e += res["cer"] * res["ref_chars"]
                tot_n += res["ref_chars"]
            results["deeply/all"] = {"cer": tot_e / max(tot_n, 1), "ref_chars": tot_n,
                                     "utts": sum(results[f"deeply/{r}"]["utts"] for r in rooms),
                                     "skipped_digits_latin": skipped}
        else:
            results[s] = score(model, vocab, lim(data.read_manifest(s)))  # any TSV manifest
        print(f"[{s}] {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    print("| set / condition | utterances | CER |")
    print("| --- | ---: | ---: |")
    for k, v in results.items():
        print(f"| {k} | {v['utts']} | {100 * v['cer']:.1f} % |")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
