"""The `implicit` library's ALS on the splits CommerceBenchmark exports, for the side-by-side in
Docs/customers.md: same training pairs, same hidden items, same hyperparameters (30 factors, regularisation
0.1, alpha 40, 30 iterations, conjugate gradient), one thread, precision/recall/nDCG@15 computed as the
Swift evaluation does (never items bought in training).

    .build/release/CommerceBenchmark DATA --export-splits /tmp/commerce-splits
    python3 Benchmarks/CommerceBenchmark/implicit_als.py /tmp/commerce-splits > Benchmarks/commerce-implicit.json

Needs `pip install implicit==0.7.3` (not a project dependency). Note: implicit uses confidence alpha * r
where the Swift ALS uses 1 + alpha * r (Hu et al.); with r >= 1 the two differ by one in 40.
"""
import json
import math
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import scipy.sparse as sp
import implicit
from implicit.als import AlternatingLeastSquares


def load(folder, name):
    users, items = map(int, open(f"{folder}/{name}-shape.tsv").read().split())
    train = np.loadtxt(f"{folder}/{name}-train.tsv", skiprows=1, dtype=np.int64, ndmin=2)
    hidden_rows = np.loadtxt(f"{folder}/{name}-hidden.tsv", skiprows=1, dtype=np.int64, ndmin=2)
    matrix = sp.csr_matrix((train[:, 2].astype(np.float32), (train[:, 0], train[:, 1])), shape=(users, items))
    hidden = {}
    for u, i in hidden_rows:
        hidden.setdefault(int(u), set()).add(int(i))
    return matrix, hidden


def evaluate(name, folder, k=15):
    matrix, hidden = load(folder, name)
    model = AlternatingLeastSquares(factors=30, regularization=0.1, alpha=40.0, iterations=30,
                                    use_cg=True, use_gpu=False, num_threads=1, random_state=42)
    start = time.perf_counter()
    model.fit(matrix, show_progress=False)
    fit_seconds = time.perf_counter() - start
    customers = sorted(hidden)
    ids, _ = model.recommend(np.array(customers), matrix[customers], N=k, filter_already_liked_items=True)
    precision = recall = ndcg = 0.0
    recommended = set()
    for row, u in enumerate(customers):
        items = [int(i) for i in ids[row] if i >= 0][:k]
        recommended.update(items)
        gains = [1.0 / math.log2(rank + 2) for rank, i in enumerate(items) if i in hidden[u]]
        ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(k, len(hidden[u]))))
        precision += len(gains) / k
        recall += len(gains) / len(hidden[u])
        ndcg += sum(gains) / ideal if ideal else 0.0
    n = len(customers)
    return {"split": name, "method": f"implicit {implicit.__version__} ALS (cg, 1 thread)", "customers": n, "k": k,
            "precision": precision / n, "recall": recall / n, "ndcg": ndcg / n,
            "coverage": len(recommended) / matrix.shape[1], "fitSeconds": fit_seconds}


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/commerce-splits"
    print(json.dumps([evaluate(name, folder) for name in ("random", "time")], indent=2))
