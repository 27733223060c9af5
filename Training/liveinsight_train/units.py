"""Output units for CTC: Hangul syllables + word boundary, or jamo + word boundary.

Vocabulary layout (written into the model file as `config.vocab`, a JSON list; the index is the token id):
  0 "<blank>"   CTC blank
  1 "<unk>"     any character not in the vocabulary (Latin letters, digits, rare syllables)
  2 "▁"         word boundary (U+2581), emitted for every run of spaces between words
  3.. Hangul syllables (U+AC00..U+D7A3), sorted by code point

Which syllables: all 2,350 syllables of KS X 1001 (the Korean national character set: the syllables of
ordinary modern text; a syllable outside it is rare enough that <unk> is acceptable) UNION every syllable
seen at least once in the training transcripts (emotiontts train `spoken`, generated commerce text) and
at least `min_word_count` times in the word list (hunspell-ko). Syllables that occur in no training audio
keep an output row but are never trained; they cost 145 parameters each and make the vocabulary stable
across corpora, so a model trained later on KsponSpeech uses the same ids.

The jamo vocabulary (`Vocab.jamo_units()`, 69 tokens): the same first three, then 18 onsets (U+1100..U+1112
without the silent ㅇ, U+110B), 21 vowels (U+1161..U+1175) and 27 codas (U+11A8..U+11C2) as Unicode
conjoining jamo. A syllable is spelt as its canonical decomposition (NFD) without a silent onset: the model
emits only what sounds. Decoding puts ㅇ before every vowel that does not follow an onset (lossless, since
codas and onsets are different units) and composes the jamo into syllables (NFC); a sequence that still does
not compose stays as jamo and counts as an error.

Text normalisation before tokenising (`normalize`): Unicode NFC; punctuation and symbols dropped; any other
non-Hangul character (Latin, digits, stray jamo) becomes <unk>; whitespace collapsed. Transcripts must
already be in spoken form (numbers as Hangul).
"""
import unicodedata

BLANK, UNK, SPACE = "<blank>", "<unk>", "\u2581"
SILENT_ONSET = "\u110b"
JAMO = ([chr(0x1100 + i) for i in range(19) if chr(0x1100 + i) != SILENT_ONSET]
        + [chr(0x1161 + i) for i in range(21)] + [chr(0x11A8 + i) for i in range(27)])


def is_onset(ch):
    return "\u1100" <= ch <= "\u1112"


def is_vowel(ch):
    return "\u1161" <= ch <= "\u1175"


def compose_jamo(text):
    """Jamo (without silent onsets) to syllables: ㅇ before each vowel that does not follow an onset, then NFC."""
    out = []
    for ch in text:
        if is_vowel(ch) and not (out and is_onset(out[-1])):
            out.append(SILENT_ONSET)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def ks_x_1001_syllables():
    out = []
    for hi in range(0xB0, 0xC9):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("euc_kr")
            except UnicodeDecodeError:
                continue
            if "\uac00" <= ch <= "\ud7a3":
                out.append(ch)
    return out


def is_syllable(ch):
    return "\uac00" <= ch <= "\ud7a3"


def normalize(text):
    """Returns the normalised transcript: Hangul syllables, single spaces, and U+FFFD for unknowns."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        if is_syllable(ch):
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        else:
            cat = unicodedata.category(ch)
            if cat[0] in "PSZC":  # punctuation, symbols, separators, controls
                out.append(" " if cat[0] == "Z" else "")
            else:
                out.append("\ufffd")
    return " ".join("".join(out).split())


class Vocab:
    def __init__(self, tokens):
        assert tokens[:3] == [BLANK, UNK, SPACE], tokens[:3]
        self.tokens = list(tokens)
        self.index = {t: i for i, t in enumerate(self.tokens)}
        self.jamo = len(self.tokens) > 3 and self.tokens[3] == JAMO[0]

    def __len__(self):
        return len(self.tokens)

    def encode(self, text):
        ids = []
        for ch in normalize(text):
            if ch == " ":
                ids.append(2)
            elif self.jamo and is_syllable(ch):
                ids += [self.index[j] for j in unicodedata.normalize("NFD", ch) if j != SILENT_ONSET]
            else:
                ids.append(self.index.get(ch, 1))
        return ids

    def decode(self, ids):
        text = "".join(" " if i == 2 else ("\ufffd" if i == 1 else self.tokens[i]) for i in ids if i != 0).strip()
        return compose_jamo(text) if self.jamo else text

    def greedy(self, best_ids):
        """CTC greedy: collapse repeats, drop blanks."""
        out, prev = [], -1
        for i in best_ids:
            i = int(i)
            if i != prev and i != 0:
                out.append(i)
            prev = i
        return self.decode(out)

    @staticmethod
    def jamo_units():
        return Vocab([BLANK, UNK, SPACE] + JAMO)

    @staticmethod
    def build(transcripts, words=(), min_word_count=3, include_ks=True):
        syl = set(ks_x_1001_syllables()) if include_ks else set()
        for t in transcripts:
            syl.update(ch for ch in normalize(t) if is_syllable(ch))
        counts = {}
        for w in words:
            for ch in w:
                if is_syllable(ch):
                    counts[ch] = counts.get(ch, 0) + 1
        syl.update(ch for ch, c in counts.items() if c >= min_word_count)
        return Vocab([BLANK, UNK, SPACE] + sorted(syl))


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer_counts(hyp, ref):
    """(edits, reference length) over characters with spaces removed (the usual Korean CER)."""
    h = normalize(hyp).replace(" ", "")
    r = normalize(ref).replace(" ", "")
    return edit_distance(h, r), len(r)
