"""Trains the review sentiment model on prepared features, evaluates it on dev and test, exports it.

    PYTHONPATH=Training python3 -m liveinsight_train.sentiment.train --prepared Training/scratch/sentiment \
            --export Models/review-sentiment.lisent --report Training/liveinsight_train/sentiment/report.json

Model (the Swift `SentimentModel` mirrors it; the file format is in `export.py`):
  e = mean of embedding rows of the review's feature ids (EmbeddingBag, `dim` wide)
  h = ReLU(W_h e + b_h)                                          (`hidden` wide)
  p(positive) = sigmoid(w_b · h + b_b)          trained on ratings 1–4 (negative) vs 9–10 (positive)
  p(rating = k) = softmax(W_r h + b_r)_k, k = 1..10            trained on every rating
  stars (0–5) = (E[rating] − 1) · 5 / 9
The embedding is exported as int8 with one float scale per row; the figures reported are the exported model's.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from torch import nn

from . import export


class SentimentModel(nn.Module):
    def __init__(self, buckets: int, dim: int, hidden: int):
        super().__init__()
        self.embedding = nn.EmbeddingBag(buckets, dim, mode="mean", sparse=True)
        nn.init.uniform_(self.embedding.weight, -1 / dim, 1 / dim)
        self.hidden = nn.Linear(dim, hidden)
        self.binary = nn.Linear(hidden, 1)
        self.rating = nn.Linear(hidden, 10)

    def forward(self, ids, offsets):
        h = torch.relu(self.hidden(self.embedding(ids, offsets)))
        return self.binary(h).squeeze(-1), self.rating(h)


def load(prepared: str, split: str, buckets: int, limit: int | None = None):
    data = np.load(os.path.join(prepared, f"{split}.npz"))
    ids, offsets, ratings = data["ids"], data["offsets"], data["ratings"].astype(np.int64)
    if limit is not None and limit < len(ratings):
        ids, offsets, ratings = ids[: offsets[limit]], offsets[: limit + 1], ratings[:limit]
    return ids & (buckets - 1), offsets, ratings


def batch(ids, offsets, rows):
    """CSR rows → (flat ids, bag offsets) tensors."""
    starts, ends = offsets[rows], offsets[rows + 1]
    lengths = ends - starts
    bag = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat = np.repeat(starts - bag, lengths) + np.arange(lengths.sum())
    return torch.from_numpy(ids[flat].astype(np.int64)), torch.from_numpy(bag)


def predict(model, ids, offsets, batch_size=4096):
    """→ (p(positive), expected rating 1..10) for every review."""
    model.eval()
    probabilities, expected = [], []
    stars = torch.arange(1, 11, dtype=torch.float32)
    with torch.no_grad():
        for first in range(0, len(offsets) - 1, batch_size):
            rows = np.arange(first, min(first + batch_size, len(offsets) - 1))
            logit, rating_logits = model(*batch(ids, offsets, rows))
            probabilities.append(torch.sigmoid(logit).numpy())
            expected.append((torch.softmax(rating_logits, -1) * stars).sum(-1).numpy())
    return np.concatenate(probabilities), np.concatenate(expected)


def evaluate(model, ids, offsets, ratings):
    probability, expected = predict(model, ids, offsets)
    binary = (ratings <= 4) | (ratings >= 9)
    truth = ratings[binary] >= 9
    guess = probability[binary] >= 0.5
    recall_pos = float((guess & truth).sum() / max(1, truth.sum()))
    recall_neg = float((~guess & ~truth).sum() / max(1, (~truth).sum()))
    return {
        "binary_reviews": int(binary.sum()),
        "positive_share": round(float(truth.mean()), 4),
        "accuracy": round(float((guess == truth).mean()), 4),
        "balanced_accuracy": round((recall_pos + recall_neg) / 2, 4),
        "recall_positive": round(recall_pos, 4),
        "recall_negative": round(recall_neg, 4),
        "reviews": int(len(ratings)),
        "stars_mae": round(float(np.abs((expected - ratings) * 5 / 9).mean()), 4),
        "stars_mae_baseline": round(float(np.abs((np.median(ratings) - ratings) * 5 / 9).mean()), 4),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prepared", required=True)
    parser.add_argument("--buckets", type=int, default=1 << 20)
    parser.add_argument("--dim", type=int, default=16)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--rating-weight", type=float, default=0.5)
    parser.add_argument("--negative-weight", type=float, default=2.0,
                        help="loss weight of negative reviews in the binary head (1 = as in the data)")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N reviews (experiments)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--export", default=None)
    parser.add_argument("--report", default=None)
    parser.add_argument("--no-test", action="store_true", help="evaluate on dev only (model selection)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.time()

    train_ids, train_offsets, train_ratings = load(args.prepared, "train", args.buckets, args.limit)
    dev = load(args.prepared, "dev", args.buckets)
    model = SentimentModel(args.buckets, args.dim, args.hidden)
    sparse = torch.optim.SparseAdam(list(model.embedding.parameters()), lr=args.lr)
    dense_parameters = [p for n, p in model.named_parameters() if not n.startswith("embedding")]
    dense = torch.optim.Adam(dense_parameters, lr=args.lr / 5)
    binary_mask_all = (train_ratings <= 4) | (train_ratings >= 9)
    bce = nn.BCEWithLogitsLoss(reduction="none")
    ce = nn.CrossEntropyLoss()
    steps_per_epoch = (len(train_ratings) + args.batch - 1) // args.batch
    total_steps = steps_per_epoch * args.epochs
    history = []
    step = 0
    for epoch in range(args.epochs):
        model.train()
        order = rng.permutation(len(train_ratings))
        for first in range(0, len(order), args.batch):
            rows = order[first:first + args.batch]
            scale = 1 - step / total_steps  # linear decay, as fastText
            for optimizer, base in ((sparse, args.lr), (dense, args.lr / 5)):
                for group in optimizer.param_groups:
                    group["lr"] = base * scale
            logit, rating_logits = model(*batch(train_ids, train_offsets, rows))
            ratings = torch.from_numpy(train_ratings[rows])
            mask = torch.from_numpy(binary_mask_all[rows]).float()
            positive = (ratings >= 9).float()
            weight = mask * (positive + (1 - positive) * args.negative_weight)
            loss = (bce(logit, positive) * weight).sum() / weight.sum().clamp(min=1)
            loss = loss + args.rating_weight * ce(rating_logits, ratings - 1)
            sparse.zero_grad()
            dense.zero_grad()
            loss.backward()
            sparse.step()
            dense.step()
            step += 1
        figures = evaluate(model, *dev)
        history.append({"epoch": epoch + 1, "seconds": round(time.time() - started), **figures})
        print(json.dumps(history[-1]), flush=True)
    # The last epoch is the model (the learning rate has decayed to zero there); dev only reports.
    train_seconds = time.time() - started

    dev_float = history[-1]
    export.quantize_embedding_in_place(model)
    report = {"config": vars(args), "train_seconds": round(train_seconds), "history": history,
              "dev_float32": dev_float, "dev": evaluate(model, *dev)}
    if not args.no_test:
        report["test"] = evaluate(model, *load(args.prepared, "test", args.buckets))
    print(json.dumps({k: report[k] for k in ("dev", "test") if k in report}), flush=True)
    if args.export:
        export.write(model, args.export, {"dev": report["dev"], "test": report.get("test"),
                                          "train_seconds": report["train_seconds"]})
        report["export_bytes"] = os.path.getsize(args.export)
    if args.report:
        with open(args.report, "w") as handle:
            json.dump(report, handle, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
