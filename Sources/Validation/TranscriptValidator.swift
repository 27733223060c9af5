import Hangul

/// Scores a hypothesis transcript against a reference: CER, WER and sentence errors per item and for the
/// corpus, with S/D/I counts, aligned error views and word-time offsets.
///
/// Definitions (after normalising both sides with ``ValidationOptions/normalization``):
/// - CER counts Unicode scalars with all whitespace removed (a Hangul syllable is one character after NFC).
/// - WER counts eojeol, the whitespace-separated words.
/// - Rates are (S + D + I) / N with N reference tokens; an empty reference gives errors / 1, i.e. the number
///   of insertions (0 when both are empty), as jiwer does. Corpus rates divide total errors by total N.
/// - A sentence is in error when any character differs.
///
/// Pairing is by id. A reference id without a hypothesis is scored against an empty hypothesis (all
/// deletions) and warned about; hypothesis ids without a reference are listed and warned about, not scored.
/// When both sides are single documents (``ItemizedTranscript/Layout/document``) they are paired whatever their ids.
public struct TranscriptValidator: Sendable {
    /// The options in use.
    public let options: ValidationOptions
    /// The normaliser built from the options.
    let normalizer: TextNormalizer
    /// The aligner.
    let aligner = LevenshteinAligner()

    /// Creates a validator.
    public init(options: ValidationOptions = ValidationOptions()) {
        self.options = options
        normalizer = TextNormalizer(options: options.normalization)
    }

    /// Validates `hypothesis` against `reference` with `options`; the entry point for the pipeline.
    public static func validate(
        reference: ItemizedTranscript, hypothesis: ItemizedTranscript, options: ValidationOptions = ValidationOptions()
    ) -> ValidationReport {
        TranscriptValidator(options: options).validate(reference: reference, hypothesis: hypothesis)
    }

    /// Validates `hypothesis` against `reference`.
    public func validate(reference: ItemizedTranscript, hypothesis: ItemizedTranscript) -> ValidationReport {
        var hypotheses: [String: TranscriptItem] = [:]
        for item in hypothesis.items { hypotheses[item.id] = item }
        if reference.layout == .document, hypothesis.layout == .document,
            reference.items.count == 1, hypothesis.items.count == 1, let only = hypothesis.items.first
        {
            hypotheses = [reference.items[0].id: only]
        }
        var warnings: [String] = []
        var items: [ItemReport] = []
        var pooledOffsets = TimingOffsets()
        var usedIDs = Set<String>()
        for referenceItem in reference.items {
            let hypothesisItem = hypotheses[referenceItem.id]
            if hypothesisItem == nil {
                warnings.append("no hypothesis for reference id '\(referenceItem.id)': scored as all deletions")
            } else {
                usedIDs.insert(referenceItem.id)
            }
            let (report, offsets) = score(reference: referenceItem, hypothesis: hypothesisItem)
            items.append(report)
            if let offsets { pooledOffsets.append(offsets) }
        }
        let unmatched = hypothesis.items.map(\.id).filter { hypotheses[$0] != nil && !usedIDs.contains($0) }
        if !unmatched.isEmpty {
            let listed = unmatched.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
            warnings.append(
                "\(unmatched.count) hypothesis id(s) not in the reference, not scored: \(listed)"
                    + (unmatched.count > 10 ? ", …" : ""))
        }
        return ValidationReport(
            reference: reference.source, hypothesis: hypothesis.source, options: options,
            corpus: CorpusSummary(items: items, timing: TimingReport(pooledOffsets)),
            items: items, unmatchedHypothesisIDs: unmatched, warnings: warnings)
    }

    /// Scores one pair of texts; `id` labels the report.
    public func score(reference: String, hypothesis: String, id: String = "") -> ItemReport {
        score(reference: TranscriptItem(id: id, text: reference), hypothesis: TranscriptItem(id: id, text: hypothesis))
            .0
    }

    /// Scores one item; a `nil` hypothesis is scored as empty. Also returns raw timing offsets when both
    /// sides have word times.
    func score(reference: TranscriptItem, hypothesis: TranscriptItem?) -> (ItemReport, TimingOffsets?) {
        let referenceText = normalizer.normalize(reference.text)
        let hypothesisText = normalizer.normalize(hypothesis?.text ?? "")
        let referenceCharacters = ScoringTokens.characters(of: referenceText)
        let hypothesisCharacters = ScoringTokens.characters(of: hypothesisText)
        let characterSteps = aligner.align(referenceCharacters, hypothesisCharacters)
        let referenceWords = ScoringTokens.words(of: referenceText)
        let hypothesisWords = ScoringTokens.words(of: hypothesisText)
        let wordIDs = ScoringTokens.wordIDs(referenceWords, hypothesisWords)
        let wordSteps = aligner.align(wordIDs.reference, wordIDs.hypothesis)
        let characters = ErrorCounts(characterSteps)
        let words = ErrorCounts(wordSteps)

        var offsets: TimingOffsets?
        if let referenceTimes = reference.words, let hypothesisTimes = hypothesis?.words {
            offsets = WordTimingAnalyzer(normalizer: normalizer, aligner: aligner)
                .offsets(reference: referenceTimes, hypothesis: hypothesisTimes)
        }
        let report = ItemReport(
            id: reference.id, pairing: hypothesis == nil ? .missingHypothesis : .paired,
            reference: referenceText, hypothesis: hypothesisText,
            characters: characters, words: words, cer: characters.rate, wer: words.rate,
            sentenceError: characters.errors > 0,
            wordAlignment: options.includeAlignments
                ? AlignedToken.columns(
                    wordSteps, reference: referenceWords, hypothesis: hypothesisWords, text: String.init)
                : nil,
            characterAlignment: options.includeAlignments
                ? AlignedToken.columns(
                    characterSteps, reference: referenceCharacters, hypothesis: hypothesisCharacters,
                    text: String.init) : nil,
            timing: offsets.flatMap(TimingReport.init))
        return (report, offsets)
    }
}
