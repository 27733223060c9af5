"""Pack the training speech small enough to travel to a lent GPU machine (gpu_recipe.sh).

  python3 -m liveinsight_train.pack_gpu_data --out .gpudata [--synthetic 1500] [--real-kbps 20] [--synth-kbps 14]

The GPU machine receives the repository and at most 64 MiB besides, and reaches no data of its own. This
writes the real training speech (the emotiontts `train` split, the pansori `train` talks) and the first
--synthetic synthetic utterances with their dev set as Ogg/Opus at low bit rates, with manifests in the
layouts data.py reads: OUT/speech/{emotiontts,pansori}/manifest.tsv (point LIVEINSIGHT_SPEECH_DIR at
OUT/speech) and OUT/synth/{train,dev}.tsv (pass --synth-dir OUT/synth). Test speech is never packed.
Opus at 14-20 kbit/s keeps speech intelligible; its coding noise acts as one more augmentation.

The pack is scratch, ignored by git: the corpora's licences forbid sharing altered copies (pansori,
CC BY-NC-ND), and the pack only lives on the lent machine for the length of one training call.
"""
import argparse
import csv
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

from .data import read_manifest
from .paths import SPEECH_DIR, scratch_dir


def encode(src, dst, kbps):
    """src (FLAC/WAV/Opus) -> dst Ogg/Opus at kbps, 16 kHz mono; skipped when dst exists."""
    if os.path.exists(dst):
        return
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    tmp = dst + ".tmp"
    if src.endswith(".opus"):
        dec = subprocess.run(["opusdec", "--quiet", "--force-wav", "--rate", "16000", src, "-"], check=True,
                             capture_output=True).stdout
        subprocess.run(["opusenc", "--quiet", "--comp", "5", "--bitrate", str(kbps), "-", tmp], input=dec, check=True)
    else:
        subprocess.run(["opusenc", "--quiet", "--comp", "5", "--bitrate", str(kbps), src, tmp], check=True)
    os.replace(tmp, dst)


def pack_corpus(name, keep, out, kbps, jobs):
    """Rows of SPEECH_DIR/name/manifest.tsv for which keep(row) holds, re-encoded under out/speech/name."""
    with open(os.path.join(SPEECH_DIR, name, "manifest.tsv"), encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        fields, rows = reader.fieldnames, [r for r in reader if keep(r)]
    work = []
    for r in rows:
        src = os.path.join(SPEECH_DIR, r["path"])
        r["path"] = os.path.splitext(r["path"])[0] + ".opus"
        work.append((src, os.path.join(out, "speech", r["path"])))
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda w: encode(*w, kbps), work))
    write_tsv(os.path.join(out, "speech", name, "manifest.tsv"), fields, rows)
    return len(rows)


def pack_synthetic(synth_dir, split, limit, out, kbps, jobs):
    utts = read_manifest(os.path.join(synth_dir, f"{split}.tsv"), source="synth")[:limit or None]
    rows, work = [], []
    for i, u in enumerate(utts):
        rel = f"audio/{split}/{i:06d}.opus"
        work.append((u.path, os.path.join(out, "synth", rel)))
        rows.append({"path": rel, "transcript": u.text})
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda w: encode(*w, kbps), work))
    write_tsv(os.path.join(out, "synth", f"{split}.tsv"), ["path", "transcript"], rows)
    return len(rows)


def write_tsv(path, fields, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\",
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    os.replace(path + ".tmp", path)


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--synth-dir", default=os.path.join(scratch_dir(), "synth"))
    ap.add_argument("--synthetic", type=int, default=1500, help="synthetic training utterances to pack")
    ap.add_argument("--real-kbps", type=int, default=20)
    ap.add_argument("--synth-kbps", type=int, default=14)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    counts = {
        "emotiontts": pack_corpus("emotiontts", lambda r: r["split"] == "train", a.out, a.real_kbps, a.jobs),
        "pansori": pack_corpus("pansori", lambda r: r["split"] == "train", a.out, a.real_kbps, a.jobs),
        "synth-train": pack_synthetic(a.synth_dir, "train", a.synthetic, a.out, a.synth_kbps, a.jobs),
        "synth-dev": pack_synthetic(a.synth_dir, "dev", 0, a.out, a.synth_kbps, a.jobs),
    }
    print(", ".join(f"{k} {v}" for k, v in counts.items()) + f"; {folder_bytes(a.out) / 2 ** 20:.1f} MiB in {a.out}")


if __name__ == "__main__":
    main()
