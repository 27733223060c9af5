"""Keyword mentions on real speech: pseudo-broadcasts, keyword lists and the scoring of found mentions.

A pseudo-broadcast joins the utterances of a speech set into one recording, 0.6 s of silence between them, so
`liveinsight run` treats it like a show while every utterance keeps its own reference. The keyword list is
content words of those references (nouns of 2-4 syllables, by a MeCab tagger). A found mention is right when it
falls inside an utterance whose reference contains its keyword, as often as the reference has it; every other
mention is false. The same scoring serves the benchmark (`Benchmarks/RealSpeechKeywords`), the calibration of
the mention confidence (`calibrate_mentions`) and any other system's transcripts (vosk's, placed in their
utterance).
"""
import csv
import os
import random

import numpy as np
from scipy import stats

from . import units

GAP_SECONDS = 0.6
RATE = 16000
SLACK_SECONDS = 0.3  # word edges of the two sources differ a little; a mention may overhang its utterance
NOUN_TAGS = ("NNG", "NNP")


class Span:
    """One utterance inside a pseudo-broadcast: where it lies (seconds) and its normalised reference."""
    __slots__ = ("start", "end", "text", "path")

    def __init__(self, start, end, text, path=""):
        self.start, self.end, self.text, self.path = start, end, text, path


def sample(utts, count, seed=1):
    """A seeded sample of `count` utterances in their original order (all of them when count is 0 or more)."""
    if count <= 0 or count >= len(utts):
        return list(utts)
    chosen = set(random.Random(seed).sample(range(len(utts)), count))
    return [u for i, u in enumerate(utts) if i in chosen]


def build(utts, load_audio, out_audio, out_tsv):
    """Writes the pseudo-broadcast (16 kHz mono FLAC) and its spans (start, end, path, text); returns the spans.
    Reuses both files when they exist."""
    if os.path.exists(out_audio) and os.path.exists(out_tsv):
        return read_spans(out_tsv)
    import soundfile
    gap = np.zeros(int(GAP_SECONDS * RATE), dtype=np.float32)
    pieces, spans, position = [], [], 0
    for u in utts:
        wave = load_audio(u.path)
        spans.append(Span(position / RATE, (position + len(wave)) / RATE, units.normalize(u.text), u.path))
        pieces += [wave, gap]
        position += len(wave) + len(gap)
    os.makedirs(os.path.dirname(os.path.abspath(out_audio)), exist_ok=True)
    soundfile.write(out_audio + ".partial.flac", np.concatenate(pieces), RATE)
    write_spans(spans, out_tsv + ".partial")
    os.replace(out_audio + ".partial.flac", out_audio)
    os.replace(out_tsv + ".partial", out_tsv)
    return spans


def write_spans(spans, path):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["start", "end", "path", "text"])
        for s in spans:
            w.writerow([f"{s.start:.3f}", f"{s.end:.3f}", s.path, s.text])


def read_spans(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Span(float(r["start"]), float(r["end"]), r["text"], r["path"]) for r in rows]


def compact(text):
    return units.normalize(text).replace(" ", "")


def content_keywords(texts, nouns, count=40, min_utterances=2):
    """The `count` nouns of 2-4 syllables found in the most utterances (at least `min_utterances`), ties in
    alphabetical order. `nouns(text)` gives a text's nouns (a MeCab tagger's NNG/NNP). A noun inside a
    better-ranked one, or containing one, is skipped, so no keyword's mention is part of another's."""
    seen = {}
    for text in texts:
        for noun in set(nouns(text)):
            word = compact(noun)
            if 2 <= len(word) <= 4 and all(units.is_syllable(c) for c in word):
                seen[word] = seen.get(word, 0) + 1
    ranked = sorted((w for w, n in seen.items() if n >= min_utterances), key=lambda w: (-seen[w], w))
    chosen = []
    for word in ranked:
        if not any(word in other or other in word for other in chosen):
            chosen.append(word)
        if len(chosen) == count:
            break
    return chosen


def mecab_nouns():
    """A noun extractor from python-mecab-ko (pip install python-mecab-ko), for `content_keywords`."""
    import mecab
    tagger = mecab.MeCab()
    return lambda text: [word for word, tag in tagger.pos(text) if tag in NOUN_TAGS]


def write_keywords(keywords, path):
    """The keyword list in the product's CSV format (keyword, topic, variants)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["keyword", "topic", "variants"])
        for k in keywords:
            w.writerow([k, "content", ""])


def write_quiet_events(path):
    """An event log with one viewer count and no sales: `liveinsight align` re-spots a broadcast only once its
    alignment stage can run, and a pseudo-broadcast has no events of its own."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("event_id,timestamp,event_type,product_id,quantity,price,viewer_id,gender,value\n")
        fh.write("e1,0.000,viewer_count,,1,,,,1\n")


def span_of(time, end, spans):
    """The index of the utterance a mention at [time, end] belongs to (its middle inside, with slack), or None."""
    middle = (time + end) / 2
    for i, s in enumerate(spans):
        if s.start - SLACK_SECONDS <= middle <= s.end + SLACK_SECONDS:
            return i
    return None


def label(mentions, spans, keywords):
    """Marks each mention (dicts with keyword, time, end) right or wrong, and counts what the references hold.

    Returns (labels, references): labels[i] is True when mention i is one of the reference occurrences of its
    keyword in its utterance (the first ones in time order take them), and `references` counts the reference
    occurrences of all keywords in all utterances."""
    wanted = set(keywords)
    remaining = {}
    for i, s in enumerate(spans):
        text = s.text.replace(" ", "")
        for k in wanted:
            n = text.count(k)
            if n:
                remaining[(i, k)] = n
    references = sum(remaining.values())
    labels = [False] * len(mentions)
    for i in sorted(range(len(mentions)), key=lambda i: mentions[i]["time"]):
        m = mentions[i]
        key = (span_of(m["time"], m.get("end", m["time"]), spans), m["keyword"])
        if remaining.get(key, 0) > 0:
            remaining[key] -= 1
            labels[i] = True
    return labels, references


def score(mentions, spans, keywords, hours):
    """Recall and false mentions per hour of `mentions` against the references of `spans`."""
    return tally(*label(mentions, spans, keywords), hours)


def tally(labels, references, hours):
    """Recall and false mentions per hour from the labels and reference count that `label` returns, each with its
    95 % interval: a few minutes of speech hold a few false mentions, and one more or less moves the rate a lot."""
    hits = sum(labels)
    false = len(labels) - hits
    return {"references": references, "hits": hits, "false": false, "recall": hits / max(references, 1),
            "recall_interval": recall_interval(hits, references), "false_per_hour": false / hours,
            "false_per_hour_interval": rate_interval(false, hours), "mentions": len(labels)}


def recall_interval(hits, references, z=1.96):
    """Wilson score interval of a proportion (95 % by default); (0, 1) when there is nothing to count."""
    if references == 0:
        return [0.0, 1.0]
    p, n = hits / references, references
    middle = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [float(max(middle - half, 0.0)), float(min(middle + half, 1.0))]


def rate_interval(count, hours, level=0.95):
    """Exact (Garwood) interval of a Poisson rate per hour from `count` events in `hours`."""
    tail = (1 - level) / 2
    low = stats.chi2.ppf(tail, 2 * count) / 2 if count else 0.0
    high = stats.chi2.ppf(1 - tail, 2 * count + 2) / 2
    return [float(low / hours), float(high / hours)]


def transcript_mentions(hypotheses, spans, keywords):
    """Mentions in per-utterance transcripts (another system's), each placed over its whole utterance: every
    occurrence of a keyword in the hypothesis, spaces ignored, counts once."""
    found = []
    for text, s in zip(hypotheses, spans):
        stream = compact(text)
        for k in keywords:
            for _ in range(stream.count(k)):
                found.append({"keyword": k, "time": s.start, "end": s.end, "confidence": 1.0})
    return found


def review_curve(mentions, labels, hours, listens=(25, 50, 100)):
    """What an analyst's listening buys: the false mentions caught by listening to the `listens` least confident
    mentions (as the dashboard sorts them) and rejecting the false ones, the false mentions per hour left, and the
    false ones the same number of listens in no order would catch on average."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i]["confidence"])
    false = len(labels) - sum(labels)
    rows = []
    for count in listens:
        caught = sum(not labels[i] for i in order[:count])
        rows.append({"listens": count, "caught": caught, "false_per_hour_left": (false - caught) / hours,
                     "caught_in_no_order": round(false * min(count, len(mentions)) / max(len(mentions), 1), 1)})
    return rows


def calibration_table(mentions, labels, edges=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)):
    """Of the mentions in each confidence bin, how many are right, and how many their confidences promise (the sum
    of them): rows (low, high, count, right, expected right)."""
    rows = []
    for low, high in zip(edges[:-1], edges[1:]):
        inside = [(m["confidence"], ok) for m, ok in zip(mentions, labels) if low <= m["confidence"] < high]
        rows.append((low, min(high, 1.0), len(inside), sum(ok for _, ok in inside), sum(c for c, _ in inside)))
    return rows
