import Hangul
import Testing

@testable import Validation

/// Terminal and HTML renderings of a report.
struct ReportRenderingTests {
    /// A report with one error of each kind and markup in the text.
    static let report: ValidationReport = {
        var options = ValidationOptions()
        options.normalization.removePunctuation = false
        let reference = ItemizedTranscript(
            source: "ref.tsv", items: [TranscriptItem(id: #"<x>&"'"#, text: "오늘 <b>특가</b> 진행 합니다 여러분")])
        let hypothesis = ItemizedTranscript(
            source: "hyp.tsv", items: [TranscriptItem(id: #"<x>&"'"#, text: "오늘 <b>특카</b> 합니다 여러분 네")])
        return TranscriptValidator(options: options).validate(reference: reference, hypothesis: hypothesis)
    }()

    /// The HTML escapes every piece of transcript text.
    @Test func htmlEscapes() {
        let html = HTMLReportRenderer().render(Self.report)
        #expect(!html.contains("<b>") && !html.contains("<x>"))
        #expect(html.contains("&lt;b&gt;특가&lt;/b&gt;"))
        #expect(html.contains("&lt;x&gt;&amp;&quot;&#39;"))
    }

    /// The terminal view marks S, D and I under aligned columns, without colour unless asked.
    @Test func terminalAlignedView() {
        let text = TerminalReportRenderer().render(Self.report)
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("  REF: 오늘 <b>특가</b> 진행 합니다 여러분 **"))
        #expect(text.contains("  HYP: 오늘 <b>특카</b> **** 합니다 여러분 네"))
        #expect(text.contains("            S           D                  I"))
        #expect(TerminalReportRenderer(useColor: true).render(Self.report).contains("\u{1B}[33m"))
    }

    /// Long alignments wrap at the line width.
    @Test func wrapping() {
        let words = Array(repeating: "가나다", count: 40).joined(separator: " ")
        let report = TranscriptValidator().validate(
            reference: ItemizedTranscript(source: "r", items: [TranscriptItem(id: "a", text: words)]),
            hypothesis: ItemizedTranscript(source: "h", items: [TranscriptItem(id: "a", text: "")]))
        let lines = TerminalReportRenderer(lineWidth: 60).render(report).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("  REF:") }.count > 1)
        let aligned = lines.filter { $0.hasPrefix("  REF:") || $0.hasPrefix("  HYP:") }
        #expect(aligned.allSatisfy { DisplayWidth.columns(of: $0) <= 60 })
    }

    /// No aligned views are printed when none are asked for.
    @Test func selectionNone() {
        let text = TerminalReportRenderer(view: AlignmentView(selection: .none)).render(Self.report)
        #expect(!text.contains("REF:"))
    }
}
