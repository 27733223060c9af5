#!/usr/bin/env bash
# End-to-end benchmark: the whole `liveinsight run` on a generated 2-hour show (issue #21 item 12).
#
#   Benchmarks/EndToEnd/end-to-end.sh [minutes] [out.json]   (default: 120, Benchmarks/EndToEnd/results-2h.json)
#
# Builds the show from the bundled demo broadcast (its audio repeated, OGG/Vorbis like the original; its event log
# repeated with shifted times and ids; its keywords, metadata and reviews as they are), then measures in this run:
#   reference  `liveinsight features` on the show: decoding and log-mel alone, the part no model can speed up
#   run        `liveinsight run` with 1 and with 2 model threads, each in a fresh workspace
# Wall time and peak resident memory come from /usr/bin/time; the figures to compare are the ratios to the reference.
# Needs a release build (`swift build -c release --product liveinsight`), python3 with numpy and soundfile.
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${1:-120}
OUT=${2:-Benchmarks/EndToEnd/results-2h.json}
BIN=.build/release/liveinsight
DEMO=AudioSamples/demo-broadcast
[ -x "$BIN" ] || { echo "build first: swift build -c release --product liveinsight" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/liveinsight-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "building a $MINUTES-minute show from $DEMO …"
python3 - "$DEMO" "$WORK" "$MINUTES" <<'PY'
import csv, sys
import numpy as np, soundfile as sf
demo, work, minutes = sys.argv[1], sys.argv[2], float(sys.argv[3])
audio, rate = sf.read(demo + ".ogg", dtype="float32")
length = int(minutes * 60 * rate)
copies = -(-length // len(audio))
show = np.tile(audio, copies)[:length]
# In 10-second pieces: libsndfile's Vorbis encoder crashes on one very large write.
with sf.SoundFile(work + "/show.ogg", "w", rate, 1, format="OGG", subtype="VORBIS") as target:
    for start in range(0, length, 10 * rate):
        target.write(show[start:start + 10 * rate])
clip_seconds = len(audio) / rate
with open(demo + ".events.csv", newline="", encoding="utf-8") as source:
    rows = list(csv.DictReader(source))
with open(work + "/show.events.csv", "w", newline="", encoding="utf-8") as target:
    writer = csv.DictWriter(target, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    for copy in range(copies):
        for row in rows:
            time = float(row["timestamp"]) + copy * clip_seconds
            if time < length / rate:
                writer.writerow(dict(row, event_id=f"c{copy}-{row['event_id']}", timestamp=f"{time:.3f}"))
PY

# Runs a command under /usr/bin/time; prints "wall-seconds cpu-seconds peak-KiB".
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/log" 2>&1 || { cat "$WORK/log" >&2; exit 1; }
    awk '{ print $1, $2 + $3, $4 }' "$WORK/time"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r ref_s ref_cpu ref_kb < <(measure "$BIN" features "$WORK/show.ogg" --out "$WORK/show.npy")
rm -f "$WORK/show.npy"
declare -A run_s run_cpu run_kb
for threads in 1 2; do
    read -r "run_s[$threads]" "run_cpu[$threads]" "run_kb[$threads]" < <(measure "$BIN" run "$WORK/show.ogg" \
        --events "$WORK/show.events.csv" --keywords "$DEMO.keywords.csv" --meta "$DEMO.meta.json" \
        --reviews AudioSamples/demo.reviews.csv --workspace "$WORK/workspace-$threads" --threads "$threads")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p "$(dirname "$OUT")"
python3 - "$OUT" "$MINUTES" "$ref_s $ref_cpu $ref_kb" "${run_s[1]} ${run_cpu[1]} ${run_kb[1]}" \
    "${run_s[2]} ${run_cpu[2]} ${run_kb[2]}" \
    "$load_before" "$load_after" "$(nproc)" "$(git rev-parse --short HEAD)" <<'PY'
import json, platform, sys
out, minutes, reference, one, two, before, after, cores, commit = sys.argv[1:]
audio = float(minutes) * 60
reference_seconds, reference_cpu = (float(value) for value in reference.split()[:2])
def figures(measured):
    seconds, cpu, kb = measured.split()
    seconds, cpu = float(seconds), float(cpu)
    # CPU seconds (user + system) are the figure a loaded machine disturbs least; wall time grows with the load.
    return {"seconds": seconds, "cpu_seconds": round(cpu, 2), "real_time_multiple": round(audio / seconds, 1),
            "times_reference": round(seconds / reference_seconds, 2),
            "cpu_times_reference": round(cpu / reference_cpu, 2), "peak_MiB": round(int(kb) / 1024, 1)}
result = {
    "audio_minutes": float(minutes), "commit": commit, "cores": int(cores), "machine": platform.machine(),
    "load_average_before": before, "load_average_after": after,
    "reference_features_only": figures(reference), "run_1_thread": figures(one), "run_2_threads": figures(two),
}
with open(out, "w") as target:
    json.dump(result, target, indent=2)
    target.write("\n")
print(json.dumps(result, indent=2))
PY
