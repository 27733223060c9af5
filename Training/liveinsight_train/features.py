"""Log-mel features: the reference definition the Swift `Features` target must match.

Conventions (mirrored exactly by Sources/Features/FeatureOptions.swift):
- input: float32 mono samples in [-1, 1] at 16 kHz; no dither, no pre-emphasis, no DC removal;
- frames: 400 samples (25 ms) every 160 samples (10 ms); frame i covers samples [160 i, 160 i + 400);
  only whole frames are produced (no centre padding), so a signal of N >= 400 samples gives
  1 + (N - 400) // 160 frames and a shorter one gives none;
- window: periodic Hann of length 400; FFT size 400 (201 bins); power spectrum |X|^2;
- mel bank: 80 triangular filters, HTK mel scale, 0 Hz .. 8000 Hz, no area normalisation
  (torchaudio.functional.melscale_fbanks(..., norm=None, mel_scale="htk"));
- log: natural log of max(mel energy, 1e-10).
Normalisation (global mean/std) belongs to the acoustic model, not to the features.
"""
import math

import numpy as np

SAMPLE_RATE = 16000
FRAME_LENGTH = 400
HOP_LENGTH = 160
FFT_SIZE = 400
MEL_BINS = 80
LOG_FLOOR = 1e-10


def hz_to_mel(hz):
    return 2595.0 * np.log10(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)


def mel_to_hz(mel):
    return 700.0 * (10.0 ** (np.asarray(mel, dtype=np.float64) / 2595.0) - 1.0)


def mel_filterbank(n_freqs=FFT_SIZE // 2 + 1, f_min=0.0, f_max=SAMPLE_RATE / 2, n_mels=MEL_BINS,
                   sample_rate=SAMPLE_RATE):
    """(n_freqs, n_mels) matrix, the same numbers as torchaudio's melscale_fbanks(norm=None, htk)."""
    all_freqs = np.linspace(0, sample_rate // 2, n_freqs)
    m_pts = np.linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2)
    f_pts = mel_to_hz(m_pts)
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts[None, :] - all_freqs[:, None]
    down = -slopes[:, :-2] / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    return np.maximum(0.0, np.minimum(down, up))


def periodic_hann(length=FRAME_LENGTH):
    n = np.arange(length, dtype=np.float64)
    return 0.5 - 0.5 * np.cos(2.0 * math.pi * n / length)


def frame_count(num_samples):
    return 0 if num_samples < FRAME_LENGTH else 1 + (num_samples - FRAME_LENGTH) // HOP_LENGTH


def log_mel_numpy(samples, dtype=np.float64):
    """Reference log-mel (frames, 80) computed with numpy in `dtype` precision."""
    x = np.asarray(samples, dtype=dtype)
    n = frame_count(len(x))
    if n == 0:
        return np.zeros((0, MEL_BINS), dtype=np.float32)
    idx = np.arange(FRAME_LENGTH)[None, :] + HOP_LENGTH * np.arange(n)[:, None]
    frames = x[idx] * periodic_hann().astype(dtype)[None, :]
    spec = np.fft.rfft(frames, n=FFT_SIZE, axis=1)
    power = (spec.real ** 2 + spec.imag ** 2).astype(dtype)
    mel = power @ mel_filterbank().astype(dtype)
    return np.log(np.maximum(mel, LOG_FLOOR)).astype(np.float32)


def log_mel_torch(waveform):
    """The same features with torch (float32), used by the training recipe on batches.

    waveform: tensor (..., samples). Returns (..., frames, 80).
    """
    import torch

    n = frame_count(waveform.shape[-1])
    if n == 0:
        return waveform.new_zeros(waveform.shape[:-1] + (0, MEL_BINS))
    window = torch.tensor(periodic_hann(), dtype=torch.float32, device=waveform.device)
    spec = torch.stft(waveform, n_fft=FFT_SIZE, hop_length=HOP_LENGTH, win_length=FRAME_LENGTH,
                      window=window, center=False, return_complex=True)
    power = spec.real ** 2 + spec.imag ** 2                      # (..., 201, frames)
    fbank = torch.tensor(mel_filterbank(), dtype=torch.float32, device=waveform.device)
    mel = torch.matmul(power.transpose(-1, -2), fbank)          # (..., frames, 80)
    return torch.log(torch.clamp(mel, min=LOG_FLOOR))
