"""Train the Conformer-CTC acoustic model; resumable; logs loss and dev CER; exports the best checkpoint.

  python3 -m liveinsight_train.train --config small --out DIR [--synthetic 6000] [--real|--no-real]
                            [--manifest extra.tsv ...] [--seed 1] [--threads 2] [--max-hours H]
                            [--init-from Models/ko-ctc-small.safetensors] [--device cuda --workers 7] [--bf16]

Re-running the same command resumes from DIR/ckpt/latest.pt (model, optimiser, LR schedule, RNG states,
epoch and batch position). The batch order of an epoch and the augmentation of every utterance are drawn
from (seed, epoch, batch index), so a resumed run continues the same data stream.

Data: the first --synthetic utterances of SCRATCH/synth/train.tsv (synthesised first if missing, see
synthesize.py), the real speech (--real, default): the emotiontts `train` split minus its dev sentences and
the pansori `train` talks minus its dev talks (data.py), repeated --real-repeat times per epoch, each time
with a different augmentation; and any --manifest TSVs.
Dev (for model selection, greedy CER): SCRATCH/synth/dev.tsv, and the real dev sets pooled (emotiontts dev
sentences, pansori dev talks).

--init-from MODEL starts a new run from a model file's weights (and units) instead of random weights, with a
fresh optimiser: how training continues on a machine that has only the shipped model. --device cuda trains on
a GPU (bf16 autocast; CTC in float32); --bf16 autocasts on a CPU too, which pays where the CPU has native bf16
(AVX512-BF16, AMX) and costs where it has not; --workers N augments and featurises batches in N processes,
which a GPU needs to be kept busy. None of them changes what data a step sees.

--teacher MODEL adds knowledge distillation: beside CTC on the transcripts, the model learns the teacher's
frame posteriors on the same (augmented) input, weighted by --distill-weight. A larger configuration trained
from scratch this way skips the long CTC plateau (the teacher already knows where each unit sits in time),
which is what lets the GPU recipe's `medium` model get somewhere in minutes. The teacher needs the same units
and frame rate (every configuration subsamples by 4).

Writes: DIR/log.tsv (train loss every --log-every steps, dev CER at every evaluation), DIR/vocab.json,
DIR/ckpt/latest.pt (every --ckpt-minutes), DIR/ckpt/best.pt (lowest dev score = mean of the synthetic and
real dev CER), DIR/model.safetensors (export of best.pt, at the end or with --export-only).
"""
import argparse
import collections
import json
import math
import os
import random
import signal
import time

import numpy as np
import torch

from . import augment
from . import export
from . import data
from . import units
from .features import log_mel_torch
from .model import (CONFIGS, TRAINING_ONLY_PREFIXES, ModelConfig, build_model, count_params, own_model,
                   fold_jamo_output)
from .paths import scratch_dir

STOP = {"flag": False}


def on_signal(signum, frame):
    STOP["flag"] = True


def log_line(path, fields):
    new = not os.path.exists(path)
    with open(path, "a", encoding="utf-8") as fh:
        if new:
            fh.write("time\tstep\tepoch\tkind\tloss\tlr\tsynth_dev_cer\treal_dev_cer\tnote\n")
        fh.write("\t".join(str(f) for f in fields) + "\n")


def mixed_precision(device, cpu_bf16=False):
    """The autocast context of a training step: bf16 on a GPU always, on a CPU when asked (`--bf16`)."""
    return torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda" or cpu_bf16)


def distillation_loss(student, teacher, lengths):
    """KL(teacher ‖ student) per frame, averaged over the frames within `lengths`; both (batch, frames, units)
    log-probabilities."""
    frames = torch.arange(student.shape[1], device=student.device)[None, :] < lengths.to(student.device)[:, None]
    kl = (teacher.exp() * (teacher - student)).sum(-1)
    return (kl * frames).sum() / frames.sum().clamp(min=1)


def lr_at(step, peak, warmup):
    step = max(step, 1)
    return peak * min(step / warmup, math.sqrt(warmup / step))


def anneal_factor(elapsed_hours, max_hours, anneal_minutes, floor=0.1):
    """1 until the last `anneal_minutes` of a `max_hours` process, then linearly down to `floor` at the end.
    A short decay before stopping gives a better checkpoint to ship; the next resume without --anneal-minutes
    goes back to the schedule."""
    if not (max_hours and anneal_minutes):
        return 1.0
    left = max_hours * 60 - elapsed_hours * 60
    return 1.0 if left >= anneal_minutes else floor + (1 - floor) * max(left, 0.0) / anneal_minutes


def feats_batch(waves):
    feats = [log_mel_torch(torch.from_numpy(np.ascontiguousarray(w, dtype=np.float32))) for w in waves]
    lengths = torch.tensor([f.shape[0] for f in feats], dtype=torch.long)
    T = int(lengths.max())
    out = torch.zeros(len(feats), T, 80)
    for i, f in enumerate(feats):
        out[i, :f.shape[0]] = f
    return out, lengths


@torch.no_grad()
def evaluate(model, corpus, vocab, max_batch_seconds=120.0, limit=None):
    """Greedy CER (spaces removed) over a Corpus. Returns (cer, n_utts, examples, (edits, ref_chars))."""
    model.eval()
    device = model.feat_mean.device
    items = corpus.items[:limit] if limit else corpus.items
    order = sorted(range(len(items)), key=lambda k: items[k][2])
    edits = total = 0
    examples = []
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and items[order[j]][2] * (j - i + 1) <= max_batch_seconds:
            j += 1
        j = max(j, i + 1)
        idx = order[i:j]
        waves = [corpus.store.get(items[k][0]) for k in idx]
        feats, lengths = feats_batch(waves)
        lp, ol = model(feats.to(device), lengths.to(device))
        best = lp.argmax(-1).cpu()
        for b, k in enumerate(idx):
            hyp = vocab.greedy(best[b, :int(ol[b])].tolist())
            ref = items[k][3].text
            e, n = units.cer_counts(hyp, ref)
            edits += e
            total += n
            if len(examples) < 3 and b == 0:
                examples.append((units.normalize(ref), hyp))
        i = j
    model.train()
    return edits / max(total, 1), len(items), examples, (edits, total)


class TrainingBatches(torch.utils.data.Dataset):
    """Batch `i` of one epoch, augmented and featurised: (feats, lengths, targets, seconds of audio).

    A pure function of (seed, epoch, i) and the augmentation phase, so the batches are the same whether they are
    made in this process or in DataLoader workers, and a resumed run sees the data it would have seen."""

    def __init__(self, corpora, batches, seed, epoch, strength, specaug, mean_fill):
        self.corpora, self.batches, self.seed, self.epoch = corpora, batches, seed, epoch
        self.strength, self.specaug, self.mean_fill = strength, specaug, mean_fill

    def __len__(self):
        return len(self.batches)

    def __getitem__(self, bi):
        keys = self.batches[bi]
        rng = np.random.default_rng([self.seed, self.epoch, bi])
        clean = [self.corpora[ci][0].store.get(self.corpora[ci][0].items[k][0]) for ci, k in keys]
        waves = [augment.augment(w, rng, clean[:j] + clean[j + 1:], self.strength)[0] for j, w in enumerate(clean)]
        feats, lengths = feats_batch(waves)
        if self.specaug:
            g = torch.Generator().manual_seed(int(rng.integers(2 ** 31)))
            augment.spec_augment(feats, lengths, self.mean_fill, g)
        targets = [self.corpora[ci][0].items[k][1] for ci, k in keys]
        return feats, lengths, targets, float(sum(len(w) for w in waves)) / 16000


def one_thread_worker(_):
    torch.set_num_threads(1)


def batch_stream(dataset, first, workers):
    """The dataset's batches from index `first` on, made by `workers` processes (0 = in this process)."""
    if workers == 0:
        return (dataset[i] for i in range(first, len(dataset)))
    return iter(torch.utils.data.DataLoader(dataset, batch_size=None, sampler=range(first, len(dataset)),
                                            num_workers=workers, prefetch_factor=6, worker_init_fn=one_thread_worker))


TRAINING_ONLY_PARTS = tuple(prefix.rstrip(".") for prefix in TRAINING_ONLY_PREFIXES)  # model attribute names


def make_optimizer(model, args):
    """AdamW with one named parameter group per training-only part (model.JamoOutput, model.JamoCTCHead)
    and one for the rest, so a checkpoint from a run with or without either part resumes with the other
    groups' optimiser state intact."""
    groups = [{"name": name, "params": list(getattr(model, name).parameters())}
              for name in TRAINING_ONLY_PARTS if getattr(model, name) is not None]
    extra = [p for g in groups for p in g["params"]]
    base = [p for p in model.parameters() if all(p is not q for q in extra)]
    return torch.optim.AdamW([{"name": "base", "params": base}] + groups, lr=args.lr, betas=(0.9, 0.98),
                             weight_decay=args.weight_decay)


def load_training_state(model, opt, ck):
    """Model and optimiser state from a checkpoint whose run may have had each training-only part or not.
    A part the checkpoint lacks starts afresh; one this run drops is folded in (the jamo table) or left out."""
    head = {k: v for k, v in ck["model"].items() if k.startswith("jamo_ctc.")}
    if model.jamo_output is not None:
        saved = {k: v for k, v in ck["model"].items() if k not in head}
    else:
        saved = fold_jamo_output(ck["model"], model.config.vocab)
    if model.jamo_ctc is not None:
        saved.update(head)
    missing, unexpected = model.load_state_dict(saved, strict=False)
    assert not unexpected and all(k.startswith(TRAINING_ONLY_PREFIXES) for k in missing), (missing, unexpected)
    saved_opt = ck["opt"]
    for i, g in enumerate(saved_opt["param_groups"]):
        if "name" not in g:  # a checkpoint from before named groups: base, then the jamo table
            g["name"] = ("base", "jamo_output")[i]
    by_name = {g["name"]: g for g in saved_opt["param_groups"]}
    kept = [g for g in opt.param_groups if g["name"] in by_name]
    fresh = [g for g in opt.param_groups if g["name"] not in by_name]
    state, groups, first = {}, [], 0
    for g in kept:  # the kept groups' parameters, numbered in this optimiser's order
        group = dict(by_name[g["name"]])
        for j, old in enumerate(group["params"]):
            if old in saved_opt["state"]:
                state[first + j] = saved_opt["state"][old]
        group["params"] = list(range(first, first + len(group["params"])))
        first += len(group["params"])
        groups.append(group)
    opt.param_groups = kept
    opt.load_state_dict({"state": state, "param_groups": groups})
    for g in fresh:
        opt.add_param_group(g)
        print(f"{g['name']}: new in this run, its optimiser state starts afresh", flush=True)


def build_vocab(args, synth_train):
    if args.init_from:
        return units.Vocab(export.config_from_json(export.read_safetensors(args.init_from)[1]["config"]).vocab)
    if args.units == "jamo":
        return units.Vocab.jamo_units()
    from . import commerce_text
    texts = [u.text for u in synth_train] + [u.text for u in data.emotiontts("train")]
    for m in args.manifest:
        texts += [u.text for u in data.read_manifest(m)]
    texts += [r["spoken"] for r in commerce_text.generate(20000, args.seed, split="train", mode="commerce")]
    words = commerce_text.load_words()
    return units.Vocab.build(texts, words, min_word_count=3)


def feature_stats(corpora, n=400, seed=0):
    rng = np.random.default_rng(seed)
    s = torch.zeros(80, dtype=torch.float64)
    s2 = torch.zeros(80, dtype=torch.float64)
    cnt = 0
    for c in corpora:
        if not len(c):
            continue
        for k in rng.choice(len(c), size=min(n, len(c)), replace=False):
            f = log_mel_torch(torch.from_numpy(c.store.get(c.items[k][0]))).double()
            s += f.sum(0)
            s2 += (f * f).sum(0)
            cnt += f.shape[0]
    mean = s / cnt
    std = (s2 / cnt - mean * mean).clamp(min=1e-6).sqrt()
    return mean.float(), std.float()


def save_atomic(obj, path):
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="small", choices=sorted(CONFIGS))
    ap.add_argument("--out", required=True)
    ap.add_argument("--manifest", action="append", default=[], help="extra TSV corpus (path<TAB>transcript)")
    ap.add_argument("--synthetic", type=int, default=6000, help="synthetic training utterances (0 = none)")
    ap.add_argument("--synth-dir", default=os.path.join(scratch_dir(), "synth"))
    ap.add_argument("--real", dest="real", action="store_true", default=True)
    ap.add_argument("--no-real", dest="real", action="store_false")
    ap.add_argument("--real-repeat", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--weight-decay", type=float, default=1e-3)
    ap.add_argument("--clip", type=float, default=5.0)
    ap.add_argument("--max-batch-seconds", type=float, default=80.0)
    ap.add_argument("--aug-strength", type=float, default=1.0)
    ap.add_argument("--no-specaug", action="store_true")
    ap.add_argument("--aug-on-loss", type=float, default=3.0,
                    help="curriculum: until the train loss averaged over the last 200 steps first falls below this, "
                         "waveform augmentation runs at 0.2 x strength and SpecAugment is off (CTC finds its "
                         "alignments on cleaner data first); 0 = full augmentation from the start")
    ap.add_argument("--aug-phase", choices=["auto", "light", "full"], default="auto",
                    help="auto: the curriculum above decides (and a run stays in full once there); light / full: "
                         "this invocation uses that phase whatever the curriculum says")
    ap.add_argument("--units", choices=["syllable", "jamo"], default="jamo",
                    help="output units of a new run (units.py); a resumed run keeps its vocab.json")
    ap.add_argument("--jamo-output", dest="jamo_output", action="store_true", default=True,
                    help="train the output layer with a shared onset/vowel/coda table added (model.JamoOutput; "
                         "folded in at export, and on resuming with --no-jamo-output)")
    ap.add_argument("--no-jamo-output", dest="jamo_output", action="store_false")
    ap.add_argument("--jamo-ctc-layer", type=int, default=-1,
                    help="add a jamo CTC loss on the output of this encoder block (model.JamoCTCHead; dropped at "
                         "export); -1 = the middle block, 0 = none")
    ap.add_argument("--jamo-ctc-weight", type=float, default=0.3, help="weight of the jamo CTC loss")
    ap.add_argument("--anneal-minutes", type=float, default=0,
                    help="with --max-hours: decay the rate linearly to 0.1x over the last this many minutes")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--max-hours", type=float, default=0, help="stop (checkpoint + export) after this many hours of this process")
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--ckpt-minutes", type=float, default=5.0)
    ap.add_argument("--eval-minutes", type=float, default=20.0)
    ap.add_argument("--log-every", type=int, default=20)
    ap.add_argument("--export-only", action="store_true")
    ap.add_argument("--export-dtype", default="float16", choices=["float16", "float32"])
    ap.add_argument("--init-from", default="", help="a new run starts from this model file's weights and units")
    ap.add_argument("--teacher", default="", help="distil this model file's frame posteriors (same units)")
    ap.add_argument("--distill-weight", type=float, default=1.0, help="weight of the distillation loss")
    ap.add_argument("--device", default="auto", help="cpu, cuda, or auto (cuda when available)")
    ap.add_argument("--workers", type=int, default=0, help="processes that make batches (0 = this one)")
    ap.add_argument("--bf16", action="store_true", help="bf16 autocast on a CPU as well (a GPU always uses it)")
    args = ap.parse_args()

    device = torch.device(("cuda" if torch.cuda.is_available() else "cpu") if args.device == "auto" else args.device)
    torch.set_num_threads(args.threads)
    os.makedirs(os.path.join(args.out, "ckpt"), exist_ok=True)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    logp = os.path.join(args.out, "log.tsv")
    latest = os.path.join(args.out, "ckpt", "latest.pt")
    bestp = os.path.join(args.out, "ckpt", "best.pt")

    if args.export_only:
        export.export_checkpoint(bestp if os.path.exists(bestp) else latest,
                                 os.path.join(args.out, "model.safetensors"), args.export_dtype)
        return

    # ---------------- data ----------------
    synth_train, synth_dev = [], []
    if args.synthetic > 0:
        man = os.path.join(args.synth_dir, "train.tsv")
        have = len(data.read_manifest(man)) if os.path.exists(man) else 0
        if have < args.synthetic:
            from . import synthesize
            for split, n in (("dev", 200), ("test", 300), ("train", args.synthetic)):
                synthesize.synthesize_split(args.synth_dir, split, n, args.seed, max(1, args.threads))
        synth_train = data.read_manifest(man, source="synth")[: args.synthetic]
    if os.path.exists(os.path.join(args.synth_dir, "dev.tsv")):
        synth_dev = data.read_manifest(os.path.join(args.synth_dir, "dev.tsv"), source="synth")
    vpath = os.path.join(args.out, "vocab.json")
    if os.path.exists(vpath):
        vocab = units.Vocab(json.load(open(vpath, encoding="utf-8")))
    else:
        vocab = build_vocab(args, synth_train)
        with open(vpath + ".tmp", "w", encoding="utf-8") as fh:
            json.dump(vocab.tokens, fh, ensure_ascii=False)
        os.replace(vpath + ".tmp", vpath)
    print(f"vocab {len(vocab)} tokens", flush=True)
    args.jamo_output = args.jamo_output and not vocab.jamo  # the table only shares across syllables

    train_corpora = []  # (Corpus, repeat)
    if synth_train:
        train_corpora.append((data.Corpus(synth_train, "synth-train", vocab), 1))
    if args.real:
        train_corpora.append((data.Corpus(data.emotiontts("train"), "emotiontts-train", vocab), args.real_repeat))
        train_corpora.append((data.Corpus(data.pansori("train"), "pansori-train", vocab), args.real_repeat))
    for m in args.manifest:
        train_corpora.append((data.Corpus(data.read_manifest(m), "extra-" + os.path.basename(m), vocab), 1))
    dev_synth = data.Corpus(synth_dev, "synth-dev", vocab) if synth_dev else None
    dev_real = [data.Corpus(data.emotiontts("dev"), "emotiontts-dev", vocab),
                data.Corpus(data.pansori("dev"), "pansori-dev", vocab)]
    entries = []
    for ci, (c, rep) in enumerate(train_corpora):
        for r in range(rep):
            entries += [((ci, k), c.items[k][2]) for k in range(len(c))]
    hours = sum(s for _, s in entries) / 3600
    print("train corpora: " + ", ".join(f"{c.store.__class__.__name__}:{len(c)}x{rep}" for c, rep in train_corpora)
          + f"; {len(entries)} items/epoch, {hours:.2f} h/epoch; dev synth {len(dev_synth) if dev_synth else 0}, "
            f"dev real {'+'.join(str(len(c)) for c in dev_real)}", flush=True)

    # ---------------- model / optimiser ----------------
    # A resumed run keeps its checkpoint's architecture (--config only shapes a new run).
    ck = torch.load(latest, map_location="cpu", weights_only=False) if os.path.exists(latest) else None
    if ck is None:
        torch.manual_seed(args.seed)
    cfg = export.config_from_json(ck["config"]) if ck else ModelConfig(vocab=vocab.tokens, **CONFIGS[args.config])
    if args.jamo_ctc_layer < 0:
        args.jamo_ctc_layer = cfg.n_layers // 2
    model = build_model(cfg, vocab.tokens, jamo_output=args.jamo_output, jamo_ctc_layer=args.jamo_ctc_layer)
    if ck is None and args.init_from:
        source = own_model(export.load_model(args.init_from))  # an ensemble file's own weights
        missing, unexpected = model.load_state_dict(source.state_dict(), strict=False)
        assert not unexpected and all(k.startswith(TRAINING_ONLY_PREFIXES) for k in missing), (missing, unexpected)
    model.to(device)
    teacher = export.load_model(args.teacher).to(device) if args.teacher else None
    if teacher is not None:
        assert teacher.config.vocab == vocab.tokens, "the teacher must have the model's units"
    opt = make_optimizer(model, args)
    state = {"step": 0, "epoch": 0, "batch": 0, "best": float("inf"), "train_seconds": 0.0}
    if ck:
        load_training_state(model, opt, ck)
        state = ck["state"]
        torch.set_rng_state(ck["torch_rng"])
        np.random.set_state(ck["np_rng"])
        random.setstate(ck["py_rng"])
        print(f"resumed from {latest}: step {state['step']} epoch {state['epoch']} batch {state['batch']}", flush=True)
        log_line(logp, [time.strftime("%F %T"), state["step"], state["epoch"], "resume", "", "", "", "",
                        f"{latest} args={json.dumps(vars(args), ensure_ascii=False)}"])
        del ck
    else:
        if not args.init_from:
            mean, std = feature_stats([c for c, _ in train_corpora])
            model.feat_mean.copy_(mean)
            model.feat_std.copy_(std)
        origin = args.init_from or args.config
        print(f"new model {origin}: {count_params(model)} parameters", flush=True)
        log_line(logp, [time.strftime("%F %T"), 0, 0, "start", "", "", "", "",
                        f"{origin} params={count_params(model)} vocab={len(vocab)} items/epoch={len(entries)} "
                        f"hours/epoch={hours:.2f} args={json.dumps(vars(args), ensure_ascii=False)}"])

    def checkpoint():
        save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "state": dict(state),
                     "torch_rng": torch.get_rng_state(), "np_rng": np.random.get_state(),
                     "py_rng": random.getstate(), "config": model.config.to_json(), "args": vars(args)}, latest)

    def run_eval():
        s_cer = evaluate(model, dev_synth, vocab)[0] if dev_synth and len(dev_synth) else float("nan")
        real = [evaluate(model, c, vocab) for c in dev_real if len(c)]
        ex = [e for r in real for e in r[2]]
        edits, chars = (sum(r[3][i] for r in real) for i in (0, 1))
        r_cer = edits / chars if chars else float("nan")
        score = np.nanmean([s_cer, r_cer])
        improved = score < state["best"]
        if improved:
            state["best"] = float(score)
            save_atomic({"model": model.state_dict(), "state": dict(state), "config": model.config.to_json(),
                         "synth_dev_cer": s_cer, "real_dev_cer": r_cer}, bestp)
        note = ("best " if improved else "") + " | ".join(f"{r} => {h}" for r, h in ex[:1])
        log_line(logp, [time.strftime("%F %T"), state["step"], state["epoch"], "dev", "", "",
                        f"{s_cer:.4f}", f"{r_cer:.4f}", note])
        print(f"[dev] step {state['step']} synth CER {s_cer:.3f} real CER {r_cer:.3f} {note}", flush=True)

    ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True, reduction="mean")
    t_start = time.time()
    last_ck = last_eval = time.time()
    run_loss, run_jamo, run_distill, run_n, t_log = 0.0, 0.0, 0.0, 0, time.time()
    recent = collections.deque(maxlen=200)  # the last 200 steps' losses, for the curriculum
    model.train()
    mean_fill = model.feat_mean.detach().cpu().clone()
    state.setdefault("aug_on", args.aug_on_loss <= 0)

    def full_augmentation():
        return state["aug_on"] if args.aug_phase == "auto" else args.aug_phase == "full"
    done = False
    while state["epoch"] < args.epochs and not done:
        ep = state["epoch"]
        batches = data.make_batches(entries, args.max_batch_seconds, np.random.default_rng([args.seed, ep]))
        phase = full_augmentation()
        dataset = TrainingBatches(train_corpora, batches, args.seed, ep,
                                  args.aug_strength if phase else 0.2 * args.aug_strength,
                                  phase and not args.no_specaug, mean_fill)
        for feats, lengths, targets, seconds in batch_stream(dataset, state["batch"], args.workers):
            bi = state["batch"]
            tl = torch.tensor([len(t) for t in targets], dtype=torch.long)
            lr = lr_at(state["step"] + 1, args.lr, args.warmup) * anneal_factor(
                (time.time() - t_start) / 3600, args.max_hours, args.anneal_minutes)
            for pg in opt.param_groups:
                pg["lr"] = lr
            feats, lengths = feats.to(device, non_blocking=True), lengths.to(device)
            with mixed_precision(device, args.bf16):
                lp, ol = model(feats, lengths)
                if teacher is not None:
                    with torch.no_grad():
                        teacher_lp, _ = teacher(feats, lengths)
            loss = ctc(lp.float().transpose(0, 1), torch.tensor([i for t in targets for i in t], device=device), ol,
                       tl.to(device))
            total = loss
            if model.jamo_ctc is not None:
                jamo = [model.jamo_ctc.targets(t) for t in targets]
                jamo_loss = ctc(model.jamo_log_probs.float().transpose(0, 1),
                                torch.tensor([i for t in jamo for i in t], device=device), ol,
                                torch.tensor([len(t) for t in jamo], dtype=torch.long, device=device))
                total = loss + args.jamo_ctc_weight * jamo_loss
                run_jamo += float(jamo_loss.detach())
            if teacher is not None:
                distill = distillation_loss(lp.float(), teacher_lp.float(), ol)
                total = total + args.distill_weight * distill
                run_distill += float(distill.detach())
            opt.zero_grad(set_to_none=True)
            total.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            opt.step()
            state["step"] += 1
            state["batch"] += 1
            state["train_seconds"] += seconds
            recent.append(float(loss.detach()))
            run_loss += recent[-1]
            run_n += 1
            if state["step"] % args.log_every == 0:
                dt = (time.time() - t_log) / run_n
                losses_note = f" jamo_loss={run_jamo / run_n:.4f}" if model.jamo_ctc is not None else ""
                losses_note += f" distill_loss={run_distill / run_n:.4f}" if teacher is not None else ""
                log_line(logp, [time.strftime("%F %T"), state["step"], ep, "train", f"{run_loss / run_n:.4f}",
                                f"{lr:.2e}", "", "", f"{dt:.2f}s/step batch={len(targets)} ep_pos={bi + 1}/{len(batches)}"
                                + losses_note])
                print(f"step {state['step']} ep {ep} {bi + 1}/{len(batches)} loss {run_loss / run_n:.3f} lr {lr:.2e} "
                      f"{dt:.2f}s/step{losses_note}", flush=True)
                if not state["aug_on"] and len(recent) == recent.maxlen and sum(recent) / len(recent) < args.aug_on_loss:
                    state["aug_on"] = True
                    log_line(logp, [time.strftime("%F %T"), state["step"], ep, "note", "", "", "", "",
                                    "full augmentation + SpecAugment from here"])
                run_loss, run_jamo, run_distill, run_n, t_log = 0.0, 0.0, 0.0, 0, time.time()
            now = time.time()
            if now - last_eval > args.eval_minutes * 60:
                run_eval()
                last_eval = time.time()
            if now - last_ck > args.ckpt_minutes * 60:
                checkpoint()
                last_ck = time.time()
            if STOP["flag"] or (args.max_hours and now - t_start > args.max_hours * 3600) or \
                    (args.max_steps and state["step"] >= args.max_steps):
                done = True
                break
            if full_augmentation() != phase:
                break  # the curriculum moved on: the rest of the epoch is made in the new phase
        if not done and state["batch"] >= len(batches):
            state["epoch"] += 1
            state["batch"] = 0
            checkpoint()
            run_eval()
            last_eval = time.time()
    checkpoint()
    if not STOP["flag"]:
        run_eval()
        checkpoint()
    src = bestp if os.path.exists(bestp) else latest
    export.export_checkpoint(src, os.path.join(args.out, "model.safetensors"), args.export_dtype)
    print(f"stopped at step {state['step']}; exported {src}", flush=True)


if __name__ == "__main__":
    main()
