import Formatting
import Markup

/// Renders a report as one self-contained HTML page: corpus totals, a table of items, and aligned error
/// views (words, with the character view folded underneath). All text from transcripts is escaped.
public struct HTMLReportRenderer: Sendable {
    /// Which items get aligned views (the unit is ignored: both are shown).
    public var view: AlignmentView

    /// Creates a renderer.
    public init(view: AlignmentView = AlignmentView()) {
        self.view = view
    }

    /// The page.
    public func render(_ report: ValidationReport) -> String {
        var html = """
            <!doctype html>
            <html lang="ko"><head><meta charset="utf-8"><title>Transcript validation</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}
            td,th{padding:2px 8px;text-align:right}th{border-bottom:1px solid #999}td.id,th.id{text-align:left}
            .al td{text-align:center;white-space:pre;font-family:monospace;padding:1px 4px}
            .S{background:#fff3b0}.D{background:#ffc9c9}.I{background:#c9f2c9}.op{color:#666;font-size:80%}
            section{margin:1.5em 0}.warn{color:#a40}
            </style></head><body>
            <h1>Transcript validation</h1>

            """
        html +=
            "<p>Reference: \(MarkupText.escape(report.reference))<br>"
            + "Hypothesis: \(MarkupText.escape(report.hypothesis))</p>\n"
        html += corpusTable(report.corpus)
        if !report.warnings.isEmpty {
            html +=
                "<ul class=\"warn\">" + report.warnings.map { "<li>\(MarkupText.escape($0))</li>" }.joined() + "</ul>\n"
        }
        html += itemTable(report.items)
        for (index, item) in report.items.enumerated() {
            guard let words = AlignmentView(unit: .words, selection: view.selection).columns(of: item) else { continue }
            html +=
                "<section id=\"item-\(index)\"><h3>\(MarkupText.escape(item.id)) — "
                + "CER \(NumberText.percent(item.cer)), "
                + "WER \(NumberText.percent(item.wer))</h3>\n" + alignmentTable(words)
            if let characters = item.characterAlignment {
                html += "<details><summary>characters</summary>\n" + alignmentTable(characters) + "</details>\n"
            }
            html += "</section>\n"
        }
        return html + "</body></html>\n"
    }

    /// The corpus figures.
    func corpusTable(_ corpus: CorpusSummary) -> String {
        var rows = [
            (
                "CER",
                "\(NumberText.percent(corpus.cer)) (S \(corpus.characters.substitutions), "
                    + "D \(corpus.characters.deletions), "
                    + "I \(corpus.characters.insertions) / \(corpus.characters.referenceLength) characters)"
            ),
            (
                "WER",
                "\(NumberText.percent(corpus.wer)) (S \(corpus.words.substitutions), D \(corpus.words.deletions), "
                    + "I \(corpus.words.insertions) / \(corpus.words.referenceLength) words)"
            ),
            (
                "SER",
                "\(NumberText.percent(corpus.sentenceErrorRate)) (\(corpus.sentenceErrors) / \(corpus.items) items)"
            ),
        ]
        if let timing = corpus.timing {
            rows.append(
                (
                    "timing",
                    "\(timing.matchedWords) words; "
                        + "|start| mean \(ReportFormat.seconds(timing.meanAbsoluteStartOffset)), "
                        + "median \(ReportFormat.seconds(timing.medianAbsoluteStartOffset)); |end| mean "
                        + "\(ReportFormat.seconds(timing.meanAbsoluteEndOffset)), "
                        + "median \(ReportFormat.seconds(timing.medianAbsoluteEndOffset))"
                ))
        }
        return "<table>"
            + rows.map { "<tr><th class=\"id\">\($0.0)</th><td class=\"id\">\(MarkupText.escape($0.1))</td></tr>" }
            .joined()
            + "</table>\n"
    }

    /// One row per item, linking to its aligned view.
    func itemTable(_ items: [ItemReport]) -> String {
        var html =
            "<h2>Items</h2><table><tr><th class=\"id\">id</th><th>chars</th><th>CER</th><th>S</th><th>D</th>"
            + "<th>I</th><th>words</th><th>WER</th><th>S</th><th>D</th><th>I</th></tr>\n"
        for (index, item) in items.enumerated() {
            html +=
                "<tr><td class=\"id\"><a href=\"#item-\(index)\">\(MarkupText.escape(item.id))</a></td>"
                + countCells(item.characters, rate: item.cer) + countCells(item.words, rate: item.wer) + "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// Cells for reference length, rate, S, D and I.
    func countCells(_ counts: ErrorCounts, rate: Double) -> String {
        "<td>\(counts.referenceLength)</td><td>\(NumberText.percent(rate))</td><td>\(counts.substitutions)</td>"
            + "<td>\(counts.deletions)</td><td>\(counts.insertions)</td>"
    }

    /// REF, HYP and operation rows of an alignment.
    func alignmentTable(_ columns: [AlignedToken]) -> String {
        func cells(_ text: (AlignedToken) -> String) -> String {
            columns.map { "<td class=\"\($0.op.rawValue)\">\(MarkupText.escape(text($0)))</td>" }.joined()
        }
        return "<table class=\"al\"><tr><th>REF</th>" + cells { $0.ref ?? "*" } + "</tr>"
            + "<tr><th>HYP</th>" + cells { $0.hyp ?? "*" } + "</tr>"
            + "<tr class=\"op\"><th></th>" + cells { $0.op == .correct ? "" : $0.op.rawValue } + "</tr></table>\n"
    }
}
