#!/usr/bin/env python3
"""Regenerates the short Korean test clips in AudioSamples/ with espeak-ng.

Each clip is one seller line, rendered in a different container, rate and channel layout so the
decoder's paths are all exercised: 44.1 kHz stereo FLAC, 8 kHz mono WAV, 22.05 kHz OGG/Vorbis,
48 kHz MP3 and 48 kHz Opus (OGG container). The texts are written for this project.

Needs: espeak-ng and sox (Debian), numpy and soundfile (PyPI; soundfile bundles a libsndfile that
writes MP3 and Opus). Run from the repository root:  python3 AudioSamples/make_samples.py
"""
import os
import subprocess
import tempfile

import numpy as np
import soundfile

HERE = os.path.dirname(os.path.abspath(__file__))

# name, spoken text, voice, rate (words/min), output spec
CLIPS = [
    ("greeting-44k-stereo.flac", "안녕하세요 여러분 오늘 라이브 방송에 오신 걸 환영합니다", "ko", 150,
     dict(rate=44100, channels=2, kind="sox")),
    ("price-8k.wav", "오늘만 특가 삼만 구천 원에 무료 배송까지 해 드려요", "ko+f2", 160,
     dict(rate=8000, channels=1, kind="sox")),
    ("delivery-22k.ogg", "지금 주문하시면 내일 바로 도착합니다", "ko+m3", 140,
     dict(rate=22050, channels=1, kind="sox")),
    ("size-48k.mp3", "사이즈는 에스 엠 엘 세 가지로 준비했어요", "ko+f4", 150,
     dict(rate=48000, channels=1, kind="MP3")),
    ("quality-48k.opus", "품질은 정말 자신 있습니다 장바구니에 담아 주세요", "ko+m1", 150,
     dict(rate=48000, channels=1, kind="OPUS")),
]


def synthesize(text, voice, words_per_minute, path):
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(words_per_minute), "-w", path, text], check=True)


def main():
    with tempfile.TemporaryDirectory() as scratch:
        for name, text, voice, wpm, spec in CLIPS:
            raw = os.path.join(scratch, "raw.wav")
            synthesize(text, voice, wpm, raw)
            out = os.path.join(HERE, name)
            if spec["kind"] == "sox":
                # sox's default high-quality resampler; stereo gets a slightly quieter right channel.
                remix = ["remix", "1", "1v0.8"] if spec["channels"] == 2 else []
                subprocess.run(["sox", raw, "-r", str(spec["rate"]), "-b", "16", out] + remix, check=True)
            else:
                resampled = os.path.join(scratch, "resampled.wav")
                subprocess.run(["sox", raw, "-r", str(spec["rate"]), "-b", "16", resampled], check=True)
                data, rate = soundfile.read(resampled, dtype="float32")
                subtype = "MPEG_LAYER_III" if spec["kind"] == "MP3" else "OPUS"
                container = "MP3" if spec["kind"] == "MP3" else "OGG"
                soundfile.write(out, data, rate, format=container, subtype=subtype)
            info = soundfile.info(out)
            print(f"{name}: {info.samplerate} Hz, {info.channels} ch, {info.duration:.2f} s, {info.format}/{info.subtype}")
        with open(os.path.join(HERE, "clips.tsv"), "w", encoding="utf-8") as f:
            f.write("file\ttext\n")
            for name, text, *_ in CLIPS:
                f.write(f"{name}\t{text}\n")


if __name__ == "__main__":
    main()
