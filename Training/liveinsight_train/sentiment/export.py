"""The review sentiment weights file (`.lisent`), written here and read by Swift's `SentimentModelFile`.

Layout (all little-endian):
  bytes 0..7    magic "LISENT1\\n"
  bytes 8..11   UInt32 N, the header's length
  N bytes       UTF-8 JSON header: {"format": "liveinsight-review-sentiment", "version": 1,
                "buckets", "dim", "hidden", "ratings": 10, "max_char_n": 4,
                "tensors": {name: {"dtype": "i8" | "f16" | "f32", "shape": [...], "offset": bytes into data}},
                "data_sha256": hex SHA-256 of the data section, "metrics": {...}}
  the rest      the data section: tensors back to back, row-major, at their offsets
Tensors: embedding.q i8 [buckets, dim] and embedding.scale f16 [buckets] (row r = q[r] · scale[r]);
hidden.weight f32 [hidden, dim], hidden.bias f32 [hidden]; binary.weight f32 [hidden], binary.bias f32 [1];
rating.weight f32 [10, hidden], rating.bias f32 [10] (ratings 1..10 in order).
"""
import hashlib
import json
import struct

import numpy as np
import torch

MAGIC = b"LISENT1\n"


def quantize_embedding_in_place(model):
    """Rounds the embedding to int8 × per-row f16 scale and puts the dequantised rows back, so that every
    later evaluation measures the model as shipped. Keeps (q, scale) on the model for `write`."""
    weight = model.embedding.weight.detach().numpy()
    scale = (np.abs(weight).max(axis=1) / 127).astype(np.float16)
    scale[scale == 0] = np.float16(1)
    q = np.clip(np.rint(weight / scale.astype(np.float32)[:, None]), -127, 127).astype(np.int8)
    model.quantized = (q, scale)
    with torch.no_grad():
        model.embedding.weight.copy_(torch.from_numpy(q.astype(np.float32) * scale.astype(np.float32)[:, None]))


def write(model, path, metrics):
    q, scale = model.quantized
    tensors = [
        ("embedding.q", "i8", q),
        ("embedding.scale", "f16", scale),
        ("hidden.weight", "f32", model.hidden.weight.detach().numpy()),
        ("hidden.bias", "f32", model.hidden.bias.detach().numpy()),
        ("binary.weight", "f32", model.binary.weight.detach().numpy().reshape(-1)),
        ("binary.bias", "f32", model.binary.bias.detach().numpy()),
        ("rating.weight", "f32", model.rating.weight.detach().numpy()),
        ("rating.bias", "f32", model.rating.bias.detach().numpy()),
    ]
    dtypes = {"i8": "<i1", "f16": "<f2", "f32": "<f4"}
    entries, chunks, offset = {}, [], 0
    for name, dtype, array in tensors:
        raw = np.ascontiguousarray(array.astype(dtypes[dtype])).tobytes()
        entries[name] = {"dtype": dtype, "shape": list(array.shape), "offset": offset}
        chunks.append(raw)
        offset += len(raw)
    data = b"".join(chunks)
    header = {
        "format": "liveinsight-review-sentiment", "version": 1,
        "buckets": int(q.shape[0]), "dim": int(q.shape[1]), "hidden": int(model.hidden.weight.shape[0]),
        "ratings": 10, "max_char_n": 4, "tensors": entries,
        "data_sha256": hashlib.sha256(data).hexdigest(), "metrics": metrics,
    }
    encoded = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(MAGIC + struct.pack("<I", len(encoded)) + encoded + data)


def read(path):
    """→ (header, {name: numpy array}); used by the parity fixture script to check the round trip."""
    with open(path, "rb") as handle:
        blob = handle.read()
    assert blob[:8] == MAGIC, f"{path}: not a review sentiment file"
    (length,) = struct.unpack("<I", blob[8:12])
    header = json.loads(blob[12:12 + length])
    data = blob[12 + length:]
    dtypes = {"i8": "<i1", "f16": "<f2", "f32": "<f4"}
    arrays = {}
    for name, entry in header["tensors"].items():
        count = int(np.prod(entry["shape"]))
        arrays[name] = np.frombuffer(data, dtype=dtypes[entry["dtype"]], count=count,
                                     offset=entry["offset"]).reshape(entry["shape"])
    return header, arrays


def load_model(path, model_class):
    """→ (header, a `model_class` instance holding the file's weights, dequantised, in eval mode)."""
    header, arrays = read(path)
    model = model_class(header["buckets"], header["dim"], header["hidden"])
    with torch.no_grad():
        embedding = arrays["embedding.q"].astype(np.float32) * arrays["embedding.scale"].astype(np.float32)[:, None]
        model.embedding.weight.copy_(torch.from_numpy(embedding))
        for name in ("hidden", "rating"):
            getattr(model, name).weight.copy_(torch.from_numpy(arrays[f"{name}.weight"].copy()))
            getattr(model, name).bias.copy_(torch.from_numpy(arrays[f"{name}.bias"].copy()))
        model.binary.weight.copy_(torch.from_numpy(arrays["binary.weight"].reshape(1, -1).copy()))
        model.binary.bias.copy_(torch.from_numpy(arrays["binary.bias"].copy()))
    model.eval()
    return header, model
