"""Seeded generator of Korean live-commerce seller sentences, in written AND spoken form.

Every sentence comes as a pair (written, spoken): written keeps digits ("39,000원 2개"), spoken is what a
seller says and what the acoustic model must emit ("삼만 구천 원 두 개"). Numbers follow the
conventions of korean_numbers.py (sino-Korean for prices, percent, dates and minutes; native Korean
with counters and hours).

Modes
- `commerce`: templates for greetings, products (clothing, cosmetics, food, kitchen, electronics),
  colours, sizes, materials, prices, discounts, percent, counts with counters, dates/times, delivery,
  calls to action, viewer shout-outs, quality/size/shipping/gift topics, with fillers (자, 여러분, 진짜 ...).
- `vocab`: broad vocabulary: random words from a Korean word list (hunspell-ko's ko.dic, default
  /usr/share/hunspell/ko.dic), Hangul-only entries, strung into 2..8-word pseudo-sentences, sometimes
  wrapped in a commerce frame. Teaches syllables outside the commerce domain.
- `mixed` (default): 70 % commerce, 30 % vocab.

Held-out split (sentences never used in training)
Each spoken sentence gets bucket = int(sha1(spoken UTF-8)[:8], 16) % 100.
  bucket 0..2  -> "test"  (held-out evaluation sentences, never trained on)
  bucket 3..4  -> "dev"   (model selection)
  bucket 5..99 -> "train"
`generate(n, seed, split=...)` draws sentences and keeps only those of the requested split, so the
three sets are disjoint by construction whatever the seed or count. Same seed + arguments -> same output.

Command line:
  python3 -m liveinsight_train.commerce_text --n 20 --seed 1 [--split train|dev|test|any] [--mode mixed]
prints TSV: split, mode, written, spoken.
"""
import argparse
import hashlib
import os
import random
import re
import unicodedata

from .korean_numbers import month, native, price_written, sino

HUNSPELL_DIC = "/usr/share/hunspell/ko.dic"

# ---------------------------------------------------------------------------------------------------
# Vocabulary of the domain
# ---------------------------------------------------------------------------------------------------
PRODUCTS = {
    "clothing": ["원피스", "니트", "가디건", "티셔츠", "블라우스", "청바지", "슬랙스", "롱코트", "패딩", "후드티",
                 "맨투맨", "트레이닝복", "잠옷", "레깅스", "스커트", "셔츠", "조끼", "점퍼", "양말", "모자", "스카프",
                 "운동화", "구두", "샌들", "가방", "백팩", "목도리", "장갑", "속옷", "수영복"],
    "cosmetics": ["쿠션", "파운데이션", "립스틱", "틴트", "선크림", "토너", "에센스", "앰플", "크림", "마스크팩",
                  "클렌징폼", "아이섀도", "마스카라", "립밤", "세럼", "미스트", "핸드크림", "샴푸", "트리트먼트",
                  "바디로션", "향수", "네일", "컨실러", "블러셔"],
    "food": ["김치", "갈비", "삼겹살", "떡볶이", "만두", "라면", "한우", "굴비", "전복", "사과", "귤", "딸기",
             "고구마", "견과류", "홍삼", "꿀", "젓갈", "김", "닭가슴살", "샐러드", "쌀", "포도", "수박", "감자",
             "오징어", "새우", "연어", "불고기", "곰탕", "떡"],
    "kitchen": ["프라이팬", "냄비", "도마", "칼", "밀폐용기", "텀블러", "믹서기", "에어프라이어", "전기밥솥",
                "수저 세트", "그릇", "접시", "컵", "주전자", "식기세척기", "행주", "수세미", "보온병", "물병"],
    "electronics": ["무선 이어폰", "블루투스 스피커", "보조배터리", "충전기", "태블릿", "노트북", "스마트워치",
                    "공기청정기", "가습기", "제습기", "청소기", "선풍기", "전기요", "드라이기", "고데기",
                    "안마기", "체중계", "키보드", "마우스", "모니터", "카메라", "로봇청소기"],
}
BRANDS = ["라온", "하늘빛", "소담", "미소", "새봄", "온새미로", "다온", "누리", "가온", "별하", "루미", "코지",
          "데일리", "프리미엄", "오가닉", "에코", "모던", "클래식"]
COLOURS = ["블랙", "화이트", "아이보리", "베이지", "네이비", "그레이", "카키", "브라운", "핑크", "레드", "블루",
           "민트", "옐로우", "라벤더", "와인", "검정", "흰색", "빨간색", "파란색", "노란색", "초록색", "분홍색",
           "하늘색", "보라색", "회색", "갈색", "남색", "연두색", "주황색", "살구색"]
SIZES = ["스몰", "미디엄", "라지", "엑스라지", "프리 사이즈", "에스", "엠", "엘", "투엑스라지", "빅 사이즈"]
MATERIALS = ["면", "순면", "울", "캐시미어", "린넨", "폴리", "실크", "가죽", "스테인리스", "세라믹", "유리",
             "원목", "실리콘", "스판", "기모", "극세사", "나일론", "데님", "니트 소재", "알루미늄"]
NICKNAMES = ["행복맘", "쇼핑왕", "별빛", "하늘이", "꿀벌", "초코", "바다", "민트초코", "토끼", "곰돌이", "지니",
             "사랑이", "달빛", "구름", "햇살", "콩이", "두부", "보리", "몽이", "여름", "가을", "겨울", "봄날",
             "다람쥐", "고양이", "강아지", "슈퍼맘", "알뜰이", "부산댁", "서울언니", "제주도", "대구 이모",
             "광주 삼촌", "인천 언니", "수원 고객님", "캠핑러", "살림꾼", "커피러버", "빵순이", "먹보"]
FILLERS = ["자", "여러분", "진짜", "정말", "아", "네", "자 여러분", "그러니까", "음", "이거", "진짜로", "아니",
           "자 보세요", "어머", "와", "그쵸", "있잖아요", "솔직히", "일단", "우리"]
TIMES_OF_DAY = ["오늘", "내일", "모레", "이번 주", "이번 주말", "다음 주", "오늘 밤", "지금", "오늘 저녁",
                "방송 끝나기 전에", "방송 중에만", "딱 오늘 하루"]
COUNTERS = [("개", 1, 10), ("벌", 1, 5), ("장", 1, 20), ("병", 1, 6), ("팩", 1, 10), ("박스", 1, 5),
            ("세트", 1, 5), ("봉", 1, 10), ("켤레", 1, 5), ("통", 1, 5), ("마리", 1, 10), ("대", 1, 3)]
PRODUCT_COUNTER = {"clothing": ["벌", "개", "장"], "cosmetics": ["개", "병", "통", "세트"],
                   "food": ["팩", "박스", "봉", "개", "마리"], "kitchen": ["개", "세트"],
                   "electronics": ["대", "개", "세트"]}


class W:
    """A written/spoken pair under construction."""

    def __init__(self, written, spoken=None):
        self.w = written
        self.s = written if spoken is None else spoken


def _has_final(text):
    """True when the last Hangul syllable of text has a final consonant (받침)."""
    for ch in reversed(text):
        if "\uac00" <= ch <= "\ud7a3":
            return (ord(ch) - 0xAC00) % 28 != 0
    return True


def _is_rieul(text):
    for ch in reversed(text):
        if "\uac00" <= ch <= "\ud7a3":
            return (ord(ch) - 0xAC00) % 28 == 8
    return False


def _particle(code, prev_spoken):
    """Codes like "을/를" pick the form by the preceding (spoken) syllable; "으로/로" treats ㄹ as vowel."""
    if "/" not in code:
        return code
    a, b = code.split("/", 1)
    head, tail = "", ""
    m = re.match(r"^(\S+?)(\s.*)?$", b)
    if m and m.group(2):
        b, tail = m.group(1), m.group(2)
    if a.startswith("으로") or a.startswith("으"):
        return (b if (not _has_final(prev_spoken) or _is_rieul(prev_spoken)) else a) + tail
    return (a if _has_final(prev_spoken) else b) + tail


def _join(parts):
    """Join slots with spaces; a slot starting with "~" is a particle/ending glued to the previous word."""
    w, s = "", ""
    for p in parts:
        if not p.w and not p.s:
            continue
        if p.s.startswith("~"):
            code = p.s[1:]
            text = _particle(code, s)
            w, s = w + text, s + text
        else:
            w = (w + " " + p.w) if w else p.w
            s = (s + " " + p.s) if s else p.s
    return re.sub(r"\s+", " ", w).strip(), re.sub(r"\s+", " ", s).strip()


class Gen:
    def __init__(self, rng):
        self.r = rng

    def pick(self, seq):
        return self.r.choice(seq)

    # ---- slots -----------------------------------------------------------------------------------
    def filler(self, p=0.5):
        return W(self.pick(FILLERS)) if self.r.random() < p else W("")

    def category(self):
        return self.pick(list(PRODUCTS))

    def product(self, cat=None):
        cat = cat or self.category()
        name = self.pick(PRODUCTS[cat])
        u = self.r.random()
        if u < 0.25:
            name = self.pick(BRANDS) + " " + name
        elif u < 0.4 and cat == "clothing":
            name = self.pick(MATERIALS) + " " + name
        return W(name)

    def price_value(self):
        u = self.r.random()
        if u < 0.5:
            v = self.r.randint(1, 99) * 1000 + self.pick([0, 0, 0, 500, 900])
        elif u < 0.8:
            v = self.r.randint(10, 300) * 1000 + self.pick([0, 0, 900, 9000 - 1000])
        elif u < 0.9:
            v = self.r.randint(1, 20) * 100 + self.pick([0, 90])
        else:
            v = self.r.randint(3, 200) * 10000 + self.pick([0, 0, 5000])
        return max(v, 100)

    def price(self, v=None):
        v = self.price_value() if v is None else v
        if self.r.random() < 0.15 and v % 10000 == 0:  # "오만 원" vs "5만원" written
            return W(f"{v // 10000}만원", sino(v) + " 원")
        return W(price_written(v), sino(v) + " 원")

    def percent(self):
        p = self.pick([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, self.r.randint(1, 90)])
        word = self.pick(["퍼센트", "퍼센트", "프로"])
        return W(f"{p}%", f"{sino(p)} {word}")

    def count(self, cat=None):
        if cat and self.r.random() < 0.8:
            counter = self.pick(PRODUCT_COUNTER[cat])
            lo, hi = next((a, b) for c, a, b in COUNTERS if c == counter)
        else:
            counter, lo, hi = self.pick(COUNTERS)
        n = self.r.randint(lo, hi) if self.r.random() < 0.8 else self.r.randint(1, 30)
        return W(f"{n}{counter}", f"{native(n)} {counter}")

    def date(self):
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        if self.r.random() < 0.5:
            return W(f"{m}월 {d}일", f"{month(m)} {sino(d)}일")
        return W(f"{d}일", f"{sino(d)}일")

    def clock(self):
        h = self.r.randint(1, 12)
        m = self.pick([0, 0, 10, 15, 20, 30, 30, 40, 45, 50, self.r.randint(1, 59)])
        ampm = self.pick(["", "", "오전", "오후", "저녁", "밤"])
        w = (ampm + " " if ampm else "") + f"{h}시" + (f" {m}분" if m else "")
        s = (ampm + " " if ampm else "") + f"{native(h)} 시" + (f" {sino(m)} 분" if m else "")
        if m == 30 and self.r.random() < 0.4:
            w = (ampm + " " if ampm else "") + f"{h}시 반"
            s = (ampm + " " if ampm else "") + f"{native(h)} 시 반"
        return W(w, s)

    def minutes(self):
        n = self.pick([1, 2, 3, 5, 10, 15, 20, 30])
        return W(f"{n}분", f"{sino(n)} 분")

    def nick(self):
        n = self.pick(NICKNAMES)
        if self.r.random() < 0.3:
            d = self.r.randint(1, 999)
            return W(f"{n}{d}", f"{n} {sino(d)}")
        return W(n)

    # ---- templates -------------------------------------------------------------------------------
    def sentence(self):
        t = self.r.randrange(32)
        cat = self.category()
        P = self.product(cat)
        f = self.filler
        pick = self.pick
        if t == 0:
            return [f(0.4), W(pick(["안녕하세요", "반갑습니다", "어서 오세요", "다들 안녕하세요"])), W(pick(["여러분", "고객님들", "시청자 여러분", ""])),
                    W(pick(["오늘도 방송에 와 주셔서 감사합니다", "오늘 준비한 상품 정말 좋습니다", "오늘 방송 시작할게요", "잘 지내셨죠"]))]
        if t == 1:
            return [f(), W("오늘 소개해 드릴 상품은"), P, W(pick(["~입니다", "~이에요/예요", "~인데요"]))]
        if t == 2:
            return [f(), P, W(pick(["정가", "원래 가격", "판매가"])), self.price(), W(pick(["~인데요", "~이에요/예요", "~짜리인데"])),
                    W(pick(["오늘만", "방송 중에만", "지금", "특별히"])), self.price(), W(pick(["~에 드려요", "~입니다", "~에 모십니다", "~으로/로 할인해 드려요"]))]
        if t == 3:
            return [f(), W(pick(["지금", "오늘", "방송 중에"])), self.percent(), W(pick(["할인", "세일", "할인 들어갑니다", "추가 할인"])), f(0.3)]
        if t == 4:
            return [f(), P, self.count(cat), W(pick(["~에", "~을/를", ""])), self.price(), W(pick(["~입니다", "~이에요/예요", "~에 드립니다"]))]
        if t == 5:
            return [f(), W(pick(["색상은", "컬러는", "색깔은"])), W(pick(COLOURS)), W(pick(COLOURS)), W(pick(COLOURS)),
                    W(pick(["세 가지 있어요", "있습니다", "준비했어요", "중에 고르시면 돼요"]))]
        if t == 6:
            return [f(), W(pick(["사이즈는", "사이즈가"])), W(pick(SIZES)), W("~부터"), W(pick(SIZES)),
                    W(pick(["~까지 있어요", "~까지 나와요", "~까지 준비되어 있습니다"]))]
        if t == 7:
            return [f(), W(pick(["소재는", "재질은", "원단은"])), W(pick(MATERIALS)), W(pick(["~이라서/라서", "~으로/로 되어 있어서"])),
                    W(pick(["정말 부드러워요", "튼튼해요", "오래 쓰셔도 돼요", "세탁기에 돌려도 괜찮아요", "가볍고 따뜻해요"]))]
        if t == 8:
            return [f(), self.nick(), W(pick(["~님", "고객님"])), W(pick(["안녕하세요", "반가워요", "어서 오세요", "오랜만이에요",
                                                                        "질문 감사합니다", "주문 감사합니다", "좋은 질문이에요"]))]
        if t == 9:
            return [self.nick(), W(pick(["~님이", "~님께서"])), W(pick(["사이즈 물어보셨는데요", "배송 언제 오냐고 하셨는데요", "색상 물어보셨어요",
                                                                    "가격 물어보셨는데요", "세탁 방법 물어보셨어요"])), f(0.4)]
        if t == 10:
            return [f(), W(pick(["지금 바로", "얼른", "빨리", "망설이지 마시고", "고민하지 마시고"])),
                    W(pick(["장바구니에 담아 주세요", "구매 버튼 눌러 주세요", "주문해 주세요", "결제해 주세요", "알림 설정해 주세요",
                            "좋아요 눌러 주세요", "링크 클릭해 주세요"]))]
        if t == 11:
            return [f(), W(pick(["배송은", "택배는"])), W(pick(["무료 배송이에요", "무료 배송입니다", "내일 도착해요", "오늘 출발합니다",
                                                             "이틀 안에 받으세요", "새벽 배송 가능해요", "당일 발송해 드려요"]))]
        if t == 12:
            return [f(), self.date(), W(pick(["~까지", "~부터"])), W(pick(["할인합니다", "배송됩니다", "이벤트 진행해요", "발송 시작해요", "예약 받습니다"]))]
        if t == 13:
            return [f(), W(pick(["오늘", "내일", "이번 주", ""])), self.clock(), W(pick(["~까지만 이 가격이에요", "~에 방송 끝나요", "~에 다시 라이브 합니다",
                                                                                  "전에 주문하시면 내일 도착해요"]))]
        if t == 14:
            return [f(), self.minutes(), W(pick(["남았어요", "후에 마감합니다", "동안만 이 가격이에요", "뒤에 종료돼요"]))]
        if t == 15:
            return [f(), W("재고가"), self.count(cat), W(pick(["남았어요", "~밖에 안 남았어요", "~뿐이에요"])), f(0.4)]
        if t == 16:
            return [f(), self.count(cat), W(pick(["사시면", "구매하시면", "주문하시면"])), self.count(cat),
                    W(pick(["더 드려요", "덤으로 드립니다", "추가 증정해요", "서비스로 드려요"]))]
        if t == 17:
            return [f(), W(pick(["사은품으로", "선물로", "구매 고객님께", "선착순"])), self.count(), W(pick(["한정으로", ""])),
                    W(pick(["파우치 드려요", "샘플 드립니다", "쿠폰 드려요", "텀블러 증정해요", "에코백 드려요"]))]
        if t == 18:
            return [f(), P, W(pick(["품질이", "퀄리티가", "마감이", "만듦새가"])), W(pick(["진짜 좋아요", "정말 최고예요", "백화점급이에요",
                                                                                   "확실히 다릅니다", "장난 아니에요"]))]
        if t == 19:
            return [f(), W(pick(["키", "신장"])), W(pick(["백육십", "백육십오", "백칠십", "백오십오", "백칠십오"])), W(pick(["센티", "센티미터"])),
                    W(pick(["~이신 분은", "정도면"])), W(pick(SIZES)), W(pick(["입으시면 돼요", "추천드려요", "딱 맞아요"]))]
        if t == 20:
            return [f(), W(pick(["선물용으로", "부모님 선물로", "명절 선물로", "집들이 선물로", "생일 선물로"])), P,
                    W(pick(["최고예요", "딱이에요", "강력 추천합니다", "많이 사 가세요"]))]
        if t == 21:
            return [f(), W("지금"), W(pick(["시청자", "구매자", "주문"])), W(pick(["수가", "분이"])), self._big_count(),
                    W(pick(["~이/가 넘었어요", "돌파했어요", "~이/가 되었습니다"])), f(0.4)]
        if t == 22:
            return [f(), W(pick(["이 가격", "이런 가격", "이 구성"])), W(pick(["다시는 없어요", "오늘이 마지막이에요", "어디에도 없어요", "정말 말도 안 돼요"]))]
        if t == 23:
            return [f(), P, W(pick(["하나", "한 개", "한 벌"])), W(pick(["있으면", "사 두시면"])), W(pick(["사계절 내내 쓰세요", "정말 편해요",
                                                                                                    "후회 안 하세요", "여기저기 다 어울려요"]))]
        if t == 24:
            return [f(), W(pick(["반품", "교환", "환불"])), W(pick(["~도", "~은/는", ""])), W(pick(["무료예요", "가능합니다", "칠 일 안에 해 드려요", "걱정 마세요"]))]
        if t == 25:
            return [f(), W(pick(["두 개", "세 개", "한 세트"])), W(pick(["묶음으로", "같이", "한 번에"])), W(pick(["사시면", "담으시면"])), self.percent(),
                    W(pick(["더 할인돼요", "추가 할인", "빠집니다"]))]
        if t == 26:
            return [f(), W(pick(["카드", "무이자", "카카오페이", "네이버페이"])), W(pick(["결제하시면", "~으로/로 하시면"])), self.price(),
                    W(pick(["추가 할인", "적립해 드려요", "더 빠져요"]))]
        if t == 27:
            return [f(), W(pick(["유통기한은", "보관은", "조리법은"])), W(pick(["냉동 보관 하시면 돼요", "넉넉해요", "전자레인지에 삼 분이면 돼요",
                                                                          "받으시고 냉장고에 넣어 주세요"]))]
        if t == 28:
            return [f(), W("한 분당"), self.count(cat), W(pick(["~까지만 구매 가능해요", "~까지 주문됩니다", "한정입니다"]))]
        if t == 29:
            return [f(), W("총"), self.count(cat), W(pick(["해서", "구성에"])), self.price(), W(pick(["~이에요/예요", "~입니다", "~밖에 안 해요"])),
                    W(pick(["한 개에", "하나당"])), self.price(), W(pick(["~꼴이에요", "~인 셈이에요"]))]
        if t == 30:
            return [f(), W(pick(TIMES_OF_DAY)), W(pick(["주문하시면", "결제하시면"])), self.date(), W(pick(["~에 받아 보실 수 있어요", "도착 예정이에요"]))]
        return [f(), W(pick(["댓글로", "채팅창에"])), W(pick(["사이즈", "색상", "주소", "궁금한 점", "원하시는 컬러"])),
                W(pick(["남겨 주세요", "적어 주세요", "물어봐 주세요"])), f(0.3)]

    def _big_count(self):
        n = self.pick([self.r.randint(100, 999), self.r.randint(1, 50) * 100, self.r.randint(1, 30) * 1000])
        unit = self.pick(["명", "건", "분"])
        return W(f"{n:,}{unit}", f"{sino(n)} {unit}")


# ---------------------------------------------------------------------------------------------------
# Word list (broad vocabulary)
# ---------------------------------------------------------------------------------------------------
_WORDS_CACHE = {}
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]{1,8}$")


def load_words(path=HUNSPELL_DIC):
    if path in _WORDS_CACHE:
        return _WORDS_CACHE[path]
    words = []
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="ignore") as fh:
            next(fh, None)  # entry count
            seen = set()
            for line in fh:
                # ko.dic stores Hangul decomposed into conjoining jamo (NFD): compose to syllables
                w = unicodedata.normalize("NFC", line.split("/", 1)[0].strip())
                if _HANGUL_WORD.match(w) and w not in seen:
                    seen.add(w)
                    words.append(w)
    _WORDS_CACHE[path] = words
    return words


def vocab_sentence(rng, words):
    k = rng.randint(2, 8)
    parts = [W(rng.choice(words)) for _ in range(k)]
    if rng.random() < 0.3:
        g = Gen(rng)
        parts = [g.filler(0.8)] + parts + [W(rng.choice(["입니다", "이에요", "있어요", "드려요", "하세요"]))]
    return _join(parts)


# ---------------------------------------------------------------------------------------------------
def bucket(spoken):
    return int(hashlib.sha1(spoken.encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of(spoken):
    b = bucket(spoken)
    return "test" if b < 3 else ("dev" if b < 5 else "train")


def generate(n, seed, split="train", mode="mixed", vocab_ratio=0.3, words_path=HUNSPELL_DIC, unique=True):
    """Return up to n dicts {written, spoken, mode, split}; deterministic for (n, seed, split, mode)."""
    rng = random.Random(f"commerce-{seed}-{split}-{mode}")
    g = Gen(rng)
    words = load_words(words_path) if mode in ("mixed", "vocab") else []
    if mode == "vocab" and not words:
        raise SystemExit(f"word list {words_path} not found (apt-get install hunspell-ko)")
    out, seen = [], set()
    tries = 0
    while len(out) < n and tries < n * 200:
        tries += 1
        use_vocab = mode == "vocab" or (mode == "mixed" and words and rng.random() < vocab_ratio)
        if use_vocab:
            w, s = vocab_sentence(rng, words)
            m = "vocab"
        else:
            w, s = _join(g.sentence())
            m = "commerce"
        if not s:
            continue
        if split != "any" and split_of(s) != split:
            continue
        if unique and s in seen:
            continue
        seen.add(s)
        out.append({"written": w, "spoken": s, "mode": m, "split": split_of(s)})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", default="train", choices=["train", "dev", "test", "any"])
    ap.add_argument("--mode", default="mixed", choices=["mixed", "commerce", "vocab"])
    ap.add_argument("--words", default=HUNSPELL_DIC)
    a = ap.parse_args()
    for row in generate(a.n, a.seed, a.split, a.mode, words_path=a.words):
        print(f"{row['split']}\t{row['mode']}\t{row['written']}\t{row['spoken']}")


if __name__ == "__main__":
    main()
