"""Scoring keyword mentions on pseudo-broadcasts: keyword choice, right/false labels, recall per hour."""
import numpy as np

from liveinsight_train import keyword_eval
from liveinsight_train.keyword_eval import Span


def spans():
    return [Span(0.0, 3.0, "오늘 할인 상품은 할인 폭이 커요"), Span(3.6, 6.0, "배송 은 내일 출발 해요"),
            Span(6.6, 9.0, "사은품 도 드려요")]


def test_content_keywords_rank_by_utterances_and_skip_nested_words():
    texts = ["무료배송 상품", "무료배송 할인", "배송 할인", "할인 가", "상품 배송"]
    chosen = keyword_eval.content_keywords(texts, str.split, count=10, min_utterances=2)
    # 할인 (3 utterances) first, then those in 2 alphabetically: 배송 lies inside 무료배송; 가 is one syllable
    assert chosen == ["할인", "무료배송", "상품"]


def test_a_mention_is_right_only_in_an_utterance_whose_reference_has_it():
    keywords = ["할인", "배송", "사은품"]
    mentions = [
        {"keyword": "할인", "time": 0.5, "end": 0.9},   # right
        {"keyword": "할인", "time": 2.0, "end": 2.4},   # right: the reference says 할인 twice
        {"keyword": "할인", "time": 2.5, "end": 2.8},   # false: a third 할인 in that utterance
        {"keyword": "배송", "time": 7.0, "end": 7.4},   # false: the third utterance has no 배송
        {"keyword": "사은품", "time": 6.5, "end": 7.0},  # right: inside the slack before the utterance
    ]
    labels, references = keyword_eval.label(mentions, spans(), keywords)
    assert labels == [True, True, False, False, True]
    assert references == 4
    result = keyword_eval.score(mentions, spans(), keywords, hours=0.5)
    assert (result["hits"], result["false"]) == (3, 2)
    assert result["recall"] == 0.75 and result["false_per_hour"] == 4.0


def test_mentions_outside_every_utterance_are_false():
    labels, _ = keyword_eval.label([{"keyword": "할인", "time": 20.0, "end": 20.5}], spans(), ["할인"])
    assert labels == [False]


def test_transcript_mentions_place_each_occurrence_in_its_utterance():
    found = keyword_eval.transcript_mentions(["오늘 할 인 상품 할인", "배송은", ""], spans(), ["할인", "배송"])
    assert [(m["keyword"], m["time"]) for m in found] == [("할인", 0.0), ("할인", 0.0), ("배송", 3.6)]
    assert keyword_eval.score(found, spans(), ["할인", "배송"], hours=1)["recall"] == 1.0


def test_calibration_table_counts_right_and_promised_mentions_per_bin():
    mentions = [{"confidence": c} for c in (0.1, 0.15, 0.85, 0.9, 1.0)]
    rows = keyword_eval.calibration_table(mentions, [False, True, True, True, False])
    assert rows[0][:4] == (0.0, 0.2, 2, 1) and abs(rows[0][4] - 0.25) < 1e-12
    assert rows[-1][:4] == (0.8, 1.0, 3, 2) and abs(rows[-1][4] - 2.75) < 1e-12
    assert sum(row[2] for row in rows) == 5


def test_sample_is_seeded_and_keeps_order():
    items = list(range(100))
    first = keyword_eval.sample(items, 10, seed=3)
    assert first == keyword_eval.sample(items, 10, seed=3) and first == sorted(first) and len(first) == 10
    assert keyword_eval.sample(items, 0) == items


def test_recall_interval_is_wilsons():
    # Published values of the 95 % Wilson interval.
    assert np.allclose(keyword_eval.recall_interval(5, 10), [0.2366, 0.7634], atol=1e-4)
    assert np.allclose(keyword_eval.recall_interval(0, 10), [0.0, 0.2775], atol=1e-4)
    assert keyword_eval.recall_interval(0, 0) == [0.0, 1.0]


def test_false_rate_interval_is_the_exact_poisson_one():
    # Published exact 95 % limits for 0 and 1 events: (0, 3.689) and (0.0253, 5.572), here over half an hour.
    assert np.allclose(keyword_eval.rate_interval(0, 0.5), [0.0, 2 * 3.6889], atol=1e-3)
    assert np.allclose(keyword_eval.rate_interval(1, 0.5), [2 * 0.0253, 2 * 5.5716], atol=1e-3)
    tallied = keyword_eval.tally([True, False], references=4, hours=0.5)
    assert tallied["recall_interval"] == keyword_eval.recall_interval(1, 4)
    assert tallied["false_per_hour_interval"] == keyword_eval.rate_interval(1, 0.5)


def test_review_curve_listens_to_the_least_confident_first():
    mentions = [{"confidence": c} for c in (0.99, 0.5, 0.7, 0.95)]
    rows = keyword_eval.review_curve(mentions, [True, False, True, False], hours=0.5, listens=(1, 2, 4))
    assert [(r["listens"], r["caught"], r["false_per_hour_left"]) for r in rows] == [(1, 1, 2.0), (2, 1, 2.0),
                                                                                       (4, 2, 0.0)]
    assert [r["caught_in_no_order"] for r in rows] == [0.5, 1.0, 2.0]
