"""The model format document against PyTorch: reference_numpy (written from MODEL_FORMAT.md, float64) on
the committed tiny model reproduces the log-probabilities PyTorch computed for the fixture."""
import json
import os

import numpy as np

from liveinsight_train import export, reference_numpy


def test_numpy_reference_matches_pytorch_fixture(fixtures):
    weights, meta = export.read_safetensors(os.path.join(fixtures, "tiny-model.safetensors"))
    fixture, _ = export.read_safetensors(os.path.join(fixtures, "tiny-fixture.safetensors"))
    log_probs = reference_numpy.forward(weights, json.loads(meta["config"]), fixture["features"])["log_probs"]
    assert log_probs.shape == fixture["log_probs"].shape
    assert np.abs(log_probs - fixture["log_probs"]).max() < 1e-4
