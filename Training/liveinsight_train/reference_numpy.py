"""An independent NumPy implementation of MODEL_FORMAT.md, written from the document (not from model.py).

It is what the Swift engine should look like, operation by operation, and it checks the document against
PyTorch: `python3 -m liveinsight_train.reference_numpy MODEL.safetensors FIXTURE.safetensors` prints the largest
differences from the fixture's tensors (and exits 1 if log_probs differ by more than 1e-3).
"""
import json
import sys

import numpy as np

from . import export


def layer_norm(x, w, b, eps):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


def silu(x):
    return x / (1.0 + np.exp(-x))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def conv2d_s2(x, w, b):
    """x (Cin, H, W), w (Cout, Cin, 3, 3), stride 2, no padding -> (Cout, (H-1)//2, (W-1)//2)."""
    cin, H, W = x.shape
    Ho, Wo = (H - 3) // 2 + 1, (W - 3) // 2 + 1
    out = np.zeros((w.shape[0], Ho, Wo), dtype=np.float64)
    for dt in range(3):
        for df in range(3):
            patch = x[:, dt:dt + 2 * Ho:2, df:df + 2 * Wo:2][:, :Ho, :Wo]  # (Cin, Ho, Wo)
            out += np.einsum("oi,ihw->ohw", w[:, :, dt, df], patch)
    return out + b[:, None, None]


def forward(W, cfg, feats):
    f = lambda n: W[n].astype(np.float64)  # noqa: E731
    d, H = cfg["d_model"], cfg["n_heads"]
    h = d // H
    eps, beps = cfg["layer_norm_eps"], cfg["batch_norm_eps"]
    x = (feats.astype(np.float64) - f("feat_mean")) / f("feat_std")
    a = np.maximum(conv2d_s2(x[None], f("subsampling.conv1.weight"), f("subsampling.conv1.bias")), 0)
    bb = np.maximum(conv2d_s2(a, f("subsampling.conv2.weight"), f("subsampling.conv2.bias")), 0)
    C, T, Fq = bb.shape
    u = bb.transpose(1, 0, 2).reshape(T, C * Fq)  # u[t, c*F' + f]
    x = u @ f("subsampling.linear.weight").T + f("subsampling.linear.bias")
    acts = {"subsampled": x.copy()}
    theta = cfg["rope_base"] ** (-2.0 * np.arange(h // 2) / h)
    ang = np.arange(T)[:, None] * theta[None, :]
    cos, sin = np.cos(ang).astype(np.float32).astype(np.float64), np.sin(ang).astype(np.float32).astype(np.float64)

    def rope(z):  # z (T, h)
        z1, z2 = z[:, :h // 2], z[:, h // 2:]
        return np.concatenate([z1 * cos - z2 * sin, z2 * cos + z1 * sin], axis=1)

    def ff(p, v):
        y = layer_norm(v, f(p + "norm.weight"), f(p + "norm.bias"), eps)
        y = silu(y @ f(p + "linear1.weight").T + f(p + "linear1.bias"))
        return y @ f(p + "linear2.weight").T + f(p + "linear2.bias")

    for i in range(cfg["n_layers"]):
        p = f"blocks.{i}."
        x = x + 0.5 * ff(p + "ff1.", x)
        y = layer_norm(x, f(p + "attn.norm.weight"), f(p + "attn.norm.bias"), eps)
        q = y @ f(p + "attn.q.weight").T + f(p + "attn.q.bias")
        k = y @ f(p + "attn.k.weight").T + f(p + "attn.k.bias")
        v = y @ f(p + "attn.v.weight").T + f(p + "attn.v.bias")
        heads = []
        for n in range(H):
            sl = slice(n * h, (n + 1) * h)
            qn, kn = rope(q[:, sl]), rope(k[:, sl])
            s = qn @ kn.T / np.sqrt(h)
            s = np.exp(s - s.max(1, keepdims=True))
            heads.append((s / s.sum(1, keepdims=True)) @ v[:, sl])
        o = np.concatenate(heads, axis=1)
        x = x + o @ f(p + "attn.out.weight").T + f(p + "attn.out.bias")
        y = layer_norm(x, f(p + "conv.norm.weight"), f(p + "conv.norm.bias"), eps)
        z = y @ f(p + "conv.pointwise1.weight")[:, :, 0].T + f(p + "conv.pointwise1.bias")
        g = z[:, :d] * sigmoid(z[:, d:])
        K = cfg["conv_kernel"]
        gp = np.pad(g, ((K // 2, K // 2), (0, 0)))
        dw = f(p + "conv.depthwise.weight")[:, 0, :]  # (d, K)
        e = sum(gp[j:j + T] * dw[:, j] for j in range(K)) + f(p + "conv.depthwise.bias")
        e = (e - f(p + "conv.batch_norm.running_mean")) / np.sqrt(f(p + "conv.batch_norm.running_var") + beps) \
            * f(p + "conv.batch_norm.weight") + f(p + "conv.batch_norm.bias")
        e = silu(e)
        x = x + e @ f(p + "conv.pointwise2.weight")[:, :, 0].T + f(p + "conv.pointwise2.bias")
        x = x + 0.5 * ff(p + "ff2.", x)
        x = layer_norm(x, f(p + "norm.weight"), f(p + "norm.bias"), eps)
        acts[f"block_{i}"] = x.copy()
    logits = x @ f("output.weight").T + f("output.bias")
    m = logits.max(1, keepdims=True)
    lp = logits - m - np.log(np.exp(logits - m).sum(1, keepdims=True))
    acts["logits"] = logits
    acts["log_probs"] = lp
    return acts


def main():
    W, meta = export.read_safetensors(sys.argv[1])
    cfg = json.loads(meta["config"])
    fx, _ = export.read_safetensors(sys.argv[2])
    acts = forward(W, cfg, fx["features"])
    worst = 0.0
    for k, v in acts.items():
        diff = float(np.abs(v - fx[k].astype(np.float64)).max())
        print(f"{k:12s} max|numpy - torch| = {diff:.2e}")
        if k == "log_probs":
            worst = diff
    sys.exit(0 if worst < 1e-3 else 1)


if __name__ == "__main__":
    main()
