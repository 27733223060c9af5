import Foundation
import Insight
import Testing

@testable import Report

@Suite struct ReportTests {
    /// User strings (titles, review words, keywords) reach every page and export escaped, never as markup.
    @Test func pagesEscapeUserStrings() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let store = WorkspaceStore(root: workspace.root)
        var broadcast = try store.broadcast(id: "demo-b")
        broadcast.report.ments[0].mention.keyword = DemoWorkspace.hostile
        let pages = [
            ListPage(entries: try store.entries()).html(), DashboardPage(broadcast: broadcast, assets: .inline).html(),
            TranscriptPage(broadcast: broadcast).html(),
        ]
        for page in pages {
            #expect(!page.contains("<img"))
            #expect(!page.contains("onerror=alert(1)>\""))
        }
        #expect(pages[0].contains("Second demo &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"))
        #expect(pages[1].contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    /// Ids that are not plain folder names, or not in the workspace, are unknown broadcasts.
    @Test func rejectsUnknownAndTraversingIDs() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let store = WorkspaceStore(root: workspace.root)
        for id in ["nope", "..", "../broadcasts/demo-a", ".hidden", "demo-a/../demo-b", ""] {
            #expect(throws: ReportError.unknownBroadcast(id)) { try store.broadcast(id: id) }
            #expect(throws: ReportError.unknownBroadcast(id)) { try store.recording(id: id) }
        }
    }

    /// The list reads every broadcast with its stages and headline figures.
    @Test func listsBroadcasts() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let entries = try WorkspaceStore(root: workspace.root).entries()
        #expect(entries.map(\.id).sorted() == DemoWorkspace.ids)
        #expect(
            entries.allSatisfy {
                $0.stages.map(\.name) == ["align", "transcribe"] && $0.summary == workspace.report.summary
            })
    }

    /// The findings name the sales figures and the strongest keyword, in Korean and English.
    @Test func writesFindings() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let findings = Findings(try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")).sentences
        #expect(findings.count >= 4)
        #expect(findings[0].korean.contains("\(workspace.report.summary.unitsSold)개"))
        #expect(findings[0].english.contains("units sold"))
    }

    /// Reviews of products the show did not list or sell stay off the page, findings and workbook; names come from
    /// the metadata; a topic with fewer than five sentences is never called a product's best or worst.
    @Test func reviewsKeepToTheShowsProducts() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        var broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        var reviews = DemoWorkspace.reviews
        reviews.products.append(
            DemoWorkspace.product(
                "P004", nil, reviews: 3, sentiment: 1.0, meanRating: 2.0,
                topics: [("서비스", 1, 0.1, 1.0)]))
        let first = reviews.products[0].score
        reviews.products[0] = DemoWorkspace.product(
            "P001", "review-file name", reviews: first.reviews, sentiment: first.sentiment,
            meanRating: first.meanRating,
            topics: first.topics.map { ($0.topic, $0.sentences, $0.sentiment, $0.meanRating) } + [("서비스", 1, 0.1, 1.0)])
        broadcast.reviews = reviews
        #expect(broadcast.showReviews.map(\.productID) == ["P001", "P002"])
        let html = DashboardPage(broadcast: broadcast, assets: .inline).html()
        #expect(!html.contains("value=\"P004\"") && html.contains("<option value=\"P001\">울 니트</option>"))
        let findings = Findings(broadcast).sentences.map(\.korean)
        #expect(!findings.joined().contains("P004") && !findings.joined().contains("서비스"))
        #expect(findings.contains { $0.contains("울 니트 리뷰") && $0.contains("‘사이즈’가 가장 낮습니다") })
        let rows = try #require(ReportWorkbook.workbook(broadcast).sheets.first { $0.name == "Reviews" }).rows
        #expect(!rows.contains { $0.first == .text("P004") })
    }

    /// Analysts' verdicts are summed up in the findings; a show without any has no such sentence.
    @Test func findingsCountVerdicts() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        var broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        #expect(!Findings(broadcast).sentences.contains { $0.english.hasPrefix("Analysts listened") })
        broadcast.report.ments[0].mention.confirmedBy = "kim"
        broadcast.verdicts.record(.init(keyword: "할인", time: 99, verdict: .rejected))
        broadcast.verdicts.record(.init(keyword: "할인", time: 199, verdict: .rejected))
        let sentence = Findings(broadcast).sentences.first { $0.english.hasPrefix("Analysts listened") }
        #expect(
            sentence?.english == "Analysts listened to 3 mentions: 1 confirmed, 2 rejected as misheard and left "
                + "out of every figure.")
        #expect(sentence?.korean.contains("언급 3건을 듣고 1건을 확인했고, 잘못 인식된 2건은") == true)
    }

    /// A mention an analyst confirmed says who in the mentions sheet's last column; the others leave it empty.
    @Test func workbookNamesWhoConfirmed() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        var broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        broadcast.report.ments[0].mention.confirmedBy = "kim"
        broadcast.report.ments[1].mention.confirmedBy = ""
        let rows = try #require(ReportWorkbook.workbook(broadcast).sheets.first { $0.name == "Mentions" }).rows
        #expect(rows[0].last == .text("확인 Confirmed by"))
        #expect(rows[1].last == .text("kim") && rows[2].last == .text("analyst") && rows[3].last == .empty)
    }

    /// The XLSX opens in openpyxl with its sheets, the expected cell values, number formats, frozen headers, widths
    /// and charts.
    @Test func xlsxReadsBackInOpenpyxl() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        let file = workspace.root + "/report.xlsx"
        try ReportFormat.xlsx.render(broadcast).write(to: URL(fileURLWithPath: file))
        let python = try ToolRunner.locate("python3", package: "python3")
        let json = try ToolRunner.run(python, [ToolRunner.scripts + "/xlsx_check.py", file])
        let book = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(book["sheets"] as? [String] == ReportWorkbook.sheetNames)
        let cells = book["cells"] as! [String: [[Any]]]
        let summary = workspace.report.summary
        #expect(cells["Summary"]?[4][1] as? Double == Double(summary.unitsSold))
        #expect(abs((cells["Summary"]?[5][1] as? Double ?? 0) - summary.revenue) < 0.5)
        #expect(cells["Mentions"]?.count == workspace.report.ments.count + 1)
        #expect(cells["Mentions"]?[1][1] as? String == workspace.report.ments[0].mention.keyword)
        #expect(cells["Events"]?.count == workspace.report.timeline.count + 1)
        #expect(cells["Keywords"]?.count == workspace.report.keywords.count + workspace.report.topics.count + 1)
        #expect(cells["Reviews"]?[1][0] as? String == "P001")
        #expect((cells["Reviews"]?[1][6] as? String)?.contains(DemoWorkspace.hostile) == true)
        #expect(cells["Products"]?.count == workspace.report.summary.products.count + 1)

        // Native number formats, frozen headers, fitted widths, native charts over the sheets' own ranges.
        let formats = book["formats"] as! [String: [[String]]]
        #expect(formats["Summary"]?[0][1] == "@" || formats["Summary"]?[0][1] == "General")  // the title: text
        #expect(formats["Keywords"]?[0][4] == "0.00" && formats["Keywords"]?[0][12] == "0.0%")
        #expect(formats["Products"]?[0][4] == "\"₩\"#,##0" && formats["Mentions"]?[0][0] == "[m]:ss")
        let frozen = book["frozen"] as! [String: String]
        #expect(ReportWorkbook.sheetNames.allSatisfy { frozen[$0] == "A2" })
        let widths = book["widths"] as! [String: [String: Double]]
        #expect((widths["Mentions"]?["D"] ?? 0) > (widths["Mentions"]?["A"] ?? 0))
        let charts = (book["charts"] as! [String: [String]]).values.map { $0.joined(separator: " ") }.sorted()
        #expect(charts.count == 3)
        #expect(
            charts.contains {
                $0.contains("'Events'!$A$2:$A$\(workspace.report.timeline.count + 1)") && $0.contains("'Events'!$D$2")
            })
        #expect(charts.contains { $0.contains("'Keywords'!$E$2:$E$\(workspace.report.keywords.count + 1)") })
    }

    /// The PDF, printed by headless Chromium, carries the Korean summary as text on a sane number of pages.
    @Test func pdfHasKoreanText() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let chromium = try ToolRunner.locate("chromium", package: "chromium fonts-nanum")
        let broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        let file = workspace.root + "/report.pdf"
        try ReportFormat.pdf.render(broadcast, printer: PDFPrinter(executable: chromium)).write(
            to: URL(fileURLWithPath: file))
        let text = try ToolRunner.run(try ToolRunner.locate("pdftotext", package: "poppler-utils"), [file, "-"])
        #expect(text.contains("종합 점수"))
        #expect(text.contains("겨울 니트"))
        #expect(text.contains("\(workspace.report.summary.unitsSold)개"))
        let info = try ToolRunner.run(try ToolRunner.locate("pdfinfo", package: "poppler-utils"), [file])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.split(separator: " ").last ?? "")
        }
        #expect((1...12).contains(pages ?? 0))
        let fonts = try ToolRunner.run(try ToolRunner.locate("pdffonts", package: "poppler-utils"), [file])
        #expect(fonts.contains("Nanum"))
    }
}
