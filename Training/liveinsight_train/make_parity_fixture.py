"""Parity fixtures for the Swift engine: features + reference activations + log-probs for one audio file.

  # the seeded tiny random model (all F32) used by the Swift unit tests
  python3 -m liveinsight_train.make_parity_fixture --make-tiny-model Training/fixtures/tiny-model.safetensors --seed 0
  # a fixture for any exported model and any audio file
  python3 -m liveinsight_train.make_parity_fixture --model Training/fixtures/tiny-model.safetensors \
      --audio Training/fixtures/clip-ko-2s.wav --out Training/fixtures --name tiny

Writes OUT/NAME-fixture.safetensors with float32 tensors
  samples        (N,)        the audio as float32 in [-1, 1] (PCM16 / 32768), 16 kHz mono
  features       (T, 80)     features.log_mel_numpy(samples) (float64 computation, stored as float32)
  normalized     (T, 80)     (features - feat_mean) / feat_std
  subsampled     (T', d)     after the subsampling Linear (input to block 0)
  block_<i>      (T', d)     output of Conformer block i (after its final LayerNorm)
  logits         (T', V)     before log_softmax
  log_probs      (T', V)     the model output
and OUT/NAME-fixture.json with shapes, the greedy token ids and text, the model file's data_sha256 and the
command. All reference numbers are computed in float32 by PyTorch from the features tensor above and the
weights as stored in the model file (F16 weights widened to float32).
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np
import torch
import torch.nn.functional as F

from . import export
from . import features
from . import units
from .model import CONFIGS, ConformerCTC, ModelConfig, own_model
from .paths import FIXTURES

TINY_SYLLABLES = "안녕하세요오늘특가상품입니다여러분지금바로장바구니에담아주삼만구천원두개무료배송내일도착진짜자"


def make_tiny_model(path, seed=0):
    torch.manual_seed(seed)
    syl = sorted(set(TINY_SYLLABLES))
    vocab = [units.BLANK, units.UNK, units.SPACE] + syl
    cfg = ModelConfig(vocab=vocab, dropout=0.0, **CONFIGS["tiny"])
    m = ConformerCTC(cfg)
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        # non-trivial normalisation, LayerNorm and BatchNorm parameters so every term is exercised
        m.feat_mean.copy_(-8.0 + 2.0 * torch.rand(80, generator=g))
        m.feat_std.copy_(2.0 + 2.0 * torch.rand(80, generator=g))
        for name, mod in m.named_modules():
            if isinstance(mod, torch.nn.LayerNorm):
                mod.weight.copy_(1.0 + 0.2 * torch.randn(mod.weight.shape, generator=g))
                mod.bias.copy_(0.1 * torch.randn(mod.bias.shape, generator=g))
            if isinstance(mod, torch.nn.BatchNorm1d):
                mod.weight.copy_(1.0 + 0.2 * torch.randn(mod.weight.shape, generator=g))
                mod.bias.copy_(0.1 * torch.randn(mod.bias.shape, generator=g))
                mod.running_mean.copy_(0.2 * torch.randn(mod.running_mean.shape, generator=g))
                mod.running_var.copy_(0.5 + torch.rand(mod.running_var.shape, generator=g))
    m.eval()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    sha = export.export_model(m, path, dtype="float32", source=f"make_parity_fixture.py --make-tiny-model seed={seed}")
    print(f"tiny model -> {path} ({os.path.getsize(path)} bytes, {sum(p.numel() for p in m.parameters())} params, "
          f"sha256 {sha})")
    return path


def make_clip(path, text="안녕하세요 여러분 오늘 특가 상품입니다", voice="ko+f2", rate=160, pitch=50):
    import soundfile as sf
    from scipy.signal import resample_poly
    tmp = path + ".22k.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-p", str(pitch), "-w", tmp, text], check=True)
    x, sr = sf.read(tmp, dtype="float32")
    os.unlink(tmp)
    y = resample_poly(x, 160, 441) if sr == 22050 else x
    sf.write(path, np.clip(y, -1, 1), 16000, subtype="PCM_16")
    print(f"clip -> {path} ({len(y) / 16000:.2f} s) text={text} voice={voice} rate={rate} pitch={pitch}")
    return path


@torch.no_grad()
def reference(model, feats):
    """The tensors the fixture holds. For an ensemble file the intermediate ones (`normalized` … `logits`) are
    its first member's, and `log_probs` is the ensemble's output."""
    single = own_model(model)
    x = torch.from_numpy(feats)[None]
    out = {}
    n = (x - single.feat_mean) / single.feat_std
    out["normalized"] = n[0]
    h = single.subsampling(n)
    out["subsampled"] = h[0]
    for i, blk in enumerate(single.blocks):
        h = blk(h)
        out[f"block_{i}"] = h[0]
    logits = single.output(h)
    out["logits"] = logits[0]
    out["log_probs"] = F.log_softmax(logits, dim=-1)[0]
    # cross-check against the module's own forward
    lp, _ = model(x)
    if single is model:
        assert torch.allclose(lp[0], out["log_probs"], atol=1e-5)
    out["log_probs"] = lp[0]
    return {k: v.numpy().astype(np.float32) for k, v in out.items()}


def make_fixture(model_path, audio_path, out_dir, name, command):
    import soundfile as sf
    model = export.load_model(model_path)
    _, meta = export.read_safetensors(model_path)
    x, sr = sf.read(audio_path, dtype="float32", always_2d=True)
    assert sr == 16000, "fixture audio must be 16 kHz"
    x = np.ascontiguousarray(x[:, 0])
    feats = features.log_mel_numpy(x)
    ref = reference(model, feats)
    arrays = {"samples": x, "features": feats, **ref}
    os.makedirs(out_dir, exist_ok=True)
    fx = os.path.join(out_dir, f"{name}-fixture.safetensors")
    export.write_safetensors(fx, {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in arrays.items()},
                             {"format": "liveinsight-parity-fixture", "model_data_sha256": meta["data_sha256"],
                              "audio": os.path.basename(audio_path)})
    vocab = units.Vocab(json.loads(meta["config"])["vocab"])
    best = ref["log_probs"].argmax(-1).tolist()
    info = {
        "model": os.path.basename(model_path), "model_data_sha256": meta["data_sha256"],
        "audio": os.path.basename(audio_path), "samples": len(x), "sample_rate": 16000,
        "frames": int(feats.shape[0]), "output_frames": int(ref["log_probs"].shape[0]),
        "vocab_size": len(vocab), "shapes": {k: list(v.shape) for k, v in arrays.items()},
        "argmax_ids": best, "greedy_text": vocab.greedy(best),
        "log_probs_sum": float(ref["log_probs"].astype(np.float64).sum()),
        "features_sum": float(feats.astype(np.float64).sum()),
        "suggested_tolerance": {"features_abs": 1e-3, "log_probs_abs": 1e-3 if "tiny" in name else 5e-3},
        "command": command,
    }
    with open(os.path.join(out_dir, f"{name}-fixture.json"), "w", encoding="utf-8") as fh:
        json.dump(info, fh, ensure_ascii=False, indent=1)
    print(f"fixture -> {fx} ({os.path.getsize(fx)} bytes); greedy: {info['greedy_text']!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--make-tiny-model", metavar="PATH")
    ap.add_argument("--make-clip", metavar="PATH", help="synthesise the ~2 s espeak-ng test clip")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model")
    ap.add_argument("--audio")
    ap.add_argument("--out", default=FIXTURES)
    ap.add_argument("--name", default="fixture")
    a = ap.parse_args()
    torch.set_num_threads(1)
    if a.make_tiny_model:
        make_tiny_model(a.make_tiny_model, a.seed)
    if a.make_clip:
        make_clip(a.make_clip)
    if a.model and a.audio:
        make_fixture(a.model, a.audio, a.out, a.name, "python3 " + " ".join(sys.argv))


if __name__ == "__main__":
    main()
