#!/usr/bin/env python3
"""Writes the log-mel parity fixture for Tests/FeaturesTests.

The input is a Korean seller line synthesised by espeak-ng, resampled to 16 kHz by sox, with a
little seeded white noise mixed in after the first 0.3 s (so the clip has both digital silence —
values at the log floor — and noisy speech). The expected output is the training recipe's
reference features, `Training/liveinsight_train/features.py:log_mel_numpy`, computed in float64. The script also
checks that the recipe's torch path (`log_mel_torch`, what training uses) agrees with it.

Files written here: samples.f32 (float32 little-endian, 16 kHz mono), logmel.f32 (float32, frames × 80,
row-major), logmel.json (shape and provenance).
"""
import json
import os
import subprocess
import tempfile

import numpy as np
import soundfile

HERE = os.path.dirname(os.path.abspath(__file__))
from liveinsight_train import features  # the recipe package: run with PYTHONPATH=Training

TEXT = "자 여러분 이 니트 정말 부드럽죠 오늘 딱 하루 이만 구천 구백 원입니다"


def main():
    with tempfile.TemporaryDirectory() as scratch:
        raw, clip = os.path.join(scratch, "raw.wav"), os.path.join(scratch, "clip.wav")
        subprocess.run(["espeak-ng", "-v", "ko", "-s", "160", "-w", raw, TEXT], check=True)
        subprocess.run(["sox", raw, "-r", "16000", "-b", "16", clip], check=True)
        samples, rate = soundfile.read(clip, dtype="float32")
    assert rate == features.SAMPLE_RATE
    samples = samples[: 3 * rate]
    noise = np.random.default_rng(7).normal(0, 0.003, samples.shape).astype(np.float32)
    noise[: int(0.3 * rate)] = 0
    samples = (samples + noise).astype(np.float32)

    reference = features.log_mel_numpy(samples, dtype=np.float64)
    try:
        import torch
        via_torch = features.log_mel_torch(torch.from_numpy(samples)).numpy()
        print(f"torch vs numpy float64: max |diff| = {np.abs(via_torch - reference).max():.2e}")
    except ImportError:
        print("torch not installed: skipped the torch cross-check")

    samples.astype("<f4").tofile(os.path.join(HERE, "samples.f32"))
    reference.astype("<f4").tofile(os.path.join(HERE, "logmel.f32"))
    with open(os.path.join(HERE, "logmel.json"), "w") as f:
        json.dump({"samples": int(len(samples)), "frames": int(reference.shape[0]), "bins": int(reference.shape[1]),
                   "generator": "Tests/FeaturesTests/Fixtures/make_logmel_fixture.py",
                   "reference": "Training/liveinsight_train/features.py:log_mel_numpy (float64)"}, f, indent=2)
    print(f"{len(samples)} samples -> {reference.shape[0]} frames x {reference.shape[1]} bins; "
          f"log-mel range {reference.min():.3f} .. {reference.max():.3f}")


if __name__ == "__main__":
    main()
