"""Shared steps of the scripts that change a trained run's architecture without starting it again
(narrow_subsampling.py, change_output_units.py): rebuild a checkpoint's model, find parameters' optimiser
positions, and write the changed model as a new run folder that train.py resumes."""
import argparse
import json
import os
import time

import torch

from .export import config_from_json
from .model import ConformerCTC
from .train import log_line, make_optimizer, save_atomic


def load(path):
    """(checkpoint dict, its ModelConfig) of a train.py checkpoint."""
    ck = torch.load(path, map_location="cpu", weights_only=False)
    return ck, config_from_json(ck["config"])


def model_like(ck, cfg, jamo_output=None):
    """A ConformerCTC of `cfg` with the training-only parts the checkpoint has, or without the jamo output
    table when `jamo_output` is False (the jamo CTC head's block does not matter here: only parameter order
    and shapes are used)."""
    keys = ck["model"].keys()
    if jamo_output is None:
        jamo_output = any(k.startswith("jamo_output.") for k in keys)
    return ConformerCTC(cfg, jamo_output=jamo_output,
                        jamo_ctc_layer=1 if any(k.startswith("jamo_ctc.") for k in keys) else 0)


def positions(model, prefixes):
    """Optimiser-state positions (train.make_optimizer's order) of the parameters named with `prefixes`."""
    names = {id(p): n for n, p in model.named_parameters()}
    args = argparse.Namespace(lr=1e-3, weight_decay=0.0)
    params = [p for g in make_optimizer(model, args).param_groups for p in g["params"]]
    return {i for i, p in enumerate(params) if names[id(p)].startswith(prefixes)}


def write_run(ck, old_model, changed_prefixes, new_state, new_cfg, vocab_tokens, out, note):
    """Writes OUT/ckpt/latest.pt (the new model state; the optimiser state of every parameter except the
    changed ones, which start afresh; the run state with no best score yet), OUT/vocab.json and a log line."""
    target = os.path.join(out, "ckpt", "latest.pt")
    if os.path.exists(target):
        raise SystemExit(f"{target} exists: choose a new --out")
    drop = positions(old_model, changed_prefixes)
    opt = dict(ck["opt"], state={i: s for i, s in ck["opt"]["state"].items() if i not in drop})
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(os.path.join(out, "vocab.json"), "w", encoding="utf-8") as fh:
        json.dump(vocab_tokens, fh, ensure_ascii=False)
    save_atomic(dict(ck, model=new_state, opt=opt, config=new_cfg.to_json(), state=dict(ck["state"], best=float("inf"))),
                target)
    log_line(os.path.join(out, "log.tsv"), [time.strftime("%F %T"), ck["state"]["step"], ck["state"]["epoch"],
                                            "start", "", "", "", "", note])
    print(f"wrote {target}; resume it with train.py --out {out}", flush=True)
