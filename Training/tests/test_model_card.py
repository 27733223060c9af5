"""The model card quotes its figures from Models/ko-ctc-small.eval.json, never by hand."""
from liveinsight_train import model_card


def test_card_table_matches_the_figures_file():
    with open(model_card.CARD, encoding="utf-8") as fh:
        block = model_card.card_block(fh.read())
    assert block is not None, "MODEL_CARD.md has no generated figures block"
    assert block == model_card.render(model_card.load_figures()), \
        "MODEL_CARD.md's figures differ from Models/ko-ctc-small.eval.json: python3 -m liveinsight_train.model_card --write"


def test_render_shows_each_figure_once_as_measured():
    table = model_card.render({"pansori-test": 0.6123, "pansori-test-lm": 0.5,
                               "timing-median-start-error": 0.0205, "demo-false-hits-per-hour": 0.0})
    assert "| 61.2 % | 50.0 % |" in table
    assert "| 20 ms |" in table and "| 0.0 |" in table
    assert "emotiontts" not in table
