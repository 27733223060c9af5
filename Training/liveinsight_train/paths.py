"""Where the recipe reads and writes: the one home of its paths.

- REPO: the repository; TRAINING: its Training/ folder; FIXTURES: the committed parity fixtures;
  AUDIO_SAMPLES: the committed sample audio (AudioSamples/).
- SHARED_DATA: the data sets beside the checkout (../shared/data), never committed; SPEECH_DIR its speech,
  overridden by $LIVEINSIGHT_SPEECH_DIR (the GPU recipe points it at a travelling pack).
- scratch_dir(): training scratch, $LIVEINSIGHT_TRAIN_DIR or ~/.cache/liveinsight-train.
"""
import os

PACKAGE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(PACKAGE)
REPO = os.path.dirname(TRAINING)
FIXTURES = os.path.join(TRAINING, "fixtures")
AUDIO_SAMPLES = os.path.join(REPO, "AudioSamples")
SHARED_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
SPEECH_DIR = os.environ.get("LIVEINSIGHT_SPEECH_DIR", os.path.join(SHARED_DATA, "speech"))


def scratch_dir():
    return os.environ.get("LIVEINSIGHT_TRAIN_DIR", os.path.expanduser("~/.cache/liveinsight-train"))
