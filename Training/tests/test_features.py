"""The log-mel definition against independent computations (SciPy's window, the HTK mel formula, a tone)."""
import numpy as np
import scipy.signal

from liveinsight_train import features


def test_periodic_hann_is_scipys():
    assert np.allclose(features.periodic_hann(), scipy.signal.get_window("hann", 400, fftbins=True), atol=1e-12)


def test_htk_mel_scale():
    assert abs(features.hz_to_mel(1000.0) - 2595 * np.log10(1 + 1000 / 700)) < 1e-9
    assert abs(features.mel_to_hz(features.hz_to_mel(3000.0)) - 3000.0) < 1e-6


def test_frames_are_whole_windows_every_hop():
    assert features.frame_count(399) == 0
    assert features.frame_count(400) == 1
    assert features.frame_count(16000) == 1 + (16000 - 400) // 160


def test_a_tone_peaks_in_the_mel_band_around_its_frequency():
    t = np.arange(16000) / 16000
    mel = features.log_mel_numpy(0.5 * np.sin(2 * np.pi * 1000 * t))
    fbank = features.mel_filterbank()
    freqs = np.linspace(0, 8000, fbank.shape[0])
    centres = freqs[fbank.argmax(axis=0)]
    peak = int(np.median(mel.argmax(axis=1)))
    assert abs(centres[peak] - 1000) < 60


def test_silence_hits_the_log_floor():
    mel = features.log_mel_numpy(np.zeros(1600))
    assert mel.shape == (1 + (1600 - 400) // 160, 80)
    assert np.allclose(mel, np.log(features.LOG_FLOOR))
