"""The model file format: safetensors written by hand, read back exactly, corruption detected."""
import json

import numpy as np
import pytest

from liveinsight_train import export


def test_round_trip_keeps_values_dtypes_and_metadata(tmp_path):
    arrays = {"a.weight": np.arange(12, dtype=np.float16).reshape(3, 4),
              "a.bias": np.linspace(-1, 1, 5, dtype=np.float32)}
    path = str(tmp_path / "m.safetensors")
    digest = export.write_safetensors(path, arrays, {"format": "test", "config": json.dumps({"d": 1})})
    back, meta = export.read_safetensors(path)
    assert meta["format"] == "test" and meta["data_sha256"] == digest
    for name, value in arrays.items():
        assert back[name].dtype == value.dtype and np.array_equal(back[name], value)


def test_a_flipped_data_byte_fails_the_checksum(tmp_path):
    path = str(tmp_path / "m.safetensors")
    export.write_safetensors(path, {"w": np.ones((4, 4), dtype=np.float32)}, {"format": "test"})
    raw = bytearray(open(path, "rb").read())
    raw[-3] ^= 0x40
    open(path, "wb").write(bytes(raw))
    with pytest.raises(ValueError, match="data_sha256"):
        export.read_safetensors(path)
