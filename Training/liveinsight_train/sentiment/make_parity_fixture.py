"""Reference outputs of the exported review model, computed by PyTorch, for the Swift parity test.

    PYTHONPATH=Training python3 -m liveinsight_train.sentiment.make_parity_fixture --model Models/review-sentiment.lisent \
            --reviews AudioSamples/demo.reviews.csv --out Tests/ReviewsTests/Fixtures/sentiment-parity.json

Texts: every review of the demo file (written for this project; no corpus text is committed), each review's
first and second half of words, and a few edge cases. For each: the normalised text, PyTorch's positive
probability and expected rating (1..10). For the first 60 texts also the sorted feature ids, computed by the
slow reference `featurize.features_one`.
"""
import argparse
import csv
import json
import os


from . import export
from . import featurize
from .train import SentimentModel, predict

EDGE_CASES = ["", "ㅋㅋㅋㅋㅋㅋㅋ", "!!!", "GOOD 👍 최고", "\u1100\u1161\u11a8 NFD 자모", "별점 4.5점   드려요\t진짜",
              "a", "배송" * 200]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--reviews", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    header, model = export.load_model(args.model, SentimentModel)

    with open(args.reviews, encoding="utf-8", newline="") as handle:
        reviews = [row["text"] for row in csv.DictReader(handle)]
    texts = list(reviews)
    for text in reviews:
        words = text.split()
        if len(words) >= 4:
            texts += [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2:])]
    texts += EDGE_CASES

    normalised = [featurize.normalise(t) for t in texts]
    ids, offsets = featurize.features_corpus(normalised, header["buckets"])
    probability, expected = predict(model, ids, offsets)
    cases = []
    for i, text in enumerate(texts):
        case = {"text": text, "normalized": normalised[i], "probability": float(probability[i]),
                "expected_rating": float(expected[i])}
        if i < 60:
            case["feature_ids"] = sorted(featurize.features_one(text, header["buckets"]))
        cases.append(case)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"model_sha256": header["data_sha256"], "buckets": header["buckets"], "cases": cases},
                  handle, ensure_ascii=False, indent=0)
    print(f"{len(cases)} cases → {args.out}")


if __name__ == "__main__":
    main()
