"""Waveform augmentation (16 kHz float32 numpy) and SpecAugment (torch), all driven by a numpy Generator.

No noise/music/RIR corpus exists on this machine, so every interfering signal is generated:
- coloured noise: Gaussian noise shaped in the frequency domain by 1/f^alpha, alpha ~ U(-1, 2)
  (blue ... white ... pink ... brown), optionally amplitude-modulated (fan / crowd-like swells);
- babble: 3..7 other training utterances (from the same batch pool), each at a random offset and gain,
  summed -- the "other people talking" of a live broadcast;
- synthetic music: a chord progression (3..4 harmonic voices with 3..8 decaying partials, chords changing
  every 0.25..1 s, ADSR-like envelopes) plus a drum track (kick = decaying 50..90 Hz sine, snare/hi-hat =
  decaying band-passed noise bursts) on a random tempo of 70..160 BPM;
- reverberation: synthetic room impulse responses = direct-path impulse + exponentially decaying Gaussian
  noise tail, amplitude envelope exp(-6.91 t / RT60) (-60 dB at RT60), RT60 ~ U(0.2, 0.8) s, a 0..5 ms
  pre-delay and a random direct-to-reverberant ratio; a one-pole low-pass on the tail darkens it;
- band-limiting: telephone (Butterworth 300..3400 Hz band-pass, then 16 kHz -> 8 kHz -> 16 kHz round trip,
  optionally mu-law 8-bit quantisation) or a random low-pass at 3.5..7 kHz;
- gain: -20..+6 dB (clipped at +-1, so loud gains also add clipping distortion);
- speed perturbation 0.9 / 1.0 / 1.1 (Kaldi-style resampling: tempo and pitch both change).
Noise/music/babble are mixed at an SNR drawn from U(0, 20) dB (signal and noise power measured over the
whole utterance).

`augment(x, rng, babble_pool, strength)` applies a random chain; probabilities are in AUG_PROBS and are
scaled by `strength` (0 = clean). SpecAugment (`spec_augment`) is applied to log-mel batches in train.py:
2 frequency masks of width U{0..15} bins, and 2..5 time masks (2 + one per 3 s of audio, at most 5) of
width U{0..min(40, 0.1 T)} frames, filled with the per-bin training mean (i.e. 0 after normalisation).
"""
import math

import numpy as np
from scipy.signal import butter, fftconvolve, resample_poly, sosfilt

SR = 16000
AUG_PROBS = {"speed": 0.67, "reverb": 0.35, "noise": 0.6, "band": 0.2, "gain": 0.5}


def speed_perturb(x, factor):
    if abs(factor - 1.0) < 1e-6:
        return x
    # factor 1.1 = 10 % faster: resample so that there are 1/1.1 as many samples at the same rate
    up, down = {0.9: (10, 9), 1.1: (10, 11)}.get(round(factor, 2), (100, int(round(100 * factor))))
    return resample_poly(x, up, down).astype(np.float32)


def coloured_noise(n, rng, alpha=None):
    alpha = rng.uniform(-1.0, 2.0) if alpha is None else alpha
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(len(spec), dtype=np.float64)
    f[0] = 1.0
    spec /= f ** (alpha / 2.0)
    y = np.fft.irfft(spec, n)
    if rng.random() < 0.3:  # slow amplitude modulation
        t = np.arange(n) / SR
        y *= 1.0 + 0.6 * np.sin(2 * math.pi * rng.uniform(0.1, 2.0) * t + rng.uniform(0, 6.3))
    return y.astype(np.float32)


def synthetic_music(n, rng):
    t = np.arange(n) / SR
    y = np.zeros(n, dtype=np.float64)
    bpm = rng.uniform(70, 160)
    beat = 60.0 / bpm
    # chords
    pos = 0
    root = rng.integers(40, 60)  # MIDI note
    while pos < n:
        dur = int(SR * rng.uniform(0.25, 1.0))
        seg = slice(pos, min(n, pos + dur))
        tt = t[seg] - t[pos]
        shapes = [[0, 4, 7], [0, 3, 7], [0, 4, 7, 11], [0, 3, 7, 10], [0, 5, 9]]
        chord = root + rng.choice([0, 3, 4, 5, 7, 9]) + np.array(shapes[rng.integers(len(shapes))])
        env = (1 - np.exp(-tt / 0.01)) * np.exp(-tt / rng.uniform(0.2, 1.5))
        for note in chord:
            f0 = 440.0 * 2 ** ((note - 69) / 12)
            for k in range(1, rng.integers(3, 9)):
                if f0 * k > 7500:
                    break
                y[seg] += env * np.sin(2 * math.pi * f0 * k * tt + rng.uniform(0, 6.3)) / k ** rng.uniform(0.8, 2.0)
        pos += dur
    y /= (np.abs(y).max() + 1e-9)
    # drums
    drums = np.zeros(n)
    step = beat / 2
    i = 0
    while True:
        start = int(i * step * SR)
        if start >= n:
            break
        ln = min(n - start, int(0.3 * SR))
        tt = np.arange(ln) / SR
        if i % 2 == 0:  # kick on the beat
            drums[start:start + ln] += np.sin(2 * math.pi * rng.uniform(50, 90) * tt) * np.exp(-tt / 0.08)
        if i % 4 == 2 or rng.random() < 0.3:  # snare / hat
            burst = rng.standard_normal(ln) * np.exp(-tt / rng.uniform(0.02, 0.12))
            drums[start:start + ln] += 0.5 * burst
        i += 1
    drums /= (np.abs(drums).max() + 1e-9)
    mix = rng.uniform(0.3, 1.0) * y + rng.uniform(0.0, 0.8) * drums
    return mix.astype(np.float32)


def babble(n, rng, pool):
    y = np.zeros(n, dtype=np.float32)
    if not pool:
        return coloured_noise(n, rng, alpha=1.0)
    for _ in range(rng.integers(3, 8)):
        s = pool[rng.integers(len(pool))]
        if len(s) == 0:
            continue
        off = rng.integers(-len(s) // 2, n)
        a0, b0 = max(0, off), min(n, off + len(s))
        if b0 <= a0:
            continue
        seg = s[a0 - off:b0 - off]
        y[a0:b0] += seg * rng.uniform(0.3, 1.0) / (np.sqrt(np.mean(seg ** 2)) + 1e-6)
    return y


def add_at_snr(x, noise, snr_db):
    ps = float(np.mean(x ** 2)) + 1e-10
    pn = float(np.mean(noise ** 2)) + 1e-10
    return x + noise * math.sqrt(ps / (pn * 10 ** (snr_db / 10)))


def synthetic_rir(rng, rt60=None):
    rt60 = rng.uniform(0.2, 0.8) if rt60 is None else rt60
    ln = int(SR * min(1.2 * rt60, 1.0))
    t = np.arange(ln) / SR
    tail = rng.standard_normal(ln) * np.exp(-6.91 * t / rt60)
    # darken the tail (one-pole low-pass)
    a = rng.uniform(0.0, 0.7)
    if a > 0:
        tail = sosfilt(np.array([[1 - a, 0, 0, 1, -a, 0]]), tail)
    pre = int(SR * rng.uniform(0, 0.005))
    h = np.zeros(ln + pre)
    drr = 10 ** (rng.uniform(-3, 12) / 20)  # direct-to-reverberant ratio
    tail[: int(0.002 * SR)] = 0
    h[pre:] = tail / (np.sqrt(np.sum(tail ** 2)) + 1e-9)
    h[0] = drr
    return (h / np.abs(h).max()).astype(np.float32)


def reverberate(x, rng):
    y = fftconvolve(x, synthetic_rir(rng))[: len(x)]
    return (y * (np.sqrt(np.mean(x ** 2)) / (np.sqrt(np.mean(y ** 2)) + 1e-9))).astype(np.float32)


_TEL = butter(6, [300, 3400], btype="bandpass", fs=SR, output="sos")


def telephone(x, rng):
    y = sosfilt(_TEL, x)
    y = resample_poly(y, 1, 2)
    if rng.random() < 0.5:  # mu-law 8 bit
        mu = 255.0
        peak = np.abs(y).max() + 1e-9
        z = np.sign(y / peak) * np.log1p(mu * np.abs(y / peak)) / math.log1p(mu)
        z = np.round(z * 127) / 127
        y = peak * np.sign(z) * ((1 + mu) ** np.abs(z) - 1) / mu
    return resample_poly(y, 2, 1)[: len(x)].astype(np.float32)


def lowpass(x, rng):
    sos = butter(8, rng.uniform(3500, 7000), btype="lowpass", fs=SR, output="sos")
    return sosfilt(sos, x).astype(np.float32)


def augment(x, rng, babble_pool=None, strength=1.0, allow_speed=True):
    """Random augmentation chain. Returns (y, tags) where tags lists what was applied."""
    p = {k: min(1.0, v * strength) for k, v in AUG_PROBS.items()}
    tags = []
    x = np.asarray(x, dtype=np.float32)
    if allow_speed and rng.random() < p["speed"]:
        f = 0.9 if rng.random() < 0.5 else 1.1
        x = speed_perturb(x, f)
        tags.append(f"speed{f}")
    if len(x) < 400:
        return x, tags
    if rng.random() < p["reverb"]:
        x = reverberate(x, rng)
        tags.append("reverb")
    if rng.random() < p["noise"]:
        kind = rng.choice(["coloured", "babble", "music"], p=[0.4, 0.3, 0.3])
        n = len(x)
        noise = {"coloured": lambda: coloured_noise(n, rng),
                 "babble": lambda: babble(n, rng, babble_pool),
                 "music": lambda: synthetic_music(n, rng)}[kind]()
        snr = rng.uniform(0, 20)
        x = add_at_snr(x, noise, snr)
        tags.append(f"{kind}@{snr:.0f}dB")
    if rng.random() < p["band"]:
        if rng.random() < 0.6:
            x = telephone(x, rng)
            tags.append("telephone")
        else:
            x = lowpass(x, rng)
            tags.append("lowpass")
    peak = np.abs(x).max() + 1e-9
    if peak > 1.0:
        x = x / peak
    if rng.random() < p["gain"]:
        g = rng.uniform(-20, 6)
        x = np.clip(x * 10 ** (g / 20), -1, 1)
        tags.append(f"gain{g:+.0f}dB")
    return x.astype(np.float32), tags


def spec_augment(feats, lengths, mean, gen, n_freq=2, max_f=15, max_t=40, max_time_masks=5):
    """In-place SpecAugment on a (B, T, 80) torch batch; masked cells get the per-bin `mean` (80,)."""
    import torch

    B, T, Fdim = feats.shape
    for b in range(B):
        L = int(lengths[b])
        for _ in range(n_freq):
            w = int(torch.randint(0, max_f + 1, (1,), generator=gen))
            f0 = int(torch.randint(0, max(1, Fdim - w), (1,), generator=gen))
            if w:
                feats[b, :L, f0:f0 + w] = mean[f0:f0 + w]
        n_t = min(max_time_masks, 2 + L // 300)
        wmax = max(1, min(max_t, int(0.1 * L)))
        for _ in range(n_t):
            w = int(torch.randint(0, wmax + 1, (1,), generator=gen))
            t0 = int(torch.randint(0, max(1, L - w), (1,), generator=gen))
            if w:
                feats[b, t0:t0 + w, :] = mean
    return feats


if __name__ == "__main__":
    import sys
    import time

    import soundfile as sf

    x, sr = sf.read(sys.argv[1], dtype="float32")
    rng = np.random.default_rng(0)
    t0 = time.time()
    for i in range(20):
        y, tags = augment(x, rng, [x])
        print(tags)
    print(f"{(time.time() - t0) / 20 * 1000:.1f} ms per augmentation of {len(x) / sr:.1f} s")
    if len(sys.argv) > 2:
        sf.write(sys.argv[2], y, sr)
