/// Normalises Korean text before two texts are compared, so that spelling variants do not count as errors.
///
/// The steps run in this order, each behind a switch of ``Options`` (defaults are the scoring defaults):
/// 1. ``Options/unicodeNFC`` — NFC composition (jamo sequences → syllables).
/// 2. ``Options/composeCompatibilityJamo`` — "ㅎㅏㄴ" → "한" (see ``CompatibilityJamo/compose(_:)``).
/// 3. ``Options/foldWidth`` — Unicode NFKC compatibility folding (full-width forms, ①, ½, ﬁ, half-width
///    jamo; compatibility jamo kept) and invisible characters removed (``TextFolding/foldCompatibility(_:)``).
/// 4. ``Options/removeWebMarkers`` — ㅋㅋ, ㅎㅎ, ㅠㅠ, ^^, ;; → space.
/// 5. ``Options/numberForm`` — numbers to one form ("39,000원" → "삼만 구천 원").
/// 6. ``Options/removePunctuation`` — punctuation and symbols → space (see ``Punctuation``).
/// 7. ``Options/foldCase`` — lower case (Unicode full case mapping).
/// 8. ``Options/foldWhitespace`` — whitespace runs → one space, trimmed.
public struct TextNormalizer: Sendable {
    /// The normalisation switches.
    public struct Options: Codable, Equatable, Hashable, Sendable {
        /// NFC composition. Default `true`: transcripts from different tools differ in composition.
        public var unicodeNFC: Bool
        /// Compose runs of compatibility jamo into syllables. Default `false`: such runs are rare in
        /// transcripts and are usually deliberate (ㅇㅋ).
        public var composeCompatibilityJamo: Bool
        /// NFKC compatibility folding and removal of invisible characters
        /// (``TextFolding/foldCompatibility(_:)``). Default `true`.
        public var foldWidth: Bool
        /// Remove informal markers (ㅋㅋ, ㅎㅎ, ㅠㅠ, ^^, ;;). Default `true`: they are not speech.
        public var removeWebMarkers: Bool
        /// Which form numbers take. Default ``NumberForm/spoken``: "39,000원" ≡ "삼만 구천 원".
        public var numberForm: NumberForm
        /// Replace punctuation and symbols by spaces. Default `true`: speech has no punctuation.
        public var removePunctuation: Bool
        /// Lower-case Latin (and other cased) letters. Default `true`: "SALE" ≡ "sale".
        public var foldCase: Bool
        /// Collapse and trim whitespace. Default `true`.
        public var foldWhitespace: Bool

        /// Creates options; every parameter defaults to the scoring default documented on its property.
        public init(
            unicodeNFC: Bool = true, composeCompatibilityJamo: Bool = false, foldWidth: Bool = true,
            removeWebMarkers: Bool = true, numberForm: NumberForm = .spoken, removePunctuation: Bool = true,
            foldCase: Bool = true, foldWhitespace: Bool = true
        ) {
            self.unicodeNFC = unicodeNFC
            self.composeCompatibilityJamo = composeCompatibilityJamo
            self.foldWidth = foldWidth
            self.removeWebMarkers = removeWebMarkers
            self.numberForm = numberForm
            self.removePunctuation = removePunctuation
            self.foldCase = foldCase
            self.foldWhitespace = foldWhitespace
        }

        /// Every step off: text is compared exactly as written.
        public static let verbatim = Options(
            unicodeNFC: false, foldWidth: false, removeWebMarkers: false, numberForm: .keep,
            removePunctuation: false, foldCase: false, foldWhitespace: false)
    }

    /// The switches in use.
    public var options: Options

    /// Creates a normaliser; the default options are the scoring defaults.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// `text` after the enabled steps, in the order documented on ``TextNormalizer``.
    public func normalize(_ text: String) -> String {
        var text = text
        if options.unicodeNFC { text = UnicodeNormalization.nfc(text) }
        if options.composeCompatibilityJamo { text = CompatibilityJamo.compose(text) }
        if options.foldWidth { text = TextFolding.foldCompatibility(text) }
        if options.removeWebMarkers { text = WebMarkers.remove(from: text) }
        switch options.numberForm {
        case .keep: break
        case .spoken: text = NumberVerbalizer().spokenForm(of: text)
        case .digits: text = NumberDigitizer().digitForm(of: text)
        }
        if options.removePunctuation { text = Punctuation.remove(from: text) }
        if options.foldCase { text = TextFolding.foldCase(text) }
        if options.foldWhitespace { text = TextFolding.foldWhitespace(text) }
        return text
    }
}
