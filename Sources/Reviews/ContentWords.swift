/// Content words of a normalised sentence for word clouds: punctuation trimmed, common predicates in their
/// dictionary form (`PredicateLemma`: 편해요 → 편하다), particles stripped from the rest, stop words, numbers and
/// one-syllable leftovers dropped (one-syllable topic keywords such as 맛, 색, 핏 are kept).
public struct ContentWords: Sendable {
    /// Words never shown: adverbs of degree, pronouns, fillers, generic shopping verbs and nouns.
    public static let stopWords: Set<String> = [
        "너무", "진짜", "정말", "그냥", "완전", "좀", "많이", "조금", "약간", "다", "또", "더", "잘", "제", "저", "이거", "이건",
        "그거", "저거", "이번", "그리고", "근데", "그런데", "하지만", "그래도", "그래서", "있어요", "있습니다", "있는", "있고",
        "없어요", "없는", "같아요", "같은", "같네요", "합니다", "해요", "했어요", "하는", "하고", "하게", "해서", "했는데", "것",
        "거", "게", "수", "때", "듯", "정도", "생각", "구매", "구입", "주문", "상품", "제품", "물건", "사용", "샀어요", "샀는데",
        "받았어요", "입니다", "있다", "없다", "한", "할", "된", "되고", "되는", "됩니다", "돼요", "보고", "보니", "처음", "역시",
        "계속", "아주", "매우", "엄청", "되게", "넘", "우리", "저희", "이", "그", "저는", "제가", "나", "내", "것도", "거예요",
        "있어서", "있네요", "하나", "두", "한번", "다시", "이제", "아직", "벌써", "바로", "이렇게", "그렇게", "ㅋㅋ", "ㅎㅎ",
        "없었어요", "없고", "있었어요", "마세요", "주세요", "해주세요", "주셨어요", "왔어요", "왔고", "왔는데", "하네요", "되어",
        "되어서", "하니", "했고", "해도", "써요", "쓰고", "써", "보내", "보내지", "들어", "들어서", "나서", "나요", "거의",
        "같다", "않다", "하다", "받다", "입다", "먹다",
    ]

    private let keep: Set<[Unicode.Scalar]>
    private let stops = Set(stopWords.map { Array($0.unicodeScalars) })

    /// Content words that also keeps the one-syllable keywords (whole or prefix) of `topics`.
    public init(topics: TopicDictionary) {
        keep = Set(
            topics.topics.flatMap { Array($0.words) + $0.prefixes }.filter { $0.unicodeScalars.count == 1 }
                .map { Array($0.unicodeScalars) })
    }

    /// The content words of `sentence`, in order (repeats kept).
    public func words(of sentence: String) -> [String] {
        Array(sentence.unicodeScalars).split(separator: " ").compactMap { raw in
            let core = ParticleStripper.trimPunctuation(raw)
            let stem = PredicateLemma.lemma(core).map { Array($0.unicodeScalars) } ?? Array(ParticleStripper.stem(core))
            guard !stem.isEmpty, !stops.contains(stem), !stops.contains(Array(core)),
                stem.allSatisfy(Self.isWordScalar), stem.count >= 2 || keep.contains(stem)
            else { return nil }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: stem)
            return String(scalars)
        }
    }

    /// Hangul syllables and Latin letters only (no digits, jamo emoticons or symbols).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
}
