#!/usr/bin/env python3
"""Build jiwer_parity.json: Korean reference/hypothesis pairs scored by jiwer.

The Swift test (Tests/ValidationTests/JiwerParityTests.swift) reads the committed JSON and checks that
TranscriptValidator gives the same normalised text, the same S/D/I/hit counts and the same WER/CER
(to 0.01 percentage points) per pair and for the corpus. The test never runs Python.

Sentences are written here (live-commerce phrases with prices, counters, dates, percentages, telephone
numbers, Latin brand words); hypotheses come from a seeded corruption process (syllable substitutions,
deletions, insertions, spacing changes, number forms, punctuation, case, full-width forms, jamo
decomposition, web markers). Nothing is drawn from external data.

Normalisation is this module's `normalize`, a line-by-line mirror of the Swift TextNormalizer
(NFC, full-width folding, web markers, optional number verbalisation, punctuation, lower case,
whitespace folding), wrapped as a jiwer transform. jiwer then scores:
  WER: jiwer.process_words(refs, hyps, T, T) with T = Compose([KoreanNormalization, RemoveMultipleSpaces,
       Strip, ReduceToListOfListOfWords])
  CER: jiwer.process_characters(refs, hyps, C, C) with C = Compose([KoreanNormalization,
       RemoveWhiteSpace(replace_by_space=False), ReduceToListOfListOfChars])
Each pair is scored alone (per-pair figures) and all pairs together (corpus figures).
"long_pairs" holds rapidfuzz's edit operations for three long generated token sequences (see LONG_PAIRS).

Usage: python3 make_jiwer_fixture.py > jiwer_parity.json   (see README.md)
"""
import importlib.metadata
import json
import random
import re
import sys
import unicodedata

import jiwer

SEED = 20260517
PAIR_COUNT = 240

# ---------------------------------------------------------------------------------------------------
# Mirror of the Swift Hangul normalisation (Sources/Hangul). Keep in step with the Swift code.

SINO_DIGITS = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
LARGE_UNITS = ["", "만", "억", "조", "경"]
NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
NATIVE_ATTRIBUTIVE_ONES = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
PLACE_EXPONENTS = {"십": 1, "백": 2, "천": 3}
GROUP_POWERS = {"만": 1, "억": 2, "조": 3, "경": 4}
NATIVE_COUNTERS = ["개", "명", "살", "벌", "장", "병", "켤레", "마리", "번", "시간", "가지", "잔", "권", "통",
                   "봉지", "팩", "세트", "박스"]
# (spoken, written, kind, native limit)
UNITS = ([(c, c, "native", 99) for c in NATIVE_COUNTERS] + [("시", "시", "native", 12)]
         + [("퍼센트", "%", "detached", 0)]
         + [(u, u, "detached", 0) for u in ["원", "개월", "분", "초", "년", "주", "회", "달러"]]
         + [(u, u, "attached", 0) for u in ["월", "일"]])
UNITS.sort(key=lambda u: -max(len(u[0]), len(u[1])))
IRREGULAR_MONTHS = {6: "유월", 10: "시월"}


def sino_group(group):
    text = ""
    for name, value in (("천", 1000), ("백", 100), ("십", 10)):
        digit = group // value % 10
        if digit:
            text += ("" if digit == 1 else SINO_DIGITS[digit]) + name
    if group % 10:
        text += SINO_DIGITS[group % 10]
    return text


def sino_integer(value):
    if value == 0:
        return SINO_DIGITS[0]
    groups = []
    while value:
        groups.append(value % 10000)
        value //= 10000
    words = []
    for power in range(len(groups) - 1, -1, -1):
        group = groups[power]
        if group:
            words.append(("" if power == 1 and group == 1 else sino_group(group)) + LARGE_UNITS[power])
    return " ".join(words)


def sino_value(value):
    integer, fraction = value
    whole = sino_integer(integer)
    return whole + (" 점 " + "".join(SINO_DIGITS[d] for d in fraction) if fraction else "")


def digit_by_digit(text):
    return "".join("공" if c == "0" else SINO_DIGITS[int(c)] for c in text if "0" <= c <= "9")


def native_attributive(value):
    if not 1 <= value <= 99:
        return None
    if value == 20:
        return "스무"
    return NATIVE_TENS[value // 10] + NATIVE_ATTRIBUTIVE_ONES[value % 10]


def scaled(value, exponent):
    integer, fraction = value[0], list(value[1])
    for _ in range(exponent):
        digit = fraction.pop(0) if fraction else 0
        integer = integer * 10 + digit
    if exponent > 0 and all(d == 0 for d in fraction):
        fraction = []
    return (integer, fraction)


def added(lhs, rhs):
    length = max(len(lhs[1]), len(rhs[1]))
    a = lhs[1] + [0] * (length - len(lhs[1]))
    b = rhs[1] + [0] * (length - len(rhs[1]))
    carry, digits = 0, [0] * length
    for i in range(length - 1, -1, -1):
        total = a[i] + b[i] + carry
        digits[i], carry = total % 10, total // 10
    return (lhs[0] + rhs[0] + carry, digits)


def is_digit(c):
    return c is not None and "0" <= c <= "9"


class Scanner:
    def __init__(self, chars):
        self.chars = chars

    def at(self, i):
        return self.chars[i] if 0 <= i < len(self.chars) else None

    def digits_end(self, i):
        while is_digit(self.at(i)):
            i += 1
        return i

    def telephone_end(self, start):
        lengths, i = [], start
        while True:
            end = self.digits_end(i)
            lengths.append(end - i)
            i = end
            if not (len(lengths) < 3 and self.at(i) == "-" and is_digit(self.at(i + 1))):
                break
            i += 1
        if len(lengths) == 3 and 2 <= lengths[0] <= 4 and 3 <= lengths[1] <= 4 and lengths[2] == 4:
            return i
        if lengths == [4, 4]:
            return i
        return None

    def numeral(self, start):
        end = self.digits_end(start)
        if end == start:
            return None
        if end - start <= 3:
            while self.at(end) == "," and self.digits_end(end + 1) == end + 4:
                end += 4
        if self.at(end) == "." and is_digit(self.at(end + 1)):
            end = self.digits_end(end + 1)
        text = "".join(self.chars[start:end])
        integer_text, _, fraction_text = text.partition(".")
        value = (int(integer_text.replace(",", "")), [int(d) for d in fraction_text])
        return value, end, text

    def term(self, start):
        numeral = self.numeral(start)
        if numeral is None:
            return None
        value, end, text = numeral
        if self.at(end) in PLACE_EXPONENTS:
            value = scaled(value, PLACE_EXPONENTS[self.at(end)])
            end += 1
        group_power = None
        if self.at(end) in GROUP_POWERS:
            group_power = GROUP_POWERS[self.at(end)]
            value = scaled(value, 4 * group_power)
            end += 1
        return value, end, group_power, text

    def amount(self, start):
        first = self.term(start)
        if first is None:
            return None
        total, end, limit, plain = first
        leading_zero = (len(plain) >= 2 and plain.startswith("0") and plain.isdigit()
                        and first[1] == start + len(plain))
        while limit is not None:
            nxt = end + 1 if self.at(end) == " " else end
            if not is_digit(self.at(nxt)):
                break
            term = self.term(nxt)
            if term is None or not term[0][0] < 10000 ** limit:
                break
            total = added(total, term[0])
            end, limit = term[1], term[2]
        return total, end, leading_zero and end == first[1]

    def matches(self, word, index):
        return "".join(self.chars[index:index + len(word)]) == word

    def unit(self, start):
        for offset in (0, 1):
            if offset == 1 and self.at(start) != " ":
                continue
            origin = start + offset
            for unit in UNITS:
                if self.matches(unit[1], origin):
                    return unit, origin + len(unit[1])
                if self.matches(unit[0], origin):
                    return unit, origin + len(unit[0])
        return None


def unit_spoken_form(unit, value):
    spoken, _, kind, limit = unit
    integer, fraction = value
    if kind == "native":
        native = native_attributive(integer) if not fraction and integer <= limit else None
        return (native if native else sino_value(value)) + " " + spoken
    if kind == "detached":
        return sino_value(value) + " " + spoken
    if spoken == "월" and not fraction and integer in IRREGULAR_MONTHS:
        return IRREGULAR_MONTHS[integer]
    return sino_value(value) + spoken


def verbalize_numbers(text):
    if not any("0" <= c <= "9" for c in text):
        return text
    chars = list(text)
    scanner = Scanner(chars)
    out, i = [], 0
    while i < len(chars):
        c = chars[i]
        if c == "₩" and is_digit(scanner.at(i + 1)):
            amount = scanner.amount(i + 1)
            out.append(sino_value(amount[0]) + " 원")
            i = amount[1]
        elif is_digit(c):
            end = scanner.telephone_end(i)
            if end is not None:
                out.append(" ".join(digit_by_digit(g) for g in "".join(chars[i:end]).split("-")))
                i = end
                continue
            value, end, leading_zero = scanner.amount(i)
            unit = scanner.unit(end)
            if unit is not None:
                out.append(unit_spoken_form(unit[0], value))
                i = unit[1]
            elif leading_zero:
                out.append(digit_by_digit("".join(chars[i:end])))
                i = end
            else:
                out.append(sino_value(value))
                i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def fold_width(text):
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else (" " if c == "\u3000" else c)
                   for c in text)


def remove_web_markers(text):
    return re.sub(r"[ㅋㅎ]{2,}|[ㅠㅜ]{2,}|\^{2,}|;{2,}", " ", text)


def remove_punctuation(text):
    out = []
    for i, c in enumerate(text):
        category = unicodedata.category(c)
        if category[0] not in "PS":
            out.append(c)
            continue
        between_digits = 0 < i < len(text) - 1 and is_digit(text[i - 1]) and is_digit(text[i + 1])
        if c == "%" or category == "Sc" or (c == "." and between_digits):
            out.append(c)
        elif not (c == "," and between_digits):
            out.append(" ")
    return "".join(out)


def normalize(text, number_form):
    text = unicodedata.normalize("NFC", text)
    text = fold_width(text)
    text = remove_web_markers(text)
    if number_form == "spoken":
        text = verbalize_numbers(text)
    text = remove_punctuation(text)
    text = text.lower()
    return " ".join(text.split())


class KoreanNormalization(jiwer.AbstractTransform):
    """The mirror above as a jiwer transform."""

    def __init__(self, number_form):
        self.number_form = number_form

    def process_string(self, s):
        return normalize(s, self.number_form)


# ---------------------------------------------------------------------------------------------------
# Sentence material (written for this fixture).

PRODUCTS = ["니트 카디건", "기모 레깅스", "무선 이어폰", "에어프라이어", "수분 크림", "선크림", "캠핑 의자", "텀블러",
            "운동화", "가죽 가방", "전기 그릴", "샴푸 세트", "비타민", "닭가슴살", "포기김치", "한우 선물세트",
            "블루투스 스피커", "로봇 청소기", "호텔 침구", "머그컵"]
GIFTS = ["파우치", "미니 샘플", "보냉백", "양말", "텀블러"]
COLORS = ["베이지", "블랙", "아이보리", "네이비", "그레이"]
SIZES = ["M", "L", "XL", "프리 사이즈"]
PRICES = [9900, 12900, 19800, 29000, 39000, 45000, 59000, 89000, 129000, 1250000]


def price(rng):
    value = rng.choice(PRICES)
    style = rng.random()
    if style < 0.6:
        return f"{value:,}원"
    if style < 0.8 and value % 1000 == 0 and value >= 10000:
        man, rest = divmod(value, 10000)
        return f"{man}만 {rest // 1000}천원" if rest else f"{man}만원"
    return f"{value}원"


TEMPLATES = [
    lambda r: f"오늘 {r.choice(PRODUCTS)} 특가는 {price(r)}입니다!",
    lambda r: f"{r.choice(PRODUCTS)} {r.randint(1, 5)}개 구매하시면 {r.choice(GIFTS)} 하나 더 드려요.",
    lambda r: f"{r.randint(1, 12)}월 {r.randint(1, 31)}일까지 {r.choice([10, 15, 20, 30, 50])}% 할인 진행합니다.",
    lambda r: f"지금 주문하시면 {r.randint(1, 12)}시 전에 출발해요.",
    lambda r: f"재고가 {r.choice([3, 7, 12, 20, 35, 100])}개 남았어요, 서둘러 주세요!",
    lambda r: f"사이즈는 {r.choice(SIZES)} 추천드리고요 색상은 {r.choice(COLORS)}가 제일 인기예요.",
    lambda r: f"배송은 {r.randint(2, 5)}일 정도 걸리고 무료 배송입니다.",
    lambda r: f"문의는 {r.choice(['010-1234-5678', '1588-1234', '02-345-6789'])}으로 연락 주세요.",
    lambda r: "이 제품 진짜 가볍고 튼튼해요 ㅋㅋ",
    lambda r: f"{r.choice(PRODUCTS)} 리뷰가 벌써 {r.choice([120, 350, 1200, 5000])}개 넘었어요.",
    lambda r: f"SALE 기간에는 적립금 {r.choice([3, 5, 10])}% 추가로 드립니다.",
    lambda r: f"할인 쿠폰은 {price(r)} 이상 구매 시 사용 가능해요.",
    lambda r: f"{r.choice([20, 21, 30])}살 이상 누구나 쓰실 수 있어요.",
    lambda r: f"오늘 방송은 {r.randint(1, 3)}시간 동안 진행됩니다.",
    lambda r: f"우리 {r.choice(PRODUCTS)} 보시면 마감이 정말 꼼꼼하죠?",
    lambda r: f"두께는 {r.choice(['1.5', '2.5', '0.8'])}센티미터로 얇아서 편해요.",
    lambda r: "한 번 써 보시면 계속 찾게 되실 거예요.",
    lambda r: f"색깔별로 {r.choice([3, 4, 6])}가지 준비했습니다.",
    lambda r: f"정가는 {price(r)}인데 오늘만 {price(r)}에 드려요.",
    lambda r: "라이브 시청자분들께만 사은품 드립니다^^",
    lambda r: "주문 폭주로 배송이 조금 늦어질 수 있어요ㅠㅠ",
    lambda r: "LED 조명이라 전기세 걱정 없어요.",
    lambda r: f"후기 이벤트 참여하시면 포인트 {r.choice([500, 1000, 3000])}점 드려요.",
    lambda r: f"「{r.choice(PRODUCTS)}」 지금 바로 장바구니에 담아 주세요！",
    lambda r: "여러분 채팅창에 질문 남겨 주시면 바로 답변드릴게요.",
    lambda r: f"{r.choice(COLORS)} 색상은 품절 임박입니다, 고민하지 마세요.",
]

# Sound-alike syllables a recogniser confuses.
CONFUSIONS = {"요": "여", "해": "헤", "게": "개", "되": "돼", "니": "네", "세": "새", "다": "따", "구": "고",
              "어": "아", "서": "써", "드": "더", "로": "루", "가": "카", "주": "쥬", "는": "늘", "은": "응"}
FILLERS = ["음", "어", "자", "네", "그", "아"]


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def corrupt(reference, rng):
    """A recogniser-like hypothesis for `reference`."""
    text = reference
    if rng.random() < 0.55:
        text = verbalize_numbers(text)          # recognisers write numbers as spoken words
    if rng.random() < 0.5:
        text = remove_punctuation(text)         # and rarely write punctuation
    words = text.split()
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.05:
            continue                            # word deletion
        chars = []
        for c in word:
            r = rng.random()
            if r < 0.05 and c in CONFUSIONS:
                chars.append(CONFUSIONS[c])     # substitution
            elif r < 0.08:
                continue                        # syllable deletion
            elif r < 0.10:
                chars += [c, rng.choice("요네다")]  # syllable insertion
            else:
                chars.append(c)
        word = "".join(chars)
        if word and rng.random() < 0.04:
            word = unicodedata.normalize("NFD", word)  # conjoining jamo instead of syllables
        out.append(word)
        if rng.random() < 0.06:
            out.append(rng.choice(FILLERS))     # word insertion
    if len(out) > 2 and rng.random() < 0.25:
        i = rng.randrange(len(out) - 1)
        out[i:i + 2] = [out[i] + out[i + 1]]    # two words written together
    if out and rng.random() < 0.15:
        i = rng.randrange(len(out))
        if len(out[i]) > 2:
            cut = rng.randrange(1, len(out[i]))
            out[i:i + 1] = [out[i][:cut], out[i][cut:]]  # one word split
    text = " ".join(out)
    if rng.random() < 0.3:
        text = text.replace("SALE", rng.choice(["sale", "Sale", "ＳＡＬＥ"])).replace("LED", "led")
    if rng.random() < 0.06:
        text = full_width(text)
    if rng.random() < 0.08:
        text += rng.choice(["ㅋㅋㅋ", " ㅎㅎ", "^^", " ;;", "ㅠㅠ"])
    if rng.random() < 0.05:
        text = "  " + text.replace(" ", "\u3000", 1) + "\t"
    return text


def make_pairs():
    rng = random.Random(SEED)
    pairs = []
    for index in range(PAIR_COUNT):
        reference = rng.choice(TEMPLATES)(rng)
        roll = rng.random()
        if roll < 0.08:
            hypothesis = reference                       # perfect transcript
        elif roll < 0.16:
            hypothesis = corrupt(reference, rng)
            reference = verbalize_numbers(reference)     # spoken-form reference, hypothesis may keep digits
        else:
            hypothesis = corrupt(reference, rng)
        pairs.append({"id": f"p{index + 1:03d}", "ref": reference, "hyp": hypothesis})
    # Edge cases: empty hypothesis, empty reference, insertions only, punctuation-only reference.
    pairs += [
        {"id": "edge-empty-hyp", "ref": "오늘 특가 진행합니다", "hyp": ""},
        {"id": "edge-empty-ref", "ref": "", "hyp": "음 네"},
        {"id": "edge-both-empty", "ref": "", "hyp": ""},
        {"id": "edge-insertions", "ref": "네", "hyp": "네 네 네 네"},
        {"id": "edge-punctuation-only", "ref": "!!! ...", "hyp": "네"},
        {"id": "edge-fullwidth", "ref": "ＳＡＬＥ！　오늘만", "hyp": "sale 오늘만"},
        {"id": "edge-jamo", "ref": "한글 자막", "hyp": "\u1112\u1161\u11ab\u1100\u1173\u11af 자막"},
    ]
    return pairs


# ---------------------------------------------------------------------------------------------------
# Long pairs: large enough (n · m ≥ 4.2 million after the common affix) that rapidfuzz splits them with
# Hirschberg's method. Made from a 64-bit LCG that the Swift test reimplements, so only the expected
# edit operations (counts and an FNV-1a hash of the list) are stored.

LONG_PAIRS = [  # (seed, reference length, alphabet size, corruption rate per mille)
    (1, 2600, 4, 150),
    (2, 3000, 30, 60),
    (3, 6000, 3, 200),
]


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        yield state >> 33


def long_pair(seed, length, alphabet, rate):
    stream = lcg(seed)
    reference = [next(stream) % alphabet for _ in range(length)]
    hypothesis = []
    for token in reference:
        roll = next(stream) % 1000
        if roll < rate // 3:
            continue
        if roll < 2 * rate // 3:
            hypothesis += [token, next(stream) % alphabet]
        elif roll < rate:
            hypothesis.append(next(stream) % alphabet)
        else:
            hypothesis.append(token)
    return reference, hypothesis


def fnv1a64(text):
    value = 0xCBF29CE484222325
    for byte in text.encode():
        value = ((value ^ byte) * 0x100000001B3) % 2 ** 64
    return f"{value:016x}"


def long_pairs():
    from rapidfuzz.distance import Levenshtein
    results = []
    for seed, length, alphabet, rate in LONG_PAIRS:
        reference, hypothesis = long_pair(seed, length, alphabet, rate)
        lines, tally = [], {"S": 0, "D": 0, "I": 0}
        for op, src, dest in Levenshtein.editops(reference, hypothesis):
            tag = {"replace": "S", "delete": "D", "insert": "I"}[op]
            tally[tag] += 1
            lines.append(f"{tag} {src if tag != 'I' else -1} {dest if tag != 'D' else -1}\n")
        results.append({"seed": seed, "length": length, "alphabet": alphabet, "rate_per_mille": rate,
                        "hypothesis_length": len(hypothesis), "substitutions": tally["S"],
                        "deletions": tally["D"], "insertions": tally["I"], "editops_fnv1a64": fnv1a64("".join(lines))})
    return results


def counts(output):
    return {"hits": output.hits, "substitutions": output.substitutions,
            "deletions": output.deletions, "insertions": output.insertions}


def score(references, hypotheses, number_form):
    normalization = KoreanNormalization(number_form)
    words = jiwer.Compose([normalization, jiwer.RemoveMultipleSpaces(), jiwer.Strip(),
                           jiwer.ReduceToListOfListOfWords()])
    characters = jiwer.Compose([normalization, jiwer.RemoveWhiteSpace(replace_by_space=False),
                                jiwer.ReduceToListOfListOfChars()])
    word_output = jiwer.process_words(references, hypotheses, words, words)
    char_output = jiwer.process_characters(references, hypotheses, characters, characters)
    return {"wer": word_output.wer, "cer": char_output.cer,
            "words": counts(word_output), "characters": counts(char_output)}


def main():
    pairs = make_pairs()
    configs = {}
    for number_form in ("keep", "spoken"):
        scored = []
        for pair in pairs:
            result = score([pair["ref"]], [pair["hyp"]], number_form)
            result.update(id=pair["id"], ref_normalized=normalize(pair["ref"], number_form),
                          hyp_normalized=normalize(pair["hyp"], number_form))
            scored.append(result)
        corpus = score([p["ref"] for p in pairs], [p["hyp"] for p in pairs], number_form)
        configs[number_form] = {"number_form": number_form, "pairs": scored, "corpus": corpus}
    fixture = {
        "generator": "Tests/ValidationTests/Fixtures/make_jiwer_fixture.py",
        "seed": SEED,
        "jiwer_version": importlib.metadata.version("jiwer"),
        "rapidfuzz_version": importlib.metadata.version("rapidfuzz"),
        "python_version": sys.version.split()[0],
        "unicode_version": unicodedata.unidata_version,
        "pairs": pairs,
        "configs": configs,
        "long_pairs": long_pairs(),
    }
    json.dump(fixture, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
