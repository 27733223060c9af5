"""Out-of-domain check: the exported model on the demo product reviews (1–5 stars, written for this project).

    PYTHONPATH=Training python3 -m liveinsight_train.sentiment.check_demo --model Models/review-sentiment.lisent --reviews AudioSamples/demo.reviews.csv

Prints binary accuracy of 4–5 stars (positive) against 1–2 stars (negative), raw and balanced, and the mean
absolute error of the predicted 0–5 sentiment against the given stars (which run 1–5, so this error also
holds the scales' different floors; it is a sanity check, not a benchmark).
"""
import argparse
import csv
import json
import os

import numpy as np

from . import export
from . import featurize
from .train import SentimentModel, predict


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--reviews", required=True)
    args = parser.parse_args()
    header, model = export.load_model(args.model, SentimentModel)
    with open(args.reviews, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stars = np.array([float(r["rating"]) for r in rows])
    ids, offsets = featurize.features_corpus([featurize.normalise(r["text"]) for r in rows], header["buckets"])
    probability, expected = predict(model, ids, offsets)
    binary = stars != 3
    truth, guess = stars[binary] >= 4, probability[binary] >= 0.5
    recall_pos = (guess & truth).sum() / truth.sum()
    recall_neg = (~guess & ~truth).sum() / (~truth).sum()
    print(json.dumps({"reviews": len(rows), "binary_reviews": int(binary.sum()),
                      "accuracy": round(float((guess == truth).mean()), 4),
                      "balanced_accuracy": round(float((recall_pos + recall_neg) / 2), 4),
                      "recall_positive": round(float(recall_pos), 4), "recall_negative": round(float(recall_neg), 4),
                      "sentiment_mae_vs_stars": round(float(np.abs((expected - 1) * 5 / 9 - stars).mean()), 4)}))


if __name__ == "__main__":
    main()
