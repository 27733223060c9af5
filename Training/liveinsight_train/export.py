"""Export a checkpoint to the engine's model file (safetensors, written by hand) and load it back.

File layout (https://github.com/huggingface/safetensors format):
  8 bytes  little-endian u64 N = header length
  N bytes  UTF-8 JSON header, padded with spaces to a multiple of 8 bytes
  data     tensor bytes, little-endian, row-major, concatenated in the order of the header's
           data_offsets (tensors sorted by name)
Header: {"__metadata__": {...}, "<tensor name>": {"dtype": "F32"|"F16", "shape": [...],
         "data_offsets": [begin, end]}, ...}; offsets are relative to the start of the data section.
__metadata__ (all values are strings, as safetensors requires):
  format "liveinsight-ctc", format_version "1", config (JSON: see MODEL_FORMAT.md),
  data_sha256 (hex SHA-256 of the whole data section), source (the checkpoint it came from).
dtype policy: `--dtype float16` stores every tensor with 2+ dimensions as F16 and every 1-D tensor
(biases, LayerNorm/BatchNorm parameters and statistics, feature mean/std) as F32; `--dtype float32`
stores all as F32. The engine converts everything to float32 on load.

  python3 -m liveinsight_train.export CHECKPOINT.pt OUT.safetensors [--dtype float16|float32]
  python3 -m liveinsight_train.export FIRST.safetensors OUT.safetensors --ensemble-with SECOND.safetensors ...

An ensemble file (MODEL_FORMAT.md section 5) is the first member's weights with a configuration naming the other
members, which lie beside it; it drops the first member's calibration, which `ship_model.sh` measures again.
"""
import argparse
import hashlib
import json
import os
import struct

import numpy as np

# PyTorch and the model are imported where a model is built: reading and writing the file needs NumPy alone
# (the pytest suite and the language model's tools run without PyTorch).

FORMAT = "liveinsight-ctc"
FORMAT_VERSION = "1"


def state_to_arrays(state_dict, dtype="float16"):
    arrays = {}
    for name, t in state_dict.items():
        if name.endswith("num_batches_tracked"):
            continue
        a = t.detach().cpu().float().numpy()
        if dtype == "float16" and a.ndim >= 2:
            a = a.astype(np.float16)
        arrays[name] = np.ascontiguousarray(a)
    return arrays


def write_safetensors(path, arrays, metadata):
    names = sorted(arrays)
    header = {}
    offset = 0
    blobs = []
    for n in names:
        a = arrays[n]
        code = {np.dtype(np.float32): "F32", np.dtype(np.float16): "F16", np.dtype(np.int32): "I32"}[a.dtype]
        b = a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes(order="C")
        header[n] = {"dtype": code, "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        blobs.append(b)
    data = b"".join(blobs)
    meta = dict(metadata)
    meta["data_sha256"] = hashlib.sha256(data).hexdigest()
    header = {"__metadata__": meta, **header}
    hb = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    hb += b" " * ((8 - len(hb) % 8) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(struct.pack("<Q", len(hb)))
        fh.write(hb)
        fh.write(data)
    os.replace(tmp, path)
    return meta["data_sha256"]


def read_safetensors(path, verify=True):
    with open(path, "rb") as fh:
        raw = fh.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    if verify and "data_sha256" in meta:
        got = hashlib.sha256(data).hexdigest()
        if got != meta["data_sha256"]:
            raise ValueError(f"{path}: data_sha256 mismatch ({got} != {meta['data_sha256']})")
    arrays = {}
    for name, h in header.items():
        dt = {"F32": np.float32, "F16": np.float16, "I32": np.int32}[h["dtype"]]
        b, e = h["data_offsets"]
        arrays[name] = np.frombuffer(data[b:e], dtype=np.dtype(dt).newbyteorder("<")).reshape(h["shape"])
    return arrays, meta


def record_calibration(path, **values):
    """Add calibrated values (emission_delay, spotting_threshold, ...) to a model file's configuration; a value
    of None removes that entry. Only the header changes; the weights and their data_sha256 stay as they are."""
    arrays, meta = read_safetensors(path)
    config = json.loads(meta.pop("config"))
    for key, value in values.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    meta.pop("data_sha256", None)
    write_safetensors(path, arrays, {**meta, "config": json.dumps(config, ensure_ascii=False)})


def config_from_json(text):
    d = json.loads(text)
    from .model import ModelConfig
    return ModelConfig(**{k: v for k, v in d.items() if k in ModelConfig.__dataclass_fields__})


def export_model(model, path, dtype="float16", source=""):
    meta = {"format": FORMAT, "format_version": FORMAT_VERSION, "config": model.config.to_json(), "source": source}
    return write_safetensors(path, state_to_arrays(model.exportable_state_dict(), dtype), meta)


def model_from_checkpoint(ck):
    """A training checkpoint (dict) -> ConformerCTC in eval mode, with its jamo output table (folded in by
    `exportable_state_dict`) and without its jamo CTC head (which no evaluation or export uses)."""
    from .model import ConformerCTC
    cfg = config_from_json(ck["config"])
    cfg.dropout = 0.0
    model = ConformerCTC(cfg, jamo_output=any(k.startswith("jamo_output.") for k in ck["model"]))
    model.load_state_dict({k: v for k, v in ck["model"].items() if not k.startswith("jamo_ctc.")})
    model.eval()
    return model


def export_checkpoint(ckpt_path, out_path, dtype="float16"):
    import torch
    model = model_from_checkpoint(torch.load(ckpt_path, map_location="cpu", weights_only=False))
    sha = export_model(model, out_path, dtype, source=os.path.basename(ckpt_path))
    print(f"exported {ckpt_path} -> {out_path} ({os.path.getsize(out_path) / 1e6:.2f} MB, {dtype}, sha256 {sha[:16]}...)")
    return out_path


def load_model(path):
    """Model file -> ConformerCTC in eval mode (float32), exactly the weights the engine sees; an ensemble file
    (its configuration lists `ensemble` members, MODEL_FORMAT.md section 5) -> `Ensemble` of it and its members."""
    arrays, meta = read_safetensors(path)
    assert meta.get("format") == FORMAT, meta.get("format")
    model = model_from_arrays(arrays, meta)
    members = json.loads(meta["config"]).get("ensemble", [])
    if not members:
        return model
    from .model import Ensemble
    return Ensemble([model] + [load_member(path, m) for m in members]).eval()


def model_from_arrays(arrays, meta):
    import torch

    from .model import ConformerCTC
    cfg = config_from_json(meta["config"])
    cfg.dropout = 0.0
    model = ConformerCTC(cfg)
    sd = model.state_dict()
    for k in sd:
        if k.endswith("num_batches_tracked"):
            continue
        sd[k] = torch.from_numpy(arrays[k].astype(np.float32))
    model.load_state_dict(sd)
    model.eval()
    return model


def load_member(path, member):
    """One member of the ensemble file at `path`: the file it names beside it, with the weights it names."""
    member_path = os.path.join(os.path.dirname(path), member["file"])
    arrays, meta = read_safetensors(member_path)
    if meta.get("data_sha256") != member["data_sha256"]:
        raise ValueError(f"{path}: ensemble member {member['file']} has other weights than it was calibrated with")
    if json.loads(meta["config"]).get("ensemble"):
        raise ValueError(f"{path}: ensemble member {member['file']} is itself an ensemble")
    return model_from_arrays(arrays, meta)


def copy_model(source, destination):
    """Copy a model file to `destination`, with its ensemble members beside it (the engine looks for them there)."""
    import shutil
    shutil.copyfile(source, destination)
    _, meta = read_safetensors(source, verify=False)
    for member in json.loads(meta["config"]).get("ensemble", []):
        shutil.copyfile(os.path.join(os.path.dirname(source), member["file"]),
                        os.path.join(os.path.dirname(destination), member["file"]))


CALIBRATION_KEYS = ("emission_delay", "spotting_threshold", "hotword_boost", "lm_weight", "lm_unit_bonus",
                    "mention_calibration", "mention_floor")


def make_ensemble(primary, members, out):
    """Write `out`: `primary`'s weights with a configuration that lists `members` (copied beside `out` where
    they are not there already) and none of `primary`'s calibration, which was for it alone."""
    import shutil
    arrays, meta = read_safetensors(primary)
    config = {k: v for k, v in json.loads(meta["config"]).items() if k not in CALIBRATION_KEYS}
    config["ensemble"] = []
    for member in members:
        beside = os.path.join(os.path.dirname(os.path.abspath(out)), os.path.basename(member))
        if os.path.abspath(member) != beside:
            shutil.copyfile(member, beside)
        _, member_meta = read_safetensors(beside)
        assert json.loads(member_meta["config"])["vocab"] == config["vocab"], f"{member}: another vocabulary"
        config["ensemble"].append({"file": os.path.basename(member), "data_sha256": member_meta["data_sha256"]})
    meta = {k: v for k, v in meta.items() if k != "data_sha256"}
    write_safetensors(out, arrays, {**meta, "config": json.dumps(config, ensure_ascii=False)})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", help="a training checkpoint (.pt), or with --ensemble-with the first member's "
                    "model file (.safetensors)")
    ap.add_argument("out")
    ap.add_argument("--dtype", default="float16", choices=["float16", "float32"])
    ap.add_argument("--ensemble-with", nargs="+", metavar="MODEL", help="write an ensemble file instead")
    a = ap.parse_args()
    if a.ensemble_with:
        make_ensemble(a.checkpoint, a.ensemble_with, a.out)
        print(f"ensemble -> {a.out}: {a.checkpoint} with {', '.join(a.ensemble_with)}")
    else:
        export_checkpoint(a.checkpoint, a.out, a.dtype)


if __name__ == "__main__":
    main()
