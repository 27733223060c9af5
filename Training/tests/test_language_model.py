"""The shipped language model against its committed fixture: sentence log-probabilities and beam search
with and without fusion, the numbers the Swift engine's LanguageModelParityTests also hold it to."""
import json
import os

import numpy as np

from liveinsight_train import export, ngram_lm


def load(fixtures, repo):
    with open(os.path.join(fixtures, "lm-fixture.json"), encoding="utf-8") as fh:
        expected = json.load(fh)
    lm = ngram_lm.LanguageModel(os.path.join(repo, "Models", "ko-ctc-small.lm.safetensors"))
    return expected, lm


def test_sentence_log_probabilities(fixtures, repo):
    expected, lm = load(fixtures, repo)
    for s in expected["sentences"]:
        assert abs(lm.sentence_log_prob(s["units"]) - s["log_prob"]) < 1e-6
    # a misspelt sentence is less likely than the seller's line it imitates
    assert expected["sentences"][1]["log_prob"] < expected["sentences"][0]["log_prob"]


def test_beam_search_with_and_without_fusion(fixtures, repo):
    expected, lm = load(fixtures, repo)
    arrays, _ = export.read_safetensors(os.path.join(fixtures, "lm-fixture.safetensors"))
    for i, d in enumerate(expected["decodes"]):
        lp = arrays[f"utterance{i}"].astype(np.float32)
        assert ngram_lm.beam_search(lp) == d["plain"]
        assert ngram_lm.beam_search(lp, lm, expected["lm_weight"], expected["lm_unit_bonus"]) == d["fused"]
