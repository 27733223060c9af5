import Foundation
import Markup
import ZIPFoundation

/// A minimal Office Open XML (SpreadsheetML) workbook: named sheets of text and number cells, the first
/// row of each sheet bold and frozen. Strings are stored inline, so no shared-string table is needed.
public struct XLSXWorkbook: Sendable {
    /// A cell value.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    /// One worksheet.
    public struct Sheet: Sendable {
        /// Sheet name (at most 31 characters; `[]:*?/\` are replaced).
        public var name: String
        /// Rows of cells; the first is the header.
        public var rows: [[Cell]]

        /// Creates a sheet.
        public init(name: String, rows: [[Cell]]) { (self.name, self.rows) = (name, rows) }
    }

    /// The sheets, in tab order.
    public var sheets: [Sheet]

    /// Creates a workbook.
    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The `.xlsx` file's bytes.
    public func data() throws(ReportError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, xml) in parts() {
                let bytes = Data(xml.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: Date(timeIntervalSince1970: 946_684_800), compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ReportError.unwritable(path: "workbook", detail: "no archive data") }
            return data
        } catch let error as ReportError { throw error } catch {
            throw .unwritable(path: "workbook", detail: "\(error)")
        }
    }

    private func parts() -> [(String, String)] {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        var parts: [(String, String)] = [
            ("[Content_Types].xml", header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + overrides + "</Types>"),
            ("_rels/.rels", header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
                + sheets.enumerated().map { "<sheet name=\"\(Self.xml(Self.sheetName($1.name)))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
                + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
                + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"),
            ("xl/styles.xml", header + "<styleSheet xmlns=\"\(main)\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"NanumGothic\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"NanumGothic\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border/></borders>"
                + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"2\"><xf fontId=\"0\"/><xf fontId=\"1\" applyFont=\"1\"/></cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", header + worksheet(sheet, main: main))) }
        return parts
    }

    private func worksheet(_ sheet: Sheet, main: String) -> String {
        var xml = "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = Self.column(columnIndex) + String(rowIndex + 1), style = rowIndex == 0 ? " s=\"1\"" : ""
                switch cell {
                case .text(let text): xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(Self.xml(text))</t></is></c>"
                case .number(let value) where value.isFinite:
                    let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
                    xml += "<c r=\"\(reference)\"\(style)><v>\(text)</v></c>"
                case .number, .empty: break
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 { index -= 1; letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters; index /= 26 }
        return letters
    }

    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }

    /// Text escaped for XML, without the control characters XML 1.0 forbids.
    static func xml(_ text: String) -> String {
        MarkupText.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" })))
    }
}
