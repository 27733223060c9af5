"""Give a trained model a narrower subsampling front end without training it again from scratch.

  python3 -m liveinsight_train.narrow_subsampling --checkpoint RUN/ckpt/latest.pt --out NEW_RUN --channels 64 \
      [--steps 1500] [--threads 2]

Why: the front end's second 3x3 convolution costs C x C per output cell. At C = 144 it is the largest single
cost of a training step; with C = 64 a step of the `small` model takes about half the time (measured on
this machine: 1.95 s against 1.05 s for a 12 x 3.3 s batch on one thread), so a CPU session trains about
twice as many steps.

How: the new front end (model.Subsampling with C channels) learns to reproduce the old one's output
(mean squared error on every valid frame) on the synthetic training audio, lightly augmented; the encoder
and output layer never see the difference beyond that error, and the training run that resumes from the
result corrects the rest. Written to NEW_RUN: ckpt/latest.pt (the same model with the new front end, the
optimiser state of every other parameter, the run's step, epoch and RNG states; the new front end's
optimiser state starts afresh), vocab.json, and a log.tsv line. Resume it with train.py --out NEW_RUN.
"""
import argparse
import dataclasses
import json
import math
import os
import sys
import time

import numpy as np
import torch

from . import augment
from . import checkpoint_surgery as surgery
from . import data
from .model import Subsampling, subsampled_length
from .paths import scratch_dir
from .train import feats_batch


def distil(teacher, student, mean, std, store, steps, rng, log_every=50):
    """Trains `student` to reproduce `teacher` on random batches of 8 utterances; returns the last mean
    relative squared error (sum of squared differences / sum of squared teacher outputs)."""
    opt = torch.optim.AdamW(student.parameters(), lr=2e-3, weight_decay=0.0)
    rel, t0 = float("nan"), time.time()
    for step in range(1, steps + 1):
        for g in opt.param_groups:
            g["lr"] = 2e-3 * 0.5 * (1 + math.cos(math.pi * step / steps))
        picks = rng.choice(len(store), size=8, replace=False)
        clean = [store.get(int(k)) for k in picks]
        waves = [augment.augment(w, rng, clean[:j] + clean[j + 1:], 0.5)[0] for j, w in enumerate(clean)]
        feats, lengths = feats_batch(waves)
        x = (feats - mean) / std
        with torch.no_grad():
            target = teacher(x)
        valid = (torch.arange(target.shape[1])[None, :] < subsampled_length(lengths)[:, None]).float()[..., None]
        diff = ((student(x) - target) ** 2 * valid).sum()
        loss = diff / valid.sum() / target.shape[-1]
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        rel = float(diff.detach() / ((target ** 2) * valid).sum())
        if step % log_every == 0 or step == steps:
            print(f"step {step}/{steps} relative error {rel:.4f} ({time.time() - t0:.0f} s)", flush=True)
    return rel


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True, help="a train.py checkpoint (ckpt/latest.pt)")
    ap.add_argument("--out", required=True, help="the new run's folder (must not hold a checkpoint yet)")
    ap.add_argument("--channels", type=int, default=64)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--synth-dir", default=os.path.join(scratch_dir(), "synth"))
    ap.add_argument("--synthetic", type=int, default=6000, help="the training run's --synthetic")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if os.path.exists(os.path.join(args.out, "ckpt", "latest.pt")):
        sys.exit(f"{args.out} holds a run already: choose a new --out")

    ck, old_cfg = surgery.load(args.checkpoint)
    new_cfg = dataclasses.replace(old_cfg, subsampling_channels=args.channels)
    old, new = surgery.model_like(ck, old_cfg), surgery.model_like(ck, new_cfg)
    old.load_state_dict(ck["model"])
    teacher = old.subsampling.eval()
    torch.manual_seed(args.seed)
    student = Subsampling(new_cfg)
    utts = data.read_manifest(os.path.join(args.synth_dir, "train.tsv"), source="synth")[: args.synthetic]
    store = data.WaveStore(utts, "synth-train")
    print(f"front end {old_cfg.subsampling_channels} -> {args.channels} channels: "
          f"{sum(p.numel() for p in teacher.parameters())} -> {sum(p.numel() for p in student.parameters())} "
          f"parameters; distilling on {len(store)} utterances", flush=True)
    rel = distil(teacher, student, old.feat_mean, old.feat_std, store, args.steps,
                 np.random.default_rng([args.seed, 7]))

    state = dict(ck["model"])
    state.update({"subsampling." + k: v for k, v in student.state_dict().items()})
    new.load_state_dict(state)
    surgery.write_run(ck, old, ("subsampling.",), new.state_dict(), new_cfg, new_cfg.vocab, args.out,
                      f"narrowed front end of {os.path.abspath(args.checkpoint)} to {args.channels} channels "
                      f"({args.steps} distillation steps, relative error {rel:.4f}) args={json.dumps(vars(args))}")


if __name__ == "__main__":
    main()
