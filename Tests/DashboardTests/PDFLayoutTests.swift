import Foundation
import Testing

@testable import Report

/// How the printed report falls on its pages.
struct PDFLayoutTests {
    /// Each review block names its product, and no page ends on a heading whose chart or table went to the next.
    @Test func reviewBlocksNamedAndHeadingsKeptWithTheirCharts() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let chromium = try ToolRunner.locate("chromium", package: "chromium fonts-nanum")
        let pdftotext = try ToolRunner.locate("pdftotext", package: "poppler-utils")
        let broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        let file = workspace.root + "/report.pdf"
        let pdf = try ReportFormat.pdf.render(broadcast, printer: PDFPrinter(executable: chromium))
        try pdf.write(to: URL(fileURLWithPath: file))
        let pages = try ToolRunner.run(pdftotext, ["-layout", file, "-"]).components(separatedBy: "\u{0C}")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            .filter { !$0.isEmpty }
        let text = pages.flatMap { $0 }.joined(separator: "\n")
        for product in broadcast.showReviews {
            #expect(text.contains(try #require(product.name)), "\(product.productID)")
        }
        // The headings as printed: Korean by default, so each heading's text before its English half.
        let html = DashboardPage(broadcast: broadcast, assets: .inline).html()
        let headings = html.matches(of: try Regex(#"<h[23][^>]*>(.*?)</h[23]>"#)).compactMap { match -> String? in
            let inner = (match.output[1].substring.map(String.init) ?? "").replacing(try! Regex("<[^>]*>"), with: "")
            let korean = inner.prefix { !($0.isASCII && $0.isLetter) }.trimmingCharacters(in: .whitespaces)
            return korean.isEmpty ? nil : korean
        }
        #expect(headings.count > 5)
        for (number, page) in pages.dropLast().enumerated() {
            let last = try #require(page.last)
            let endsOnHeading = headings.contains { last.hasPrefix($0) && last.count <= $0.count + 12 }
            #expect(!endsOnHeading, "page \(number + 1) ends on ‘\(last)’")
        }
    }
}
