"""Mention calibration: the logistic fit recovers a known map; the threshold/floor choice keeps the budget."""
import numpy as np

from liveinsight_train import calibrate_mentions as cm


def test_logistic_fit_recovers_the_map_that_made_the_labels():
    rng = np.random.default_rng(0)
    x = rng.normal(0, 2, 20000)
    y = rng.random(20000) < 1 / (1 + np.exp(-(-1.0 + 1.5 * x)))
    a, b = cm.fit_logistic(x, y, ridge=0.0)
    assert abs(a - (-1.0)) < 0.08 and abs(b - 1.5) < 0.08


def test_one_sided_labels_give_a_bounded_slope():
    a, b = cm.fit_logistic([-1.0, 0.0, 1.0, 2.0], [True, True, True, True])
    assert a > 0 and abs(b) < 5   # the ridge keeps the slope finite where labels cannot separate


def test_calibrated_confidence_uses_the_source_map_and_passes_others_through():
    calibration = {"transcript": (np.log(3), 1.0)}
    assert abs(cm.calibrated({"source": "transcript", "confidence": 0.5}, calibration) - 0.75) < 1e-9
    assert abs(cm.calibrated({"source": "acoustic", "confidence": 0.3}, calibration) - 0.3) < 1e-9


def test_choice_takes_the_most_hits_within_the_false_mention_budget():
    rows = [(-1.0, 0.0, 90, 40), (-1.0, 0.5, 70, 4), (-0.6, 0.5, 70, 3), (-0.6, 0.8, 50, 1)]
    assert cm.choose(rows, hours=0.5, max_false_per_hour=10) == (-0.6, 0.5, 70, 3)
    assert cm.choose(rows, hours=0.5, max_false_per_hour=2) == (-0.6, 0.8, 50, 1)
    # nothing within the budget: the fewest false mentions
    assert cm.choose(rows, hours=0.05, max_false_per_hour=1) == (-0.6, 0.8, 50, 1)


def mention(utterance, confidence=0.9):
    return {"source": "both", "confidence": confidence, "utterance": utterance}


def test_held_out_check_scores_the_half_the_choice_was_not_made_on():
    utterances = {i: (600.0, 1) for i in range(20)}   # 10 minutes, one reference mention each
    # one right and one false mention in every utterance, alike in confidence: the held-out half shows them all
    labelled = {(0.0, -0.8): [(mention(i), ok) for i in utterances for ok in (True, False)]}
    recall, rate = cm.held_out_check(labelled, utterances, max_false_per_hour=10, splits=5)
    assert abs(recall - 1.0) < 1e-9 and abs(rate - 6.0) < 1e-9
    # a boost that adds only false mentions is never worth choosing
    labelled[(0.5, -0.8)] = labelled[(0.0, -0.8)] + [(mention(i), False) for i in utterances]
    assert cm.held_out_check(labelled, utterances, 10, splits=5) == (recall, rate)
