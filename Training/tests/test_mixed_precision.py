"""Training in bf16 on a CPU (train.py --bf16): the shipped model's posteriors on the committed clip stay close to
float32's, and the autocast really takes effect."""
import os

import numpy as np
import torch

from liveinsight_train import export
from liveinsight_train.train import mixed_precision


def test_cpu_bf16_keeps_the_posteriors(fixtures, repo):
    model = export.load_model(os.path.join(repo, "Models", "ko-ctc-small.safetensors")).eval()
    fixture, _ = export.read_safetensors(os.path.join(fixtures, "shipped-fixture.safetensors"))
    features = torch.tensor(fixture["features"])[None]
    lengths = torch.tensor([features.shape[1]])
    cpu = torch.device("cpu")
    with torch.no_grad():
        with mixed_precision(cpu):
            full, _ = model(features, lengths)
        with mixed_precision(cpu, cpu_bf16=True):
            half, _ = model(features, lengths)
    full, half = full[0].float().numpy(), half[0].float().numpy()
    difference = np.abs(np.exp(full) - np.exp(half)).max()
    assert 0 < difference < 0.1, "bf16 changed nothing (autocast off) or too much"
    assert (full.argmax(-1) == half.argmax(-1)).mean() >= 0.9
