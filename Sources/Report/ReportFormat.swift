import Foundation

/// The downloadable report formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case xlsx, pdf, html

    /// MIME type of the file.
    public var mimeType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pdf: "application/pdf"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// The report of `broadcast` in this format.
    public func render(_ broadcast: Broadcast, printer: PDFPrinter = PDFPrinter()) throws(ReportError) -> Data {
        switch self {
        case .xlsx: try ReportWorkbook.workbook(broadcast).data()
        case .html: Data(DashboardPage(broadcast: broadcast, assets: .inline).html().utf8)
        case .pdf: try printer.pdf(html: DashboardPage(broadcast: broadcast, assets: .inline).html())
        }
    }
}
