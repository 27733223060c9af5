"""Output units: spelling text as jamo units and back, normalisation, CER counting."""
from liveinsight_train import units


def test_jamo_units_round_trip_restores_silent_onsets():
    vocab = units.Vocab.jamo_units()
    for text in ["오늘 특가로 준비했어요", "안녕하세요 여러분", "무료 배송 해 드려요"]:
        ids = vocab.encode(text)
        assert units.SILENT_ONSET not in "".join(vocab.tokens[i] for i in ids)
        assert vocab.decode(ids) == text


def test_jamo_vocabulary_layout():
    vocab = units.Vocab.jamo_units()
    assert len(vocab) == 69
    assert vocab.tokens[:3] == [units.BLANK, units.UNK, units.SPACE]
    assert vocab.jamo


def test_normalize_drops_punctuation_and_marks_unknowns():
    assert units.normalize("할인,  배송!  ") == "할인 배송"
    assert units.normalize("8년") == "\ufffd년"


def test_cer_counts_ignore_spaces():
    assert units.cer_counts("가 나다", "가나다") == (0, 3)
    assert units.cer_counts("가다", "가나다") == (1, 3)
    assert units.cer_counts("가나다라", "가나다") == (1, 3)
