"""Reads the review corpus (gz TSV), normalises and featurises every review, writes one .npz per split.

    PYTHONPATH=Training python3 -m liveinsight_train.sentiment.prepare --data ../shared/data/reviews/nsmc_reviews.tsv.gz \
            --out Training/scratch/sentiment

Each `<split>.npz` holds `ids` (int32 buckets modulo 2^22; smaller power-of-two tables mask them further),
`offsets` (CSR, one more than the reviews) and `ratings` (1..10). Nothing of the corpus is committed.
"""
import argparse
import csv
import gzip
import os
import time

import numpy as np

from . import featurize

PREPARED_BUCKETS = 1 << 22


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    texts = {"train": [], "dev": [], "test": []}
    ratings = {"train": [], "dev": [], "test": []}
    csv.field_size_limit(1 << 24)
    with gzip.open(args.data, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            texts[row["split"]].append(featurize.normalise(row["text"]))
            ratings[row["split"]].append(int(row["rating"]))
    print(f"read {sum(map(len, texts.values()))} reviews in {time.time() - started:.0f} s", flush=True)
    for split in texts:
        ids, offsets = featurize.features_corpus(texts[split], PREPARED_BUCKETS)
        np.savez(os.path.join(args.out, f"{split}.npz"), ids=ids, offsets=offsets,
                 ratings=np.asarray(ratings[split], dtype=np.int8))
        print(f"{split}: {len(ratings[split])} reviews, {len(ids)} features ({time.time() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
