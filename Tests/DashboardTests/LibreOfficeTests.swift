import Foundation
import Testing

@testable import Report

/// The XLSX report as LibreOffice sees it (an independent reader besides openpyxl).
struct LibreOfficeTests {
    /// `soffice --headless` converts every sheet of the report to CSV with nothing about the file on stderr, and
    /// reads the same totals: the file opens cleanly, with no repair or format warnings.
    @Test func xlsxOpensInLibreOffice() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let soffice = try ToolRunner.locate("soffice", package: "libreoffice-calc-nogui")
        let broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-a")
        let file = workspace.root + "/report.xlsx"
        try ReportFormat.xlsx.render(broadcast).write(to: URL(fileURLWithPath: file))
        // Its own profile, so a run never waits on another LibreOffice; filter options: comma, quote, UTF-8,
        // every sheet into its own file (the trailing -1).
        let result = try ToolRunner.runCapturingErrors(
            soffice,
            [
                "-env:UserInstallation=file://\(workspace.root)/lo-profile", "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", workspace.root + "/csv", file,
            ])
        // The one line LibreOffice prints on every start without its Java helper is not about the file.
        let warnings = result.errors.split(separator: "\n").filter { !$0.contains("failed to launch javaldx") }
        #expect(warnings.isEmpty, "\(warnings)")
        let sheets = try FileManager.default.contentsOfDirectory(atPath: workspace.root + "/csv")
        #expect(Set(sheets) == Set(ReportWorkbook.sheetNames.map { "report-\($0).csv" }))
        let summary = try String(contentsOfFile: workspace.root + "/csv/report-Summary.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(summary[4].count > 1 && summary[4][1] == "\(workspace.report.summary.unitsSold)")
    }
}
