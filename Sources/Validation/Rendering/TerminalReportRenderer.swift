import Formatting
import Hangul

/// Renders a report for a terminal: a table per item, corpus totals, warnings, then aligned views with
/// S/D/I marked under each column (and coloured when ``useColor`` is set: S yellow, D red, I green).
public struct TerminalReportRenderer: Sendable {
    /// Whether to use ANSI colours; the CLI sets it only for a tty without `NO_COLOR`.
    public var useColor: Bool
    /// Which aligned views to show.
    public var view: AlignmentView
    /// The widest line of an aligned view, in terminal columns, before it wraps (default 100).
    public var lineWidth: Int

    /// Creates a renderer.
    public init(useColor: Bool = false, view: AlignmentView = AlignmentView(), lineWidth: Int = 100) {
        self.useColor = useColor
        self.view = view
        self.lineWidth = lineWidth
    }

    /// The whole report as text.
    public func render(_ report: ValidationReport) -> String {
        var lines = table(report)
        lines.append("")
        lines += summary(report.corpus)
        if !report.warnings.isEmpty {
            lines.append("")
            lines.append("warnings:")
            lines += report.warnings.map { "  - " + $0 }
        }
        for item in report.items {
            guard let columns = view.columns(of: item) else { continue }
            lines.append("")
            lines.append(
                "\(item.id)  CER \(NumberText.percent(item.cer))  WER \(NumberText.percent(item.wer))"
                    + (item.pairing == .missingHypothesis ? "  (no hypothesis)" : ""))
            lines += alignedLines(columns)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The per-item table with a corpus row.
    func table(_ report: ValidationReport) -> [String] {
        let idWidth = min(30, max(6, report.items.map { DisplayWidth.columns(of: $0.id) }.max() ?? 0))
        /// One table row.
        func row(_ id: String, _ characters: ErrorCounts, _ cer: Double, _ words: ErrorCounts, _ wer: Double) -> String
        {
            let shownID = DisplayWidth.columns(of: id) > idWidth ? String(id.prefix(idWidth - 1)) + "…" : id
            return DisplayWidth.padded(shownID, to: idWidth) + "  "
                + pad(characters.referenceLength, 7) + pad(NumberText.percent(cer), 8) + counts(characters) + "  "
                + pad(words.referenceLength, 7) + pad(NumberText.percent(wer), 8) + counts(words)
        }
        var lines = [
            DisplayWidth.padded("id", to: idWidth) + "  "
                + pad("chars", 7) + pad("CER", 8) + pad("S", 6) + pad("D", 6) + pad("I", 6) + "  "
                + pad("words", 7) + pad("WER", 8) + pad("S", 6) + pad("D", 6) + pad("I", 6)
        ]
        for item in report.items {
            lines.append(row(item.id, item.characters, item.cer, item.words, item.wer))
        }
        lines.append(String(repeating: "-", count: DisplayWidth.columns(of: lines[0])))
        lines.append(row("corpus", report.corpus.characters, report.corpus.cer, report.corpus.words, report.corpus.wer))
        return lines
    }

    /// Corpus lines: rates, sentence errors, timing.
    func summary(_ corpus: CorpusSummary) -> [String] {
        var lines = [
            "corpus: CER \(NumberText.percent(corpus.cer)) "
                + "(\(corpus.characters.errors)/\(corpus.characters.referenceLength) "
                + "characters), WER \(NumberText.percent(corpus.wer)) "
                + "(\(corpus.words.errors)/\(corpus.words.referenceLength) words)",
            "sentences: \(corpus.sentenceErrors)/\(corpus.items) with errors "
                + "(SER \(NumberText.percent(corpus.sentenceErrorRate)))"
                + (corpus.missingHypotheses > 0 ? ", \(corpus.missingHypotheses) without hypothesis" : ""),
        ]
        if let timing = corpus.timing {
            lines.append(
                "timing: \(timing.matchedWords) matched words; |start offset| mean "
                    + "\(ReportFormat.seconds(timing.meanAbsoluteStartOffset)), "
                    + "median \(ReportFormat.seconds(timing.medianAbsoluteStartOffset)); "
                    + "|end offset| mean \(ReportFormat.seconds(timing.meanAbsoluteEndOffset)), median "
                    + "\(ReportFormat.seconds(timing.medianAbsoluteEndOffset))")
        }
        return lines
    }

    /// REF/HYP/marker lines for the columns, wrapped at ``lineWidth``.
    func alignedLines(_ columns: [AlignedToken]) -> [String] {
        let prefixes = ["  REF: ", "  HYP: ", "       "]
        var lines: [String] = []
        var current = prefixes
        var width = prefixes[0].count
        for column in columns {
            let cellWidth = max(
                DisplayWidth.columns(of: column.ref ?? ""), DisplayWidth.columns(of: column.hyp ?? ""), 1)
            if width + cellWidth > lineWidth, width > prefixes[0].count {
                lines += current + [""]
                current = prefixes
                width = prefixes[0].count
            }
            let filler = String(repeating: "*", count: cellWidth)
            let cells = [column.ref ?? filler, column.hyp ?? filler, column.op == .correct ? "" : column.op.rawValue]
            for (row, cell) in cells.enumerated() {
                current[row] += paint(DisplayWidth.padded(cell, to: cellWidth), column.op) + " "
            }
            width += cellWidth + 1
        }
        lines += current
        return lines.map { $0.trimmingTrailingSpaces }
    }

    /// `text` in the colour of `operation`, when colour is on.
    func paint(_ text: String, _ operation: EditOperation) -> String {
        guard useColor else { return text }
        switch operation {
        case .correct: return text
        case .substitution: return "\u{1B}[33m" + text + "\u{1B}[0m"
        case .deletion: return "\u{1B}[31m" + text + "\u{1B}[0m"
        case .insertion: return "\u{1B}[32m" + text + "\u{1B}[0m"
        }
    }

    /// S, D and I right-aligned in six columns each.
    func counts(_ counts: ErrorCounts) -> String {
        pad(counts.substitutions, 6) + pad(counts.deletions, 6) + pad(counts.insertions, 6)
    }

    /// `value` right-aligned in `width` columns.
    func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        DisplayWidth.padded(value.description, to: width, alignment: .right)
    }
}

extension String {
    /// The string without trailing spaces.
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
