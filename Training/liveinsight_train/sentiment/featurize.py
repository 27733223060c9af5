"""Review text → hashed feature ids: the one definition the Swift `ReviewFeaturizer` mirrors.

Spec (also in Docs/reviews.md, "Model features"):
  normalise  NFC; ASCII A–Z lower-cased; control characters and Unicode White_Space → space; runs of
             spaces → one; trimmed; any scalar repeated more than twice in a row kept twice (ㅋㅋㅋㅋ → ㅋㅋ).
  padded     " " + normalised + " "  (so word starts and ends are n-gram context).
  char grams every window of n = 1..4 Unicode scalars of the padded text.
  words      the normalised text split on " "; unigrams, and bigrams of neighbours.
  hash       FNV-1a, 64-bit, over the scalar values (not bytes): h = OFFSET; h = (h ^ kind) * PRIME;
             then h = (h ^ scalar) * PRIME per scalar; kind = n for char n-grams, 16 for words.
             word bigram: ((h(w1) ^ 17) * PRIME ^ h(w2)) * PRIME.   (all arithmetic mod 2^64)
  bucket     (h ^ (h >> 32)) & (buckets - 1); buckets is a power of two.
"""
import unicodedata

import numpy as np

OFFSET = 0xCBF29CE484222325
PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1
MAX_CHAR_N = 4
WORD_KIND = 16
BIGRAM_KIND = 17

WHITESPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
              *range(0x2000, 0x200B)}


def normalise(text: str) -> str:
    """The model's text normalisation (see the module docstring)."""
    out = []
    run_char, run_length = None, 0
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if code in WHITESPACE or code < 0x20 or 0x7F <= code < 0xA0:
            ch = " "
        elif 0x41 <= code <= 0x5A:
            ch = chr(code + 0x20)
        if ch == " " and (not out or out[-1] == " "):
            continue
        if ch == run_char:
            run_length += 1
            if run_length > 2:
                continue
        else:
            run_char, run_length = ch, 1
        out.append(ch)
    if out and out[-1] == " ":
        out.pop()
    return "".join(out)


def fnv(kind: int, scalars) -> int:
    h = ((OFFSET ^ kind) * PRIME) & MASK64
    for c in scalars:
        h = ((h ^ c) * PRIME) & MASK64
    return h


def bucket(h, buckets: int):
    return (h ^ (h >> 32)) & (buckets - 1)


def features_one(text: str, buckets: int) -> list[int]:
    """Reference (slow, obviously correct) feature ids of one raw text, in the Swift order."""
    norm = normalise(text)
    padded = [ord(c) for c in " " + norm + " "]
    ids = []
    for n in range(1, MAX_CHAR_N + 1):
        for i in range(len(padded) - n + 1):
            ids.append(bucket(fnv(n, padded[i:i + n]), buckets))
    words = [w for w in norm.split(" ") if w]
    hashes = [fnv(WORD_KIND, [ord(c) for c in w]) for w in words]
    ids += [bucket(h, buckets) for h in hashes]
    for a, b in zip(hashes, hashes[1:]):
        ids.append(bucket(((((a ^ BIGRAM_KIND) * PRIME) & MASK64 ^ b) * PRIME) & MASK64, buckets))
    return ids


def features_corpus(norm_texts: list[str], buckets: int):
    """Vectorised features of many normalised texts → (ids int32, offsets int64) in CSR form (bag order)."""
    padded = [" " + t + " " for t in norm_texts]
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    scalars = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    review_of = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)
    position = np.arange(len(scalars), dtype=np.int64) - np.repeat(starts, lengths)
    remaining = np.repeat(lengths, lengths) - position  # scalars from here to the end of its review

    rows, cols = [], []
    prime = np.uint64(PRIME)
    for n in range(1, MAX_CHAR_N + 1):
        valid = np.nonzero(remaining >= n)[0]
        h = np.full(len(valid), ((OFFSET ^ n) * PRIME) & MASK64, dtype=np.uint64)
        for k in range(n):
            h = (h ^ scalars[valid + k]) * prime
        rows.append(review_of[valid])
        cols.append(bucket(h, np.uint64(buckets)).astype(np.int32))

    cache: dict[str, int] = {}
    word_rows, word_ids, bigram_rows, bigram_ids = [], [], [], []
    for r, text in enumerate(norm_texts):
        hashes = []
        for w in text.split(" "):
            if not w:
                continue
            h = cache.get(w)
            if h is None:
                h = cache[w] = fnv(WORD_KIND, [ord(c) for c in w])
            hashes.append(h)
        word_rows.extend([r] * len(hashes))
        word_ids.extend(hashes)
        for a, b in zip(hashes, hashes[1:]):
            bigram_rows.append(r)
            bigram_ids.append(((((a ^ BIGRAM_KIND) * PRIME) & MASK64 ^ b) * PRIME) & MASK64)
    for r, h in ((word_rows, word_ids), (bigram_rows, bigram_ids)):
        rows.append(np.asarray(r, dtype=np.int64))
        cols.append(bucket(np.asarray(h, dtype=np.uint64), np.uint64(buckets)).astype(np.int32))

    rows = np.concatenate(rows)
    cols = np.concatenate(cols)
    order = np.argsort(rows, kind="stable")
    counts = np.bincount(rows, minlength=len(norm_texts))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return cols[order], offsets
