"""Calibrate keyword mentions on real dev speech: how hard the decoder favours keywords (hotword boost), the
spotting threshold, what a mention's confidence means, and the confidence below which a mention is not
reported. Records all four in the model file.

  python3 -m liveinsight_train.calibrate_mentions --model Models/ko-ctc-small.safetensors [--write]
        [--binary .build/release/liveinsight] [--max-false-per-hour 10]

1. Pseudo-broadcasts of the real dev speech (pansori's four held-out train talks, emotiontts' dev sentences;
   never the test sets), each with its references' 40 most common nouns as the keyword list
   (keyword_eval; needs python-mecab-ko).
2. For each hotword boost of the grid, `liveinsight run` transcribes them (a boost favours the keywords in beam
   search: it finds more of them, and writes them where they were not said); for each spotting threshold the
   run finds the mentions again from the checkpointed transcript and posteriors (seconds), and each mention is
   labelled right or false (keyword_eval.label).
3. Per mention source (transcript, acoustic, both) a logistic fit maps the raw confidence to the chance that
   the mention is right: p = 1 / (1 + exp(-(a + b * logit(raw)))). The product shows p as the confidence.
4. The boost, the threshold and the floor (the least p a reported mention has) are chosen together: the most
   right mentions with at most --max-false-per-hour false ones per hour of dev speech.
5. A held-out check says what to expect on speech the choice was not made on: the dev utterances are split
   in random halves, the choice (and the logistic fit) is made on one half and scored on the other. Out of
   hundreds of settings, the chosen one's few false mentions on 20 minutes of dev speech were partly luck, so
   new speech shows more.
With --write they are recorded as `hotword_boost`, `spotting_threshold`, `mention_calibration`
({source: [a, b]}) and `mention_floor` in the model file's configuration (export.record_calibration; the
weights are untouched).
"""
import argparse
import json
import math
import os
import subprocess

import numpy as np

from . import data, export, keyword_eval
from .paths import REPO, scratch_dir

DEV_SETS = {"pansori-dev": lambda: data.pansori("dev"), "emotiontts-dev": lambda: data.emotiontts("dev")}
BOOSTS = [0.0, 0.5, 1.0, 1.5]
THRESHOLDS = [-1.2, -1.0, -0.8, -0.6, -0.4, -0.2]
FLOORS = [round(0.05 * i, 2) for i in range(20)]
SOURCES = ("transcript", "acoustic", "both")
EPSILON = 1e-4


def logit(p):
    p = min(max(p, EPSILON), 1 - EPSILON)
    return math.log(p / (1 - p))


def fit_logistic(x, y, ridge=1.0, steps=50):
    """(a, b) of p = sigmoid(a + b x) by Newton's method, with a small ridge penalty on b so that a source with
    few or one-sided examples gets a gentle slope instead of a runaway one."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    w = np.zeros(2)
    design = np.stack([np.ones_like(x), x], axis=1)
    penalty = np.diag([0.0, ridge])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), float(w[1])


def calibrated(mention, calibration):
    a, b = calibration.get(mention["source"], (0.0, 1.0))
    return 1 / (1 + math.exp(-(a + b * logit(mention["confidence"]))))


def fit(labelled):
    """{source: (a, b)} from (mention, right) pairs."""
    calibration = {}
    for source in SOURCES:
        pairs = [(logit(m["confidence"]), ok) for m, ok in labelled if m["source"] == source]
        if pairs:
            calibration[source] = fit_logistic(*zip(*pairs))
    return calibration


def choose(rows, hours, max_false_per_hour):
    """rows: (*setting, hits, false). The row with the most hits among those within the false-mention budget (ties:
    fewer false, then the higher setting values); the fewest false mentions if none is within it."""
    within = [r for r in rows if r[-1] / hours <= max_false_per_hour]
    if within:
        return max(within, key=lambda r: (r[-2], -r[-1], *r[:-2]))
    return min(rows, key=lambda r: (r[-1], -r[-2]))


def of_utterances(labelled, utterances):
    """The labelled mentions that lie in `utterances` (keys as each mention's `utterance`)."""
    return [(m, ok) for m, ok in labelled if m["utterance"] in utterances]


def kept_counts(labelled, calibration, floor):
    """(right, false) among the labelled mentions whose calibrated confidence reaches `floor`."""
    kept = [ok for m, ok in labelled if calibrated(m, calibration) >= floor]
    return sum(kept), len(kept) - sum(kept)


def operating_points(labelled_by_setting, utterances=None):
    """The rows `choose` takes, (boost, threshold, floor, hits, false), and each setting's logistic fit, from the
    labelled mentions of each (boost, threshold); only those of `utterances` when given."""
    rows, calibrations = [], {}
    for setting, labelled in labelled_by_setting.items():
        if utterances is not None:
            labelled = of_utterances(labelled, utterances)
        calibrations[setting] = calibration = fit(labelled)
        rows += [(*setting, floor, *kept_counts(labelled, calibration, floor)) for floor in FLOORS]
    return rows, calibrations


def held_out_check(labelled_by_setting, utterances, max_false_per_hour, splits=50, seed=1):
    """Recall and false mentions per hour, averaged over `splits` random halvings of the dev utterances, of the
    setting chosen on one half and applied to the other. utterances: {key: (seconds, reference mentions)},
    the key each mention carries as `utterance`."""
    rng = np.random.default_rng(seed)
    keys = sorted(utterances)
    recalls, rates = [], []
    for _ in range(splits):
        order = rng.permutation(len(keys))
        chosen_on = {keys[i] for i in order[: len(keys) // 2]}
        scored_on = set(keys) - chosen_on
        rows, calibrations = operating_points(labelled_by_setting, chosen_on)
        hours = sum(utterances[k][0] for k in chosen_on) / 3600
        boost, threshold, floor, _, _ = choose(rows, hours, max_false_per_hour)
        hits, false = kept_counts(of_utterances(labelled_by_setting[(boost, threshold)], scored_on),
                                  calibrations[(boost, threshold)], floor)
        recalls.append(hits / max(sum(utterances[k][1] for k in scored_on), 1))
        rates.append(false / (sum(utterances[k][0] for k in scored_on) / 3600))
    return float(np.mean(recalls)), float(np.mean(rates))


def broadcast_folder(workspace):
    (broadcast,) = os.listdir(os.path.join(workspace, "broadcasts"))
    return os.path.join(workspace, "broadcasts", broadcast)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "liveinsight"))
    ap.add_argument("--scratch", default=os.path.join(scratch_dir(), "mentions-calibration"))
    ap.add_argument("--max-false-per-hour", type=float, default=10.0)
    ap.add_argument("--write", action="store_true", help="record the calibration in the model file")
    a = ap.parse_args()
    language_model = a.model.removesuffix(".safetensors") + ".lm.safetensors"
    lm_args = ["--lm", os.path.abspath(language_model)] if os.path.exists(language_model) else ["--no-lm"]
    nouns = keyword_eval.mecab_nouns()
    sets, utterances = [], {}
    for name, dev_utterances in DEV_SETS.items():
        scratch = os.path.join(a.scratch, name)
        spans = keyword_eval.build(dev_utterances(), data.load_audio, os.path.join(scratch, "broadcast.flac"),
                                   os.path.join(scratch, "spans.tsv"))
        keywords = keyword_eval.content_keywords([s.text for s in spans], nouns)
        keyword_eval.write_keywords(keywords, os.path.join(scratch, "keywords.csv"))
        keyword_eval.write_quiet_events(os.path.join(scratch, "events.csv"))
        sets.append((name, scratch, spans, keywords))
        for i, span in enumerate(spans):
            references = keyword_eval.label([], [span], keywords)[1]
            utterances[(name, i)] = (span.end - span.start + keyword_eval.GAP_SECONDS, references)
    hours = sum(seconds for seconds, _ in utterances.values()) / 3600
    references = sum(count for _, count in utterances.values())

    labelled_by_setting = {}
    for boost in BOOSTS:
        # The product applies the calibration a model records: measure with a copy that records none but this
        # boost, beside the language model the original would find.
        model = os.path.join(os.path.abspath(a.scratch), f"uncalibrated-boost{boost}.safetensors")
        export.copy_model(a.model, model)
        export.record_calibration(model, hotword_boost=boost, mention_calibration=None, mention_floor=None)
        for threshold in THRESHOLDS:
            labelled = []
            for name, scratch, spans, keywords in sets:
                workspace = os.path.join(scratch, f"workspace-boost{boost}")
                keywords_csv = os.path.join(scratch, "keywords.csv")
                subprocess.run([a.binary, "run", os.path.join(scratch, "broadcast.flac"), "--keywords", keywords_csv,
                                "--events", os.path.join(scratch, "events.csv"), "--workspace", workspace,
                                "--model", model, f"--spotting-threshold={threshold}", *lm_args], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                with open(os.path.join(broadcast_folder(workspace), "mentions.json"), encoding="utf-8") as fh:
                    mentions = json.load(fh)
                for m in mentions:
                    m["utterance"] = (name, keyword_eval.span_of(m["time"], m.get("end", m["time"]), spans))
                labels, _ = keyword_eval.label(mentions, spans, keywords)
                labelled += list(zip(mentions, labels))
            labelled_by_setting[(boost, threshold)] = labelled

    print(f"dev: {hours * 60:.1f} min, {references} reference mentions")
    print("boost\tthreshold\tfloor\trecall\tfalse/h")
    rows, calibrations = operating_points(labelled_by_setting)
    for boost, threshold, floor, hits, false in rows:
        if floor in (0.0, 0.5, 0.8):
            print(f"{boost}\t{threshold}\t{floor}\t{hits / references:.3f}\t{false / hours:.1f}")
    boost, threshold, floor, hits, false = choose(rows, hours, a.max_false_per_hour)
    calibration = {source: [round(a_, 4), round(b_, 4)]
                   for source, (a_, b_) in calibrations[(boost, threshold)].items()}
    print(f"chosen: hotword boost {boost}, threshold {threshold}, floor {floor}: recall {hits / references:.3f}, "
          f"{false / hours:.1f} false per hour; calibration {calibration}")
    recall, rate = held_out_check(labelled_by_setting, utterances, a.max_false_per_hour)
    print(f"held-out check (chosen on half the dev utterances, scored on the other half, 50 splits): "
          f"recall {recall:.3f}, {rate:.1f} false per hour")
    if a.write:
        export.record_calibration(a.model, hotword_boost=boost, spotting_threshold=threshold,
                                  mention_calibration=calibration, mention_floor=floor)
        print(f"{a.model}: hotword_boost, spotting_threshold, mention_calibration and mention_floor recorded")


if __name__ == "__main__":
    main()
