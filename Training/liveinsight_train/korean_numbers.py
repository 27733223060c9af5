"""Reading numbers aloud in Korean (the spoken form the acoustic model emits).

Spacing convention of the spoken form (the same one the emotiontts `spoken` column and the issue use):
- Sino-Korean numbers are spaced by 만-groups: 39,500 -> "삼만 구천오백", 120,000,000 -> "일억 이천만";
- a counter/unit noun follows after a space: "삼만 구천 원", "두 개", "세 시 삼십 분";
- a leading 일 is dropped before 십/백/천 (십, 백, 천) but kept before 만 only as "만" (10,000 -> "만").
"""

SINO_DIGITS = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
NATIVE_UNITS = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
# attributive (before a counter): 한 개, 두 개, 세 개, 네 개, 스무 개
NATIVE_UNITS_ATTR = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
NATIVE_TENS_ATTR = ["", "열", "스무", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]


def _sino_under_10000(n):
    assert 0 <= n < 10000
    out = []
    for value, name in ((1000, "천"), (100, "백"), (10, "십")):
        d = n // value
        n %= value
        if d:
            out.append(("" if d == 1 else SINO_DIGITS[d]) + name)
    if n:
        out.append(SINO_DIGITS[n])
    return "".join(out)


def sino(n):
    """Sino-Korean reading of a non-negative integer, spaced by 만-groups ("삼만 구천오백")."""
    n = int(n)
    if n == 0:
        return "영"
    groups = []
    for name in ("", "만", "억", "조"):
        groups.append((n % 10000, name))
        n //= 10000
        if n == 0:
            break
    words = []
    for value, name in reversed(groups):
        if value == 0:
            continue
        if name == "만" and value == 1:
            words.append("만")
        else:
            words.append(_sino_under_10000(value) + name)
    return " ".join(words)


def native(n, attributive=True):
    """Native Korean reading for 1..99 (counters: 한 개, 스무 개; bare: 하나, 스물)."""
    n = int(n)
    if not 1 <= n <= 99:
        return sino(n)
    tens, units = divmod(n, 10)
    if attributive:
        t = NATIVE_TENS_ATTR[tens] if units == 0 else NATIVE_TENS[tens]
        return t + NATIVE_UNITS_ATTR[units]
    return NATIVE_TENS[tens] + NATIVE_UNITS[units]


def month(m):
    """1..12 -> 일월 .. 십이월 (유월, 시월 irregular)."""
    return {6: "유월", 10: "시월"}.get(m, sino(m) + "월")


def price_spoken(won):
    """39000 -> "삼만 구천 원"."""
    return sino(won) + " 원"


def price_written(won):
    return f"{won:,}원"


def decimal_spoken(text):
    """"64.5" -> "육십사 점 오"."""
    whole, _, frac = text.partition(".")
    s = sino(int(whole))
    if frac:
        s += " 점 " + "".join("영" if c == "0" else SINO_DIGITS[int(c)] for c in frac)
    return s


if __name__ == "__main__":
    for v in (0, 1, 10, 11, 100, 1000, 10000, 15000, 39000, 39500, 100000, 120000000, 1234567):
        print(v, sino(v), "|", price_spoken(v))
    for v in (1, 2, 3, 4, 10, 20, 21, 35):
        print(v, native(v), native(v, attributive=False))
